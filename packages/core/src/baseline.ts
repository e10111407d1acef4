import {readFileSync, writeFileSync} from 'node:fs'
import {z} from 'zod'
import {ConfigError} from './errors'
import type {Finding} from './finding'

export const DEFAULT_BASELINE_FILE = '.pipeguard-baseline.json'

export const BaselineSchema = z.object({
  version: z.literal(1),
  createdAt: z.string().optional(),
  findings: z.array(
    z.object({
      fingerprint: z.string(),
      ruleId: z.string(),
      path: z.string()
    })
  )
})
export type Baseline = z.infer<typeof BaselineSchema>

export function readBaseline(file: string, shownName = file): Set<string> {
  let raw: unknown
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'))
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    throw new ConfigError(
      code === 'ENOENT'
        ? `${shownName}: baseline file not found (create it with \`pipeguard baseline\`)`
        : `${shownName}: baseline is not valid JSON`
    )
  }
  const parsed = BaselineSchema.safeParse(raw)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!
    throw new ConfigError(`${shownName}: ${issue.path.join('.') || 'baseline'}: ${issue.message}`)
  }
  return new Set(parsed.data.findings.map(f => f.fingerprint))
}

/** Sorted and without timestamps unless asked, so re-running on an unchanged repo changes nothing. */
export function buildBaseline(findings: Finding[]): Baseline {
  const entries = findings
    .map(f => ({fingerprint: f.fingerprint, ruleId: f.ruleId, path: f.location.path}))
    .sort(
      (a, b) =>
        a.path.localeCompare(b.path) ||
        a.ruleId.localeCompare(b.ruleId) ||
        a.fingerprint.localeCompare(b.fingerprint)
    )
  const unique = entries.filter((e, i) => i === 0 || e.fingerprint !== entries[i - 1]!.fingerprint)
  return {version: 1, findings: unique}
}

export function writeBaseline(file: string, findings: Finding[]): Baseline {
  const baseline = buildBaseline(findings)
  writeFileSync(file, JSON.stringify(baseline, null, 2) + '\n')
  return baseline
}
