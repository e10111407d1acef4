import {hasMarker, marker} from './comment'
import type {GitHubClient} from './octokit'
import {httpStatus} from './octokit'
import {isAuthoredBy, tokenIdentity} from './token-identity'

/** The label every tracking issue carries (created when missing). */
export const TRACKING_LABEL = 'pipeguard'
const LABEL_COLOR = 'b60205'

export interface TrackingInput {
  owner: string
  repo: string
  /** Scanner id: one tracking issue per scanner. */
  scanner: string
  title: string
  /** Full body, marker included (see `trackingMarker`). */
  body: string
  /** Body used when the findings are gone and the issue is closed. */
  resolvedBody: string
  /** Title of the closed issue: says it is resolved, not the last count of findings. */
  resolvedTitle: string
  findings: number
}

export type TrackingResult = 'created' | 'updated' | 'reopened' | 'closed' | 'unchanged'

export function trackingMarker(scanner: string): string {
  return marker(`tracking:${scanner}`)
}

interface TrackedIssue {
  number: number
  state: string
  body: string
  title: string
}

/**
 * The issue labelled `pipeguard` that the token's own account opened with our marker as its first
 * line (open ones first), paginated. An issue by anyone else is never ours to edit.
 */
export async function findTrackingIssue(
  octokit: GitHubClient,
  repo: {owner: string; repo: string},
  markerText: string
): Promise<TrackedIssue | undefined> {
  const identity = await tokenIdentity(octokit)
  let closed: TrackedIssue | undefined
  const iterator = octokit.paginate.iterator(octokit.rest.issues.listForRepo, {
    ...repo,
    labels: TRACKING_LABEL,
    state: 'all',
    sort: 'created',
    direction: 'asc',
    per_page: 100
  })
  for await (const page of iterator) {
    for (const issue of page.data) {
      if (
        issue.pull_request ||
        !hasMarker(issue.body, markerText) ||
        !isAuthoredBy(issue.user, identity)
      )
        continue
      const found = {
        number: issue.number,
        state: issue.state,
        body: issue.body ?? '',
        title: issue.title
      }
      if (issue.state === 'open') return found
      closed ??= found
    }
  }
  return closed
}

export async function ensureLabel(
  octokit: GitHubClient,
  repo: {owner: string; repo: string}
): Promise<void> {
  try {
    await octokit.rest.issues.getLabel({...repo, name: TRACKING_LABEL})
  } catch (error) {
    if (httpStatus(error) !== 404) throw error
    await octokit.rest.issues.createLabel({
      ...repo,
      name: TRACKING_LABEL,
      color: LABEL_COLOR,
      description: 'Findings tracked by pipeguard scheduled scans'
    })
  }
}

/**
 * Drift tracking on scheduled and manual runs: open (or reopen) one issue per scanner while it has
 * findings, keep its body current, close it when the scan is clean.
 */
export async function syncTrackingIssue(
  octokit: GitHubClient,
  input: TrackingInput
): Promise<TrackingResult> {
  const repo = {owner: input.owner, repo: input.repo}
  const existing = await findTrackingIssue(octokit, repo, trackingMarker(input.scanner))
  if (input.findings === 0) {
    if (!existing || existing.state !== 'open') return 'unchanged'
    await octokit.rest.issues.update({
      ...repo,
      issue_number: existing.number,
      title: input.resolvedTitle,
      body: input.resolvedBody,
      state: 'closed',
      state_reason: 'completed'
    })
    return 'closed'
  }
  if (!existing) {
    await ensureLabel(octokit, repo)
    await octokit.rest.issues.create({
      ...repo,
      title: input.title,
      body: input.body,
      labels: [TRACKING_LABEL]
    })
    return 'created'
  }
  const reopen = existing.state !== 'open'
  if (!reopen && existing.body === input.body && existing.title === input.title) return 'unchanged'
  await octokit.rest.issues.update({
    ...repo,
    issue_number: existing.number,
    title: input.title,
    body: input.body,
    ...(reopen ? {state: 'open' as const} : {})
  })
  return reopen ? 'reopened' : 'updated'
}
