import {z} from 'zod'
import {FailOnSchema} from '../severity'

/** The action inputs every pipeguard action shares, parsed once at the edge. */
export const ActionInputsSchema = z.object({
  path: z.string().default('.'),
  config: z.string().optional(),
  failOn: FailOnSchema.optional(),
  mode: z.enum(['enforce', 'audit']).optional(),
  baseline: z.string().optional(),
  sarifFile: z.string().optional(),
  advisoryDb: z.string().optional(),
  osvUrl: z.string().optional()
})
export type ActionInputs = z.infer<typeof ActionInputsSchema>

export type InputReader = (name: string) => string

/** Reads `INPUT_*` through the given reader; empty strings mean "not set". */
export function readActionInputs(getInput: InputReader): ActionInputs {
  const read = (name: string): string | undefined => getInput(name).trim() || undefined
  return ActionInputsSchema.parse({
    path: read('path'),
    config: read('config'),
    failOn: read('fail-on'),
    mode: read('mode'),
    baseline: read('baseline'),
    sarifFile: read('sarif-file'),
    advisoryDb: read('advisory-db'),
    osvUrl: read('osv-url')
  })
}
