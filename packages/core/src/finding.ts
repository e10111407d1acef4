import {createHash} from 'node:crypto'
import {sep} from 'node:path'
import {z} from 'zod'
import {MASK, redactCredentials} from './redact'
import {SeveritySchema, compareSeverity} from './severity'

export const SCANNER_IDS = ['secrets', 'dependencies', 'iac'] as const
export const ScannerIdSchema = z.enum(SCANNER_IDS)
export type ScannerId = z.infer<typeof ScannerIdSchema>

export const LocationSchema = z.object({
  path: z.string(),
  startLine: z.number().int().min(1),
  endLine: z.number().int().min(1),
  startColumn: z.number().int().min(1).optional(),
  endColumn: z.number().int().min(1).optional()
})
export type Location = z.infer<typeof LocationSchema>

export const PackageRefSchema = z.object({
  ecosystem: z.string(),
  name: z.string(),
  version: z.string()
})

export const VulnerabilityRefSchema = z.object({
  id: z.string(),
  aliases: z.array(z.string()),
  fixedVersions: z.array(z.string())
})

export const CommitRefSchema = z.object({
  sha: z.string(),
  author: z.string(),
  email: z.string().optional(),
  date: z.string()
})

/**
 * Where a finding sits when that is not production code: test code and fixtures, documentation,
 * example files, vendored third-party trees. Such findings are reported and, unless the config
 * lists their context as blocking, do not fail the gate.
 */
export const FindingContextSchema = z.enum(['test', 'docs', 'example', 'vendored'])
export type FindingContext = z.infer<typeof FindingContextSchema>

/**
 * The one upgrade that fixes every advisory of a package version in one file: the same on each of
 * its findings, so reports show one row per package. `fix` within the current release line,
 * `major` only in a newer one, `none` when no release fixes them all.
 */
export const PackageUpgradeSchema = z.object({
  kind: z.enum(['fix', 'major', 'none']),
  version: z.string().optional(),
  /** What to do, in plain words (no markup). */
  text: z.string()
})
export type PackageUpgrade = z.infer<typeof PackageUpgradeSchema>

export const FindingStatusSchema = z.enum(['new', 'existing', 'ignored', 'filtered'])
export type FindingStatus = z.infer<typeof FindingStatusSchema>

export const FindingSchema = z.object({
  scanner: ScannerIdSchema,
  ruleId: z.string().min(1),
  severity: SeveritySchema,
  title: z.string(),
  message: z.string(),
  location: LocationSchema,
  fingerprint: z.string(),
  /** How to fix it: shown in every report next to the finding. */
  remediation: z.string().optional(),
  helpUri: z.string().optional(),
  /** A redacted or otherwise safe excerpt; never a secret in clear text. */
  snippet: z.string().optional(),
  package: PackageRefSchema.optional(),
  vulnerability: VulnerabilityRefSchema.optional(),
  upgrade: PackageUpgradeSchema.optional(),
  commit: CommitRefSchema.optional(),
  /** Scanner-specific facts worth showing (dependency path, fix version...). Strings only. */
  properties: z.record(z.string(), z.string()).optional(),
  status: FindingStatusSchema.optional(),
  context: FindingContextSchema.optional(),
  /** How many times the same problem occurs in the file when more than once (one finding for all). */
  count: z.number().int().min(2).optional(),
  /**
   * The resource or block the finding is about (IaC), in the finding's file: a pull request that
   * changes any line of it, a removal included, changes the finding.
   */
  block: z
    .object({startLine: z.number().int().min(1), endLine: z.number().int().min(1)})
    .optional(),
  /** Other places its value comes from (a variable default, a tfvars line): changing them changes it. */
  valueOrigins: z.array(LocationSchema).optional(),
  /** Why a finding does not block: the ignore reason, "baseline" or the diff filter. */
  suppression: z.string().optional(),
  /** Other places with the same problem in identical content (copied manifests), reported once. */
  relatedLocations: z.array(LocationSchema).optional()
})
export type Finding = z.infer<typeof FindingSchema>

export interface FindingInput extends Omit<Finding, 'fingerprint' | 'location'> {
  path: string
  startLine: number
  endLine?: number
  startColumn?: number
  endColumn?: number
  /**
   * What identifies the problem independent of its line number: the offending line or attribute,
   * or package@version+advisory. Only its hash is kept, and credentials in it are masked first.
   */
  fingerprintContent: string
}

/** A finding's context and count as every human-readable format shows them: `test, 14 times`. */
export function contextLabel(f: Pick<Finding, 'context' | 'count'>): string {
  return [f.context, f.count ? `${f.count} times` : undefined].filter(Boolean).join(', ')
}

/** Whitespace-insensitive so re-indentation or line moves keep the fingerprint. */
export function normalizeContent(content: string): string {
  return content.replace(/\s+/g, ' ').trim()
}

/**
 * A plain hash of content that holds a secret lets anyone with the baseline test guesses of it, so
 * every credential-looking value (a hard-coded password on an IaC line too) is masked before
 * hashing: a fingerprint never depends on a secret.
 */
export function fingerprint(
  scanner: string,
  ruleId: string,
  path: string,
  content: string
): string {
  const masked = redactCredentials(content, [], () => MASK)
  return createHash('sha256')
    .update([scanner, ruleId, toPosix(path), normalizeContent(masked)].join('\0'))
    .digest('hex')
    .slice(0, 32)
}

/**
 * A native relative path in posix form. Only Windows separates with `\`: on Linux and macOS a
 * backslash is part of a file name (`net\sg.tf`) and must stay, or the reported path does not exist.
 */
export function toPosix(path: string, separator: string = sep): string {
  return separator === '\\' ? path.replace(/\\/g, '/') : path
}

export function createFinding(input: FindingInput): Finding {
  const {path, startLine, endLine, startColumn, endColumn, fingerprintContent, ...rest} = input
  const location: Location = {path: toPosix(path), startLine, endLine: endLine ?? startLine}
  if (startColumn !== undefined) location.startColumn = startColumn
  if (endColumn !== undefined) location.endColumn = endColumn
  return {
    ...rest,
    // Whichever scanner made the snippet, no credential in it shows.
    ...(rest.snippet === undefined ? {} : {snippet: redactCredentials(rest.snippet)}),
    location,
    fingerprint: fingerprint(rest.scanner, rest.ruleId, path, fingerprintContent)
  }
}

/**
 * Two identical problems in one file would share a fingerprint; the second and later ones get an
 * occurrence suffix, counted in line order so it is stable while the file keeps its shape.
 */
export function disambiguateFingerprints(findings: Finding[]): Finding[] {
  const seen = new Map<string, number>()
  return [...findings].sort(compareLocation).map(f => {
    const n = seen.get(f.fingerprint) ?? 0
    seen.set(f.fingerprint, n + 1)
    return n === 0 ? f : {...f, fingerprint: `${f.fingerprint}:${n}`}
  })
}

export function compareLocation(a: Finding, b: Finding): number {
  return (
    a.location.path.localeCompare(b.location.path) ||
    a.location.startLine - b.location.startLine ||
    (a.location.startColumn ?? 0) - (b.location.startColumn ?? 0) ||
    a.ruleId.localeCompare(b.ruleId)
  )
}

/** Most severe first, then by place: the order every reporter shows. */
export function compareFindings(a: Finding, b: Finding): number {
  return compareSeverity(a.severity, b.severity) || compareLocation(a, b)
}
