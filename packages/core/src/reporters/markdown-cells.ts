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
  if (more === 0 || !row.package) return linked.join(', ')
  return `${linked.join(', ')} and ${safeLink(`${more} more`, packageAdvisoriesUrl(row.package))}`
}

/** osv.dev's list of every advisory about a package. */
function packageAdvisoriesUrl(pkg: {ecosystem: string; name: string}): string {
  return `https://osv.dev/list?ecosystem=${encodeURIComponent(pkg.ecosystem)}&q=${encodeURIComponent(pkg.name)}`
}

/** A fix hint in a table cell: its backtick spans stay copy-pasteable code, the rest is escaped. */
export function fixCell(row: ReportRow): string {
  return markdownWithCode(row.remediation ?? '', {table: true})
}

/** A link only to http(s) URLs, percent-encoding what could close the markdown link. */
export function safeLink(text: string, url: string | undefined): string {
  if (!url) return text
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return text
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return text
  const href = parsed.href.replace(/[()<>\s"'`\\[\]]/g, c =>
    encodeURIComponent(c).replace(/[()'!*]/g, x => `%${x.charCodeAt(0).toString(16).toUpperCase()}`)
  )
  return `[${text}](${href})`
}
