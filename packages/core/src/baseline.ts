import {existsSync, readFileSync, writeFileSync} from 'node:fs'
import {resolve} from 'node:path'
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

/** Where a scan's baseline comes from; every field is optional, the first one set wins. */
export interface BaselineSource {
  /** The scanned root: a configured or default baseline is relative to it. */
  root: string
  /** `--baseline` or the action's `baseline` input, relative to `explicitBase`. */
  explicit?: string
  /** The CLI's working directory, or the repository root for an action. */
  explicitBase: string
  /** The config's `baseline:`. */
  configured?: string
}

/**
 * The baseline file a scan uses, the same for the CLI and every action: the flag or input, else
 * the config's `baseline:`, else a committed `.pipeguard-baseline.json` in the scanned root when it
 * exists. A file named explicitly must exist; the default one is optional.
 */
export function resolveBaselineFile(
  source: BaselineSource
): {file: string; shownName: string} | undefined {
  if (source.explicit)
    return {file: resolve(source.explicitBase, source.explicit), shownName: source.explicit}
  if (source.configured)
    return {file: resolve(source.root, source.configured), shownName: source.configured}
  const file = resolve(source.root, DEFAULT_BASELINE_FILE)
  return existsSync(file) ? {file, shownName: DEFAULT_BASELINE_FILE} : undefined
}

/** The fingerprints of the baseline `resolveBaselineFile` picks, or undefined when there is none. */
export function loadBaseline(source: BaselineSource): Set<string> | undefined {
  const found = resolveBaselineFile(source)
  return found ? readBaseline(found.file, found.shownName) : undefined
}

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
