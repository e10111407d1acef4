import {codeSpan, escapeMarkdown, markdownWithCode} from '../escape'
import type {Finding} from '../finding'
import {packageKey, reportRows, type ReportRow} from '../package-rows'
import {existingText} from '../status-label'
import type {GateChange} from '../gate-changes'
import {verdict} from '../reporters/markdown'
import {emptyRunText, unscannedFiles, visibleFindings, type ScanReport} from '../report'
import {countBySeverity, SEVERITIES, SEVERITY_ICON} from '../severity'
import {
  clip,
  findingTableHeader,
  findingTableRow,
  fitRows,
  safeLink,
  utf8Bytes,
  type RowContext
} from './markdown'
import {gateChangeLines, scannerFactLines} from './gate-markdown'

/** GitHub rejects a step summary above 1 MiB (UTF-8 bytes). */
export const SUMMARY_MAX_BYTES = 1024 * 1024
const SUMMARY_MARGIN = 4096

export interface SummaryInput {
  heading: string
  report: ScanReport
  rows: RowContext
  /** Lines about reporting itself (annotations not shown, check run link, warnings). */
  notes: string[]
  maxBytes?: number
  /** What the pull request switches off in the gate's own configuration. */
  gateChanges?: readonly GateChange[]
}

/** The job summary: counts, a chart, per-scanner tables with status, fix hints; within the byte budget. */
export function renderSummary(input: SummaryInput): {markdown: string; dropped: number} {
  const shown = visibleFindings(input.report)
  const rows = reportRows(shown)
  const {text, dropped} = fitRows(
    rows,
    (kept, droppedCount) => render(input, shown, rows, new Set(kept), droppedCount),
    (input.maxBytes ?? SUMMARY_MAX_BYTES) - SUMMARY_MARGIN,
    utf8Bytes
  )
  return {markdown: text, dropped}
}

function render(
  input: SummaryInput,
  shown: Finding[],
  allRows: ReportRow[],
  kept: Set<Finding>,
  dropped: number
): string {
  const {report} = input
  const lines = [`## 🛡️ ${input.heading}`, '', verdict(report), '']
  lines.push(...gateChangeLines(input.gateChanges ?? []), ...scannerFactLines(report))
  if (shown.length > 0) {
    lines.push(
      `| Scanner | ${SEVERITIES.map(s => `${SEVERITY_ICON[s]} ${s}`).join(' | ')} | Total |`,
      `| --- | ${SEVERITIES.map(() => '---:').join(' | ')} | ---: |`
    )
    for (const run of report.scanners) {
      const counts = countBySeverity(shown.filter(f => f.scanner === run.id))
      const total = SEVERITIES.reduce((n, s) => n + counts[s], 0)
      lines.push(
        `| ${escapeMarkdown(run.title)} | ${SEVERITIES.map(s => counts[s]).join(' | ')} | ${total} |`
      )
    }
    lines.push('')
    const counts = countBySeverity(shown)
    lines.push('```mermaid', 'pie showData title Findings by severity')
    for (const s of SEVERITIES) if (counts[s] > 0) lines.push(`  "${s}" : ${counts[s]}`)
    lines.push('```', '')
    const filtered = shown.filter(f => f.status === 'filtered').length
    const existing = existingText(shown)
    if (filtered > 0)
      lines.push(
        `${filtered} finding(s) lie outside the lines this change touched: listed below, they do not block.`,
        ''
      )
    if (existing)
      lines.push(
        `Already there before this change: ${existing}. Listed below, they do not block.`,
        ''
      )
  }
  for (const note of input.notes) lines.push(note, '')
  for (const run of report.scanners) {
    const all = allRows.filter(f => f.scanner === run.id)
    const rows = all.filter(f => kept.has(f))
    lines.push(`### ${escapeMarkdown(run.title)}`, '')
    if (all.length === 0) {
      lines.push(emptyRunText(run, escapeMarkdown), '')
      continue
    }
    lines.push(...findingTableHeader(true))
    for (const f of rows) lines.push(findingTableRow(f, input.rows, true))
    lines.push('')
    const hints = fixHints(rows)
    if (hints.length > 0)
      lines.push('<details><summary>How to fix</summary>', '', ...hints, '', '</details>', '')
  }
  if (dropped > 0) {
    lines.push(
      `_${dropped} less severe finding(s) left out to keep this summary under 1 MiB: the SARIF and JSON reports have every finding._`,
      ''
    )
  }
  const unscanned = unscannedFiles(report)
  if (unscanned.length > 0) {
    lines.push('### Files that could not be scanned', '')
    for (const e of unscanned.slice(0, 100))
      lines.push(
        `- ${codeSpan(clip(e.path ? input.rows.repoFile(e.path) : '(whole scan)'))}: ${escapeMarkdown(clip(e.message))}`
      )
    if (unscanned.length > 100)
      lines.push(`- … and ${unscanned.length - 100} more (see the JSON report)`)
    lines.push('')
  }
  for (const e of report.expiredIgnores) lines.push(`> ⚠️ ${escapeMarkdown(e.message)}`, '')
  return lines.join('\n') + '\n'
}

/** One hint per rule, and one per vulnerable package: its remediation and a link to read more. */
function fixHints(rows: ReportRow[]): string[] {
  const seen = new Set<string>()
  const hints: string[] = []
  for (const row of rows) {
    const key = packageKey(row) ?? row.ruleId
    if (seen.has(key) || (!row.remediation && !row.helpUri)) continue
    seen.add(key)
    const pkg = packageKey(row) === undefined ? undefined : row.package
    const subject = pkg ? `${pkg.name} ${pkg.version}` : row.ruleId
    const more = row.helpUri && !pkg ? ` ${safeLink('docs', row.helpUri)}` : ''
    hints.push(
      `- ${codeSpan(clip(subject))}: ${markdownWithCode(clip(row.remediation ?? row.title))}${more}`
    )
  }
  return hints
}
