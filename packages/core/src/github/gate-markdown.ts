import {escapeInlineCode, escapeMarkdown} from '../escape'
import type {GateChange} from '../gate-changes'
import type {ScanReport} from '../report'
import {clip} from './markdown'

/** Changes listed one by one; the rest are counted (a PR that rewrites a whole config). */
export const GATE_CHANGES_SHOWN = 30

/**
 * The "gate weakened" section of the PR comment and job summary: what the pull request switches
 * off in the gate's own configuration, with the reasons it gives. Empty when nothing is.
 */
export function gateChangeLines(changes: readonly GateChange[]): string[] {
  if (changes.length === 0) return []
  const lines = ['#### ⚠️ This pull request weakens the gate', '']
  for (const change of changes.slice(0, GATE_CHANGES_SHOWN)) {
    const subject = change.subject ? ` ${escapeInlineCode(clip(change.subject))}` : ''
    const how = change.how ? `: ${change.how}` : ''
    const reason = change.reason ? `, reason: ${escapeMarkdown(clip(change.reason))}` : ''
    lines.push(`- ${change.what}${subject}${how} (${escapeInlineCode(clip(change.file))}${reason})`)
  }
  if (changes.length > GATE_CHANGES_SHOWN)
    lines.push(`- … and ${changes.length - GATE_CHANGES_SHOWN} more changes`)
  lines.push(
    '',
    '_A report for the reviewer, not a block: this pull request changes what the gate checks; the gate itself decides as before._',
    ''
  )
  return lines
}

/** One line per scanner with what ran (rules or checks, files, history), so "0 rules" shows. */
export function scannerFactLines(report: ScanReport): string[] {
  if (report.scanners.length === 0) return []
  const lines = report.scanners.map(run => {
    const facts = run.notes.length ? run.notes.map(n => escapeMarkdown(clip(n))).join(' · ') : ''
    return `- **${escapeMarkdown(run.title)}**: ${facts || `${run.files} file(s)`}`
  })
  return ['**What ran**', '', ...lines, '']
}
