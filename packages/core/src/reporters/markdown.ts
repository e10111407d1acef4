import {codeSpan, escapeInlineCode, escapeMarkdown, neutralizeWorkflowCommands} from '../escape'
import {contextLabel} from '../finding'
import {reportRows, type ReportRow} from '../package-rows'
import {relatedLocationsText} from '../related-locations'
import {emptyRunText, unscannedFiles, visibleFindings, type ScanReport} from '../report'
import {SEVERITIES, SEVERITY_ICON, countBySeverity} from '../severity'
import {severityLabel} from '../severity-assumed'
import {statusLabel} from '../status-label'
import {fixCell, ruleCell} from './markdown-cells'

/** A plain markdown report (files, wikis, chat); the GitHub renderers build on the same rows. */
export function renderMarkdown(report: ScanReport): string {
  const shown = visibleFindings(report)
  const lines: string[] = ['# pipeguard report', '']
  lines.push(verdict(report), '')
  if (shown.length > 0) {
    lines.push('| Severity | Count |', '| --- | ---: |')
    const counts = countBySeverity(shown)
    for (const s of SEVERITIES) {
      const n = counts[s]
      if (n) lines.push(`| ${SEVERITY_ICON[s]} ${s} | ${n} |`)
    }
    lines.push('')
  }
  for (const run of report.scanners) {
    const rows = reportRows(shown.filter(f => f.scanner === run.id))
    lines.push(`## ${escapeMarkdown(run.title)}`, '')
    if (run.notes.length > 0) lines.push(...run.notes.map(note => `- ${escapeMarkdown(note)}`), '')
    if (rows.length === 0) {
      lines.push(emptyRunText(run, escapeMarkdown), '')
      continue
    }
    lines.push('| Severity | Rule | Location | Finding | Fix |', '| --- | --- | --- | --- | --- |')
    for (const f of rows) lines.push(findingRow(f))
    lines.push('')
  }
  const unscanned = unscannedFiles(report)
  if (unscanned.length > 0) {
    lines.push('## Files that could not be scanned', '')
    for (const e of unscanned) lines.push(`- ${codeSpan(e.path)}: ${escapeMarkdown(e.message)}`)
    lines.push('')
  }
  if (report.expiredIgnores.length > 0) {
    lines.push('## Expired ignores', '')
    for (const e of report.expiredIgnores) lines.push(`- ${escapeMarkdown(e.message)}`)
    lines.push('')
  }
  const ignored = report.findings.length - shown.length
  if (ignored > 0) lines.push(`${ignored} finding(s) ignored by config, each with a reason.`, '')
  // Printed to CI logs as often as written to a file: no line may run a workflow command.
  return neutralizeWorkflowCommands(lines.join('\n'))
}

export function verdict(report: ScanReport): string {
  const shown = visibleFindings(report)
  if (report.incomplete.length > 0) {
    const found =
      shown.length > 0
        ? ` ${shown.length} finding(s) so far, ${report.blocking.length} blocking.`
        : ' Nothing found in what was scanned, which is not a clean result.'
    return `⛔ **The scan is incomplete**: ${report.incomplete.map(escapeMarkdown).join('; ')}.${found}`
  }
  if (report.blocking.length > 0) {
    return `**${report.blocking.length} blocking finding(s)** at or above \`${report.config.failOn}\` (${shown.length} in total).`
  }
  if (shown.length === 0) return 'No findings.'
  const why =
    report.config.mode === 'audit'
      ? 'audit mode never blocks'
      : `none at or above \`${report.config.failOn}\` is new`
  return `${shown.length} finding(s), none blocking (${why}).`
}

/** One table row: a finding, or one vulnerable package with all its advisories linked. */
export function findingRow(f: ReportRow): string {
  const label = [statusLabel(f), contextLabel(f)].filter(l => l && l !== 'new').join(', ')
  const status = label ? ` (${label})` : ''
  const where = `${f.location.path}:${f.location.startLine}`
  const related = relatedLocationsText(f)
  const message = related ? `${f.message} (${related})` : f.message
  return `| ${SEVERITY_ICON[f.severity]} ${severityLabel(f)}${status} | ${ruleCell(f)} | ${escapeInlineCode(where)} | ${escapeMarkdown(message)} | ${fixCell(f)} |`
}
