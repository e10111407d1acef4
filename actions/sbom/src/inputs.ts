import {ConfigError} from '@pipeguard/core'
import {z} from 'zod'

/** The SBOM action's inputs, parsed once. */
export const SbomInputsSchema = z.object({
  path: z.string().default('.'),
  config: z.string().optional(),
  format: z.enum(['cyclonedx-json', 'spdx-json']).optional(),
  specVersion: z.enum(['1.5', '1.6']).optional(),
  output: z.string().optional(),
  submit: z.boolean().default(false),
  artifactName: z.string().default('sbom'),
  uploadArtifact: z.boolean().default(true),
  comment: z.enum(['on-findings', 'always', 'never']).default('on-findings'),
  githubToken: z.string().optional()
})
export type SbomInputs = z.infer<typeof SbomInputsSchema>

const bool = (value: string | undefined): boolean | string | undefined => {
  if (value === undefined) return undefined
  if (/^(true|True|TRUE)$/.test(value)) return true
  if (/^(false|False|FALSE)$/.test(value)) return false
  return value
}

export function readSbomInputs(getInput: (name: string) => string): SbomInputs {
  const read = (name: string): string | undefined => getInput(name).trim() || undefined
  const parsed = SbomInputsSchema.safeParse({
    path: read('path'),
    config: read('config'),
    format: read('format'),
    specVersion: read('spec-version'),
    output: read('output'),
    submit: bool(read('submit')),
    artifactName: read('artifact-name'),
    uploadArtifact: bool(read('upload-artifact')),
    comment: read('comment'),
    githubToken: read('github-token')
  })
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!
    const key = String(issue.path[0] ?? '').replace(/[A-Z]/g, c => `-${c.toLowerCase()}`)
    throw new ConfigError(`input "${key}": ${issue.message}`)
  }
  return parsed.data
}
