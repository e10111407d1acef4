import {compareFindings, contextLabel, type Finding} from '../finding'
import type {Severity} from '../severity'
import {clip} from './markdown'
import type {GitHubClient} from './octokit'

/** The checks API takes at most 50 annotations per request. */
export const CHECK_ANNOTATIONS_PER_REQUEST = 50
/** Output summary and text are each limited to 65,535 characters. */
export const CHECK_TEXT_MAX = 65535
/** Past this many annotations the rest is left to SARIF: 20 requests is plenty for one run. */
export const CHECK_ANNOTATIONS_MAX = 1000

const LEVEL: Record<Severity, 'failure' | 'warning' | 'notice'> = {
  critical: 'failure',
  high: 'failure',
  medium: 'warning',
  low: 'notice',
  info: 'notice'
}

export interface CheckAnnotation {
  path: string
  start_line: number
  end_line: number
  annotation_level: 'failure' | 'warning' | 'notice'
  message: string
  title: string
}

export function toCheckAnnotation(finding: Finding, repoPath: string): CheckAnnotation {
  return {
    path: repoPath,
    start_line: finding.location.startLine,
    end_line: finding.location.endLine,
    annotation_level: LEVEL[finding.severity],
    message: clip(
      finding.remediation ? `${finding.message}\nFix: ${finding.remediation}` : finding.message,
      4000
    ),
    title: clip(
      `${finding.title} (${[finding.ruleId, contextLabel(finding)].filter(Boolean).join('; ')})`,
      255
    )
  }
}

export interface CheckRunInput {
  owner: string
  repo: string
  name: string
  headSha: string
  title: string
  /** Markdown; clipped to CHECK_TEXT_MAX. */
  summary: string
  findings: Finding[]
  repoPath: (finding: Finding) => string
  conclusion: 'success' | 'failure' | 'neutral'
}

export interface CheckRunResult {
  id: number
  url?: string
  annotated: number
  omitted: number
  requests: number
}

/**
 * Creates the check run, then adds annotations with one PATCH per 50 (most severe first); the
 * last PATCH completes it. The checks API keeps annotations from every PATCH.
 */
export async function publishCheckRun(
  octokit: GitHubClient,
  input: CheckRunInput
): Promise<CheckRunResult> {
  const sorted = [...input.findings].sort(compareFindings)
  const annotations = sorted
    .slice(0, CHECK_ANNOTATIONS_MAX)
    .map(f => toCheckAnnotation(f, input.repoPath(f)))
  const omitted = sorted.length - annotations.length
  const summary = clip(
    omitted > 0
      ? `${input.summary}\n\n${omitted} more finding(s) are not annotated here; the SARIF report has all of them.`
      : input.summary,
    CHECK_TEXT_MAX
  )
  const repo = {owner: input.owner, repo: input.repo}
  const created = await octokit.rest.checks.create({
    ...repo,
    name: input.name,
    head_sha: input.headSha,
    status: 'in_progress',
    output: {title: input.title, summary}
  })
  const batches: CheckAnnotation[][] = []
  for (let i = 0; i < annotations.length; i += CHECK_ANNOTATIONS_PER_REQUEST) {
    batches.push(annotations.slice(i, i + CHECK_ANNOTATIONS_PER_REQUEST))
  }
  if (batches.length === 0) batches.push([])
  for (const [index, batch] of batches.entries()) {
    const last = index === batches.length - 1
    await octokit.rest.checks.update({
      ...repo,
      check_run_id: created.data.id,
      output: {title: input.title, summary, annotations: batch},
      ...(last ? {status: 'completed' as const, conclusion: input.conclusion} : {})
    })
  }
  return {
    id: created.data.id,
    url: created.data.html_url ?? undefined,
    annotated: annotations.length,
    omitted,
    requests: 1 + batches.length
  }
}
