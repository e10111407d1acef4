import {neutralizeWorkflowCommands, stripControl} from '../escape'
import {compareLocation, contextLabel, type Finding} from '../finding'
import {findingCount, packageKey, reportRows, type ReportRow} from '../package-rows'
import {relatedLocationsText} from '../related-locations'
import {
  emptyRunText,
  unscannedFiles,
  visibleFindings,
  type ScanReport,
  type ScannerRun
} from '../report'
import {isAtOrAbove, type Severity} from '../severity'
import {severityLabel} from '../severity-assumed'
import {statusLabel} from '../status-label'

export interface TableOptions {
  color: boolean
  /** The fix hint of each finding on the line under it. */
  verbose?: boolean
  /** Show only findings at or above this severity; the gate and the summary line still count all. */
  show?: Severity
}

const COLOR: Record<Severity, string> = {
  critical: '\x1b[1;31m',
  high: '\x1b[31m',
  medium: '\x1b[33m',
  low: '\x1b[36m',
  info: '\x1b[2m'
}
const RESET = '\x1b[0m'
const BOLD = '\x1b[1m'

/** Colour only when asked for, on a TTY and without NO_COLOR (https://no-color.org). */
export function useColor(stream: {isTTY?: boolean}, env: NodeJS.ProcessEnv): boolean {
  return Boolean(stream.isTTY) && !('NO_COLOR' in env && env.NO_COLOR !== '') && env.TERM !== 'dumb'
}

/**
 * Per scanner, findings grouped by file, one line each (a vulnerable package with all its
 * advisories is one line); the fix under it with `verbose`. Each untrusted fragment is cleaned
 * with stripControl; the whole text is neutralised once more.
 */
export function renderTable(report: ScanReport, options: TableOptions): string {
  const paint = (code: string, text: string): string =>
    options.color ? `${code}${text}${RESET}` : text
  const shown = visibleFindings(report)
  const out: string[] = []
  let hidden = 0
  for (const run of report.scanners) {
    const all = reportRows(shown.filter(f => f.scanner === run.id))
    const rows = all.filter(r => !options.show || isAtOrAbove(r.severity, options.show))
    hidden += findingCount(all) - findingCount(rows)
    out.push(paint(BOLD, run.title) + `  ${runCounts(run, all)}, ${run.durationMs} ms`)
    for (const note of run.notes) out.push(`  ${stripControl(note)}`)
    if (run.status === 'failed')
      out.push(`  ${paint(COLOR.critical, stripControl(emptyRunText(run)))}`)
    const byFile = new Map<string, ReportRow[]>()
    for (const row of [...rows].sort(compareLocation))
      byFile.set(row.location.path, [...(byFile.get(row.location.path) ?? []), row])
    const sevWidth = Math.max(0, ...rows.map(r => severityLabel(r).length))
    const lineWidth = Math.max(0, ...rows.map(r => String(r.location.startLine).length))
    const ruleWidth = Math.max(0, ...rows.map(r => ruleLabel(r).length))
    for (const [path, fileRows] of byFile) {
      out.push(`  ${stripControl(path)}`)
      for (const row of fileRows) {
        const line = String(row.location.startLine).padStart(lineWidth)
        out.push(
          `    ${line}  ${paint(COLOR[row.severity], severityLabel(row).padEnd(sevWidth))}  ${ruleLabel(row).padEnd(ruleWidth)}  ${stripControl(summaryOf(row))}${tag(row)}`
        )
        const related = relatedLocationsText(row)
        if (related) out.push(`    ${' '.repeat(lineWidth)}  ${stripControl(related)}`)
        if (options.verbose && row.remediation)
          out.push(
            `    ${' '.repeat(lineWidth)}  ${paint('\x1b[2m', `fix: ${stripControl(row.remediation)}`)}`
          )
      }
    }
    out.push('')
  }
  for (const e of unscannedFiles(report))
    out.push(paint(COLOR.medium, 'error') + `  ${stripControl(e.path)}: ${stripControl(e.message)}`)
  for (const e of report.expiredIgnores)
    out.push(paint(COLOR.medium, 'expired') + `  ${stripControl(e.message)}`)
  if (report.skipped.length > 0)
    out.push(
      `${report.skipped.length} file(s) skipped (binary, too large, symlinks, unrendered Helm templates); --format json lists them with the reason.`
    )
  const ignored = report.findings.length - shown.length
  if (ignored > 0) out.push(`${ignored} finding(s) ignored by config.`)
  if (hidden > 0)
    out.push(`${hidden} finding(s) below ${options.show} not shown (--show); the gate counts them.`)
  if (!options.verbose && shown.some(f => f.remediation))
    out.push('--verbose shows how to fix each finding.')
  out.push(summaryLine(report, paint))
  return neutralizeWorkflowCommands(out.join('\n') + '\n')
}

/** "3 file(s), 27 finding(s) in 2 package(s)": findings count advisories, rows count packages. */
function runCounts(run: ScannerRun, rows: ReportRow[]): string {
  const findings = findingCount(rows)
  const packages = rows.filter(r => packageKey(r) !== undefined).length
  const inPackages = packages > 0 && packages !== findings ? ` in ${packages} package(s)` : ''
  return `${run.files} file(s), ${findings} finding(s)${inPackages}`
}

/** The rule column: the rule id, or for a package row its most severe advisory and how many more. */
function ruleLabel(row: ReportRow): string {
  if (!row.members) return stripControl(row.ruleId)
  return stripControl(`${row.members[0]!.ruleId} +${row.members.length - 1}`)
}

/** One line's text: a package row says the package and the upgrade; any other finding its message. */
function summaryOf(row: ReportRow): string {
  if (!row.members || !row.upgrade) return row.message
  const {upgrade} = row
  const fix =
    upgrade.kind === 'none'
      ? 'no fixed version'
      : upgrade.kind === 'major'
        ? `major upgrade needed: ${upgrade.version}`
        : `fixed in ${upgrade.version}`
  return `${row.title} (${fix})`
}

function tag(f: Finding): string {
  const label = [statusLabel(f), contextLabel(f)].filter(l => l && l !== 'new').join(', ')
  return label ? `  (${label})` : ''
}

function summaryLine(report: ScanReport, paint: (code: string, text: string) => string): string {
  const shown = visibleFindings(report)
  if (report.incomplete.length > 0) {
    return (
      paint(COLOR.critical, `✖ scan incomplete: ${stripControl(report.incomplete.join('; '))}`) +
      ` (${shown.length} finding(s), ${report.blocking.length} blocking; not a clean result)`
    )
  }
  if (report.blocking.length > 0) {
    return (
      paint(
        COLOR.critical,
        `✖ ${report.blocking.length} blocking finding(s) at or above ${report.config.failOn}`
      ) + ` (${shown.length} total)`
    )
  }
  if (shown.length === 0) return paint('\x1b[32m', '✔ no findings')
  const why = report.config.mode === 'audit' ? 'audit mode' : `fail-on ${report.config.failOn}`
  return paint('\x1b[32m', `✔ ${shown.length} finding(s), none blocking`) + ` (${why})`
}
