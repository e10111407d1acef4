import {escapeInlineCode, escapeMarkdown, neutralizeWorkflowCommands} from '../escape'
import {SEVERITIES} from '../severity'
import type {OrgReport} from './org-aggregate'

/** Rows before the table is cut: a job summary must stay under 1 MiB. */
export const ORG_TABLE_MAX_ROWS = 500

/** The organization report for a job summary: totals, a chart, then the worst repositories first. */
export function renderOrgMarkdown(report: OrgReport): string {
  const scanned = report.repositories.length - report.failed
  const total = SEVERITIES.reduce((n, s) => n + report.totals[s], 0)
  const lines = [
    '# pipeguard organization scan',
    '',
    `${report.repositories.length} repositories: ${scanned} scanned, **${report.failed} failed**; ${total} finding(s).`,
    ''
  ]
  if (total > 0) {
    lines.push('```mermaid', 'pie showData title Findings by severity')
    for (const s of SEVERITIES) if (report.totals[s]) lines.push(`  "${s}" : ${report.totals[s]}`)
    lines.push('```', '')
    lines.push('| Scanner | Findings |', '| --- | ---: |')
    for (const [scanner, n] of Object.entries(report.byScanner).sort())
      lines.push(`| ${escapeMarkdown(scanner)} | ${n} |`)
    lines.push('')
  }
  lines.push(
    '| Repository | Status | Critical | High | Medium | Low | Info | Blocking |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |'
  )
  for (const r of report.repositories.slice(0, ORG_TABLE_MAX_ROWS)) {
    const status =
      r.status === 'failed' ? `❌ failed: ${escapeMarkdown(r.error ?? '')}` : '✅ scanned'
    lines.push(
      `| ${escapeInlineCode(r.repository)} | ${status} | ${r.counts.critical} | ${r.counts.high} | ${r.counts.medium} | ${r.counts.low} | ${r.counts.info} | ${r.blocking} |`
    )
  }
  if (report.repositories.length > ORG_TABLE_MAX_ROWS) {
    lines.push(
      '',
      `…and ${report.repositories.length - ORG_TABLE_MAX_ROWS} more repositories in the JSON report.`
    )
  }
  if (report.errors.length) {
    lines.push('', '## Unreadable report files', '')
    for (const e of report.errors)
      lines.push(`- ${escapeInlineCode(e.path)}: ${escapeMarkdown(e.message)}`)
  }
  return neutralizeWorkflowCommands(lines.join('\n') + '\n')
}
