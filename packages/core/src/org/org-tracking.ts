import {escapeInlineCode, escapeMarkdown} from '../escape'
import {markerLine} from '../github/comment'
import type {GitHubClient} from '../github/octokit'
import {TRACKING_LABEL, ensureLabel, trackingMarker} from '../github/tracking-issue'
import {isAuthoredBy, tokenIdentity} from '../github/token-identity'
import {compareSeverity} from '../severity'
import {severityLabel} from '../severity-assumed'
import type {RepositoryResult} from './org-aggregate'

/** Findings listed per tracking issue; the JSON report has the rest. */
export const TRACKING_MAX_FINDINGS = 100

export interface OrgTrackingSummary {
  created: number
  updated: number
  reopened: number
  closed: number
  unchanged: number
}

/**
 * One tracking issue per repository in a central security repository. The labelled issues are
 * listed once (not once per repository), so 250 repositories cost a few pages plus the writes.
 */
export async function syncOrgTrackingIssues(
  octokit: GitHubClient,
  target: {owner: string; repo: string},
  results: RepositoryResult[]
): Promise<OrgTrackingSummary> {
  // By marker (the first line of the body) among the issues the token's own account opened.
  const existing = new Map<string, {number: number; state: string; body: string}>()
  const identity = await tokenIdentity(octokit)
  const pages = octokit.paginate.iterator(octokit.rest.issues.listForRepo, {
    ...target,
    labels: TRACKING_LABEL,
    state: 'all',
    per_page: 100
  })
  for await (const page of pages) {
    for (const issue of page.data) {
      if (issue.pull_request || !isAuthoredBy(issue.user, identity)) continue
      const key = markerLine(issue.body)
      const known = existing.get(key)
      if (!known || (known.state !== 'open' && issue.state === 'open')) {
        existing.set(key, {number: issue.number, state: issue.state, body: issue.body ?? ''})
      }
    }
  }
  const summary: OrgTrackingSummary = {created: 0, updated: 0, reopened: 0, closed: 0, unchanged: 0}
  let labelReady = false
  for (const result of results) {
    if (result.status === 'failed') continue
    const markerText = trackingMarker(`repo:${result.repository}`)
    const issue = existing.get(markerText)
    if (result.findings.length === 0) {
      if (issue?.state === 'open') {
        await octokit.rest.issues.update({
          ...target,
          issue_number: issue.number,
          state: 'closed',
          state_reason: 'completed',
          body: `${markerText}\nNo findings in ${escapeInlineCode(result.repository)} any more.\n`
        })
        summary.closed++
      } else summary.unchanged++
      continue
    }
    const title = `pipeguard: ${result.findings.length} finding(s) in ${result.repository}`
    const body = trackingBody(markerText, result)
    if (!issue) {
      if (!labelReady) await ensureLabel(octokit, target)
      labelReady = true
      await octokit.rest.issues.create({...target, title, body, labels: [TRACKING_LABEL]})
      summary.created++
    } else if (issue.state !== 'open' || issue.body !== body) {
      await octokit.rest.issues.update({
        ...target,
        issue_number: issue.number,
        title,
        body,
        state: 'open'
      })
      if (issue.state !== 'open') summary.reopened++
      else summary.updated++
    } else summary.unchanged++
  }
  return summary
}

function trackingBody(markerText: string, result: RepositoryResult): string {
  const rows = [...result.findings]
    .sort((a, b) => compareSeverity(a.severity, b.severity))
    .slice(0, TRACKING_MAX_FINDINGS)
  const lines = [
    markerText,
    `pipeguard's scheduled organization scan found ${result.findings.length} finding(s) in ${escapeInlineCode(result.repository)}.`,
    '',
    '| Severity | Rule | Location | Finding |',
    '| --- | --- | --- | --- |',
    ...rows.map(
      f =>
        `| ${severityLabel(f)} | ${escapeInlineCode(f.ruleId)} | ${escapeInlineCode(`${f.location.path}:${f.location.startLine}`)} | ${escapeMarkdown(f.message)} |`
    )
  ]
  if (result.findings.length > rows.length)
    lines.push('', `…and ${result.findings.length - rows.length} more in the JSON report.`)
  return lines.join('\n') + '\n'
}
