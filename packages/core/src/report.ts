import type {Config} from './config-schema'
import type {FileError} from './errors'
import type {Finding} from './finding'
import type {ExpiredIgnore} from './policy'
import type {SkippedFile} from './workspace'

export interface ScannerRun {
  id: string
  name: string
  title: string
  files: number
  findings: number
  durationMs: number
  notes: string[]
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
  exitCode: 0 | 1
}

export function countBy<T extends string>(
  findings: Finding[],
  key: (f: Finding) => T
): Map<T, number> {
  const counts = new Map<T, number>()
  for (const f of findings) counts.set(key(f), (counts.get(key(f)) ?? 0) + 1)
  return counts
}

/** Findings that count: not ignored (ignored ones stay in machine output with their reason). */
export function visibleFindings(report: ScanReport): Finding[] {
  return report.findings.filter(f => f.status !== 'ignored')
}
