import {escapeInlineCode, escapeMarkdown} from '../escape'
import {compareFindings, type Finding} from '../finding'
import type {ReportRow} from '../package-rows'
import {fixCell, ruleCell} from '../reporters/markdown-cells'
import {SEVERITY_ICON} from '../severity'
import {severityLabel} from '../severity-assumed'
import {statusLabel} from '../status-label'
import {blobUrl, type GitHubContext} from './context'

export {safeLink} from '../reporters/markdown-cells'

export interface RowContext {
  /** Where links point; without it locations are plain text. */
  github?: Pick<GitHubContext, 'serverUrl' | 'owner' | 'repo' | 'sha'>
  /** A path relative to the scanned root -> the path relative to the repository root. */
  repoFile: (path: string) => string
}

/** `path:line` as code, linked to the commit with a line anchor when the context allows. */
export function locationCell(finding: Finding, ctx: RowContext): string {
  const path = ctx.repoFile(finding.location.path)
  const {startLine, endLine} = finding.location
  const label = escapeInlineCode(
    endLine > startLine ? `${path}:${startLine}-${endLine}` : `${path}:${startLine}`
  )
  if (!ctx.github?.sha) return label
  return `[${label}](${blobUrl(ctx.github, path, startLine, endLine)})`
}

export function findingTableHeader(withStatus: boolean): string[] {
  return withStatus
    ? ['| Severity | Rule | Location | Finding | Status |', '| --- | --- | --- | --- | --- |']
    : ['| Severity | Rule | Location | Finding | Fix |', '| --- | --- | --- | --- | --- |']
}

export function findingTableRow(finding: ReportRow, ctx: RowContext, withStatus: boolean): string {
  const last = withStatus
    ? statusLabel(finding)
    : fixCell({...finding, remediation: clip(finding.remediation ?? '')})
  const rule = ruleCell({...finding, ruleId: clip(finding.ruleId)})
  return `| ${SEVERITY_ICON[finding.severity]} ${severityLabel(finding)} | ${rule} | ${locationCell(finding, ctx)} | ${escapeMarkdown(clip(finding.message))} | ${last} |`
}

/** No single cell may eat the budget of a whole comment. */
export const MAX_CELL_CHARS = 1000

export function clip(text: string, max = MAX_CELL_CHARS): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text
}

/**
 * Keeps the most severe rows that fit: `render(kept, dropped)` is tried with fewer rows until its
 * size is within `max` (measured by `size`). Binary search, so a 25,000-row report stays cheap.
 */
export function fitRows(
  findings: Finding[],
  render: (kept: Finding[], dropped: number) => string,
  max: number,
  size: (text: string) => number = text => text.length
): {text: string; dropped: number} {
  const sorted = [...findings].sort(compareFindings)
  const full = render(sorted, 0)
  if (size(full) <= max) return {text: full, dropped: 0}
  let low = 0
  let high = sorted.length - 1
  while (low < high) {
    const mid = Math.ceil((low + high) / 2)
    if (size(render(sorted.slice(0, mid), sorted.length - mid)) <= max) low = mid
    else high = mid - 1
  }
  const text = render(sorted.slice(0, low), sorted.length - low)
  if (size(text) > max) throw new Error(`report text exceeds ${max} even without rows`)
  return {text, dropped: sorted.length - low}
}

export const utf8Bytes = (text: string): number => Buffer.byteLength(text, 'utf8')
