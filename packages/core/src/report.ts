import type {Config} from './config-schema'
import type {FileError} from './errors'
import type {Finding} from './finding'
import type {ExpiredIgnore} from './policy'
import type {SkippedFile} from './workspace'

/**
 * How completely a scanner ran: `ok`; `partial` when some files could not be read, parsed or
 * evaluated (listed in `errors`); `failed` when it could not run at all (`reasons`).
 */
export type ScannerStatus = 'ok' | 'partial' | 'failed'

export interface ScannerRun {
  id: string
  name: string
  title: string
  files: number
  findings: number
  durationMs: number
  notes: string[]
  /** How many rules or checks ran, when the scanner has them: "0 rules ran" must be visible. */
  rulesRun?: number
  status: ScannerStatus
  /** Why the status is not `ok`, one line each. */
  reasons: string[]
  /** The scanner's `ScanOutput.resolved`: fixed by the change, shown in pull-request comments. */
  resolved?: Finding[]
}

/** Everything one run found and decided; every reporter renders this. */
export interface ScanReport {
  tool: {name: string; version: string}
  /** Absolute root of the scan (never rendered into machine output). */
  root: string
  config: Pick<Config, 'failOn' | 'mode'>
  findings: Finding[]
  blocking: Finding[]
  errors: FileError[]
  skipped: SkippedFile[]
  expiredIgnores: ExpiredIgnore[]
  scanners: ScannerRun[]
  /**
   * Why the result is not a complete scan (failed scanners, files that could not be scanned):
   * empty when everything asked for was scanned. Non-empty means exit code 2, in every mode.
   */
  incomplete: string[]
  /** 0 nothing blocking; 1 the gate failed on findings; 2 the scan itself is incomplete. */
  exitCode: 0 | 1 | 2
}

export function countBy<T extends string>(
  findings: Finding[],
  key: (f: Finding) => T
): Map<T, number> {
  const counts = new Map<T, number>()
  for (const f of findings) counts.set(key(f), (counts.get(key(f)) ?? 0) + 1)
  return counts
}

/**
 * A scanner section's line when it shows no findings: never "No findings" for a scan that failed.
 * `escape` is the output format's escape for the reasons, which are untrusted text.
 */
export function emptyRunText(run: ScannerRun, escape: (text: string) => string = t => t): string {
  const reasons = escape(run.reasons.join('; '))
  if (run.status === 'failed') return `Did not run: ${reasons}`
  if (run.status === 'partial')
    return `No findings in what could be scanned of ${run.files} file(s): ${reasons}.`
  return `No findings in ${run.files} file(s).`
}

/** Every file that should have been scanned and was not: scanner errors, then unscanned skips. */
export function unscannedFiles(report: ScanReport): FileError[] {
  return [
    ...report.errors,
    ...report.skipped.filter(s => s.error).map(s => ({path: s.path, message: s.reason}))
  ]
}

/** Findings that count: not ignored (ignored ones stay in machine output with their reason). */
export function visibleFindings(report: ScanReport): Finding[] {
  return report.findings.filter(f => f.status !== 'ignored')
}
