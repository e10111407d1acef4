import {advisoryUrl} from '../advisory-url'
import {escapeInlineCode, escapeMarkdown, markdownWithCode} from '../escape'
import type {ReportRow} from '../package-rows'

/** A package row links this many advisories; the rest are counted (the JSON report lists all). */
export const MAX_LINKED_ADVISORIES = 10

/** An advisory id linked to its page; the id is untrusted, the URL is built from it and encoded. */
export function advisoryLink(id: string): string {
  return `[${escapeMarkdown(id)}](${advisoryUrl(id)})`
}

/** The rule column: advisory ids as links to their pages, any other rule id as code. */
export function ruleCell(row: ReportRow): string {
  if (row.scanner !== 'dependencies' || !row.vulnerability) return escapeInlineCode(row.ruleId)
  const ids = row.members?.map(m => m.ruleId) ?? [row.ruleId]
  const linked = ids.slice(0, MAX_LINKED_ADVISORIES).map(advisoryLink)
  const more = ids.length - linked.length
  return linked.join(', ') + (more > 0 ? ` and ${more} more` : '')
}

/** A fix hint in a table cell: its backtick spans stay copy-pasteable code, the rest is escaped. */
export function fixCell(row: ReportRow): string {
  return markdownWithCode(row.remediation ?? '', {table: true})
}
