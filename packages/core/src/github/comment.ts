import type {Finding} from '../finding'
import type {GateChange} from '../gate-changes'
import {reportRows, type ReportRow} from '../package-rows'
import {TOOL_NAME, VERSION} from '../version'
import type {GitHubContext} from './context'
import {gateChangeLines} from './gate-markdown'
import {findingTableHeader, findingTableRow, fitRows, type RowContext} from './markdown'
import type {GitHubClient} from './octokit'
import {isAuthoredBy, tokenIdentity} from './token-identity'
import {countBySeverity, SEVERITIES, SEVERITY_ICON} from '../severity'

/** GitHub rejects issue and PR comment bodies longer than this. */
export const COMMENT_MAX_CHARS = 65536
/** Room kept free under the limit for the marker and footer lines. */
const COMMENT_MARGIN = 512

export const COMMENT_MODES = ['on-findings', 'always', 'never'] as const
export type CommentMode = (typeof COMMENT_MODES)[number]

/**
 * The hidden marker that makes a comment or issue ours, per action or per tracked scanner. It is
 * the body's first line, before any content, and rendered content cannot contain `<` at all; the
 * id is percent-encoded so that even an odd repository name cannot end the comment early.
 */
export function marker(id: string): string {
  return `<!-- pipeguard:${id.replace(/[^\w.:/-]/g, encodeURIComponent)} -->`
}

/** The first line of a comment or issue body: the only place pipeguard puts its marker. */
export function markerLine(body: string | null | undefined): string {
  return (body ?? '').split('\n', 1)[0]!.replace(/\r$/, '')
}

export function hasMarker(body: string | null | undefined, markerText: string): boolean {
  return markerLine(body) === markerText
}

export interface CommentSection {
  title: string
  findings: Finding[]
  /** One line under the section title. */
  description?: string
  /** False for rows that are context, not open problems (fixed ones): left out of the severity counts. */
  counted?: boolean
  /** Where this section's locations link when not to `CommentInput.rows` (fixed ones: the base commit). */
  rows?: RowContext
}

export interface CommentInput {
  markerId: string
  heading: string
  /** Findings that matter here (new and in scope), one section per scanner. */
  sections: CommentSection[]
  /** One line under the heading (the verdict). */
  verdict: string
  /** Lines after the tables: what was left out and where to find it. */
  notes: string[]
  rows: RowContext
  github?: Pick<GitHubContext, 'sha' | 'runUrl'>
  maxChars?: number
  /** What the pull request switches off in the gate's own configuration. */
  gateChanges?: readonly GateChange[]
}

/** A comment or issue body within COMMENT_MAX_CHARS: least severe rows dropped first, and counted. */
export function renderCommentBody(input: CommentInput): {body: string; dropped: number} {
  // One row per vulnerable package: the advisories of a package version are kept or dropped together.
  const rows = new Map(input.sections.map(s => [s, reportRows(s.findings)]))
  const {text, dropped} = fitRows(
    [...rows.values()].flat(),
    (kept, droppedCount) => render(input, rows, new Set(kept), droppedCount),
    (input.maxChars ?? COMMENT_MAX_CHARS) - COMMENT_MARGIN
  )
  return {body: text, dropped}
}

function render(
  input: CommentInput,
  sectionRows: Map<CommentSection, ReportRow[]>,
  kept: Set<Finding>,
  dropped: number
): string {
  const lines = [marker(input.markerId), `### 🛡️ ${input.heading}`, '', input.verdict, '']
  lines.push(...gateChangeLines(input.gateChanges ?? []))
  const counted = input.sections.filter(s => s.counted !== false).flatMap(s => s.findings)
  if (counted.length > 0) {
    const counts = countBySeverity(counted)
    lines.push(
      SEVERITIES.filter(s => counts[s] > 0)
        .map(s => `${SEVERITY_ICON[s]} ${counts[s]} ${s}`)
        .join(' · '),
      ''
    )
  }
  const multi = input.sections.length > 1
  for (const section of input.sections) {
    const rows = sectionRows.get(section)!.filter(f => kept.has(f))
    if (rows.length === 0) continue
    if (multi) lines.push(`#### ${section.title}`, '')
    if (section.description) lines.push(section.description, '')
    lines.push(...findingTableHeader(false))
    for (const f of rows) lines.push(findingTableRow(f, section.rows ?? input.rows, false))
    lines.push('')
  }
  if (dropped > 0) {
    lines.push(
      `_${dropped} less severe finding(s) not shown here (comment size limit): see the job summary or the SARIF report._`,
      ''
    )
  }
  lines.push(...input.notes.map(n => `${n}\n`))
  const footer = [`${TOOL_NAME} ${VERSION}`]
  if (input.github?.sha) footer.push(`commit ${input.github.sha.slice(0, 7)}`)
  if (input.github?.runUrl) footer.push(`[workflow run](${input.github.runUrl})`)
  lines.push(`<sub>${footer.join(' · ')}</sub>`)
  return lines.join('\n') + '\n'
}

export interface StickyTarget {
  owner: string
  repo: string
  issueNumber: number
}

/**
 * The first comment that the token's own account wrote with the marker as its first line. Anyone
 * can post the marker, so a comment by anyone else is never ours to edit. Comments are read 100
 * per page and reading stops once found.
 */
export async function findMarkedComment(
  octokit: GitHubClient,
  target: StickyTarget,
  markerText: string
): Promise<{id: number; body: string} | undefined> {
  const identity = await tokenIdentity(octokit)
  const iterator = octokit.paginate.iterator(octokit.rest.issues.listComments, {
    owner: target.owner,
    repo: target.repo,
    issue_number: target.issueNumber,
    per_page: 100
  })
  for await (const page of iterator) {
    const found = page.data.find(
      c => hasMarker(c.body, markerText) && isAuthoredBy(c.user, identity)
    )
    if (found) return {id: found.id, body: found.body ?? ''}
  }
  return undefined
}

export type StickyResult = 'created' | 'updated' | 'unchanged' | 'skipped'

/**
 * One comment per action per PR: updated in place, never posted twice. With `on-findings` a clean
 * run posts nothing, but an existing comment is updated to say the findings are fixed.
 */
export async function upsertStickyComment(
  octokit: GitHubClient,
  target: StickyTarget,
  options: {mode: CommentMode; markerText: string; hasFindings: boolean; body: string}
): Promise<StickyResult> {
  if (options.mode === 'never') return 'skipped'
  const existing = await findMarkedComment(octokit, target, options.markerText)
  if (existing) {
    if (existing.body === options.body) return 'unchanged'
    await octokit.rest.issues.updateComment({
      owner: target.owner,
      repo: target.repo,
      comment_id: existing.id,
      body: options.body
    })
    return 'updated'
  }
  if (options.mode === 'on-findings' && !options.hasFindings) return 'skipped'
  await octokit.rest.issues.createComment({
    owner: target.owner,
    repo: target.repo,
    issue_number: target.issueNumber,
    body: options.body
  })
  return 'created'
}
