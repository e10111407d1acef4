import {neutralizeWorkflowCommands, stripControl} from '../escape'
import {contextLabel, type Finding} from '../finding'
import {relatedLocationsText} from '../related-locations'
import {emptyRunText, unscannedFiles, visibleFindings, type ScanReport} from '../report'
import type {Severity} from '../severity'
import {severityLabel} from '../severity-assumed'

export interface TableOptions {
  color: boolean
  /** Terminal width for wrapping the message column. */
  width?: number
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

/** Each untrusted fragment is cleaned with stripControl; the whole text is neutralised once more. */
export function renderTable(report: ScanReport, options: TableOptions): string {
  const paint = (code: string, text: string): string =>
    options.color ? `${code}${text}${RESET}` : text
  const shown = visibleFindings(report)
  const out: string[] = []
  for (const run of report.scanners) {
    const rows = shown.filter(f => f.scanner === run.id)
    out.push(
      paint(BOLD, `${run.title}`) +
        `  ${run.files} file(s), ${rows.length} finding(s), ${run.durationMs} ms`
    )
    for (const note of run.notes) out.push(`  ${stripControl(note)}`)
    if (run.status === 'failed')
      out.push(`  ${paint(COLOR.critical, stripControl(emptyRunText(run)))}`)
    if (rows.length === 0) {
      out.push('')
      continue
    }
    const cells = rows.map(f => [severityLabel(f), stripControl(f.ruleId), location(f), tag(f)])
    const widths = [0, 1, 2].map(i => Math.max(...cells.map(c => c[i]!.length)))
    rows.forEach((f, i) => {
      const [sev, rule, loc, status] = cells[i]!
      out.push(
        `  ${paint(COLOR[f.severity], sev!.padEnd(widths[0]!))}  ${rule!.padEnd(widths[1]!)}  ${loc!.padEnd(widths[2]!)}${status}`
      )
      out.push(`    ${stripControl(f.message)}`)
      const related = relatedLocationsText(f)
      if (related) out.push(`    ${stripControl(related)}`)
      if (f.remediation) out.push(`    ${paint('\x1b[2m', `fix: ${stripControl(f.remediation)}`)}`)
    })
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
  out.push(summaryLine(report, paint))
  return neutralizeWorkflowCommands(out.join('\n') + '\n')
}

function location(f: Finding): string {
  return stripControl(`${f.location.path}:${f.location.startLine}`)
}

function tag(f: Finding): string {
  const status =
    f.status === 'existing' ? 'baseline' : f.status === 'filtered' ? 'outside diff' : ''
  const label = [status, contextLabel(f)].filter(Boolean).join(', ')
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
