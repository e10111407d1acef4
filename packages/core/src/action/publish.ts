import {errorMessage} from '../errors'
import type {Finding} from '../finding'
import {verdict} from '../reporters/markdown'
import {escapeInlineCode, escapeMarkdown} from '../escape'
import {existingText} from '../status-label'
import {type FileError} from '../errors'
import {unscannedFiles, visibleFindings, type ScanReport} from '../report'
import {
  ANNOTATIONS_PER_TYPE,
  emitAnnotations,
  planAnnotations,
  unscannedAnnotation
} from '../github/annotations'
import {runCommentSections} from '../github/change-sections'
import {publishCheckRun} from '../github/check-run'
import {findingChange} from '../finding-change'
import {marker, renderCommentBody, upsertStickyComment} from '../github/comment'
import type {GitHubContext} from '../github/context'
import type {RowContext} from '../github/markdown'
import {httpStatus, type GitHubClient} from '../github/octokit'
import {renderSummary} from '../github/summary'
import {syncTrackingIssue, trackingMarker} from '../github/tracking-issue'
import type {ActionInputs} from './action-inputs'
import type {GateComparison} from './gate-comparison'
import type {ActionsCore} from './run-action'

export interface PublishInput {
  core: ActionsCore
  report: ScanReport
  inputs: ActionInputs
  github?: GitHubContext
  octokit?: GitHubClient
  actionId: string
  title: string
  /** A scanned-root path as a repository path (the action's `path:` input is the prefix). */
  repoFile: (path: string) => string
  diffNote?: string
  /** The diff is missing or partial, so every finding is in scope: the comment says so too. */
  diffUnknown?: boolean
  /** On a pull request: what it switches off in the gate's own configuration. */
  gate?: GateComparison
}

/**
 * Annotations, check run, sticky comment, tracking issues and job summary. Each is best effort: a
 * failure becomes a warning that names the missing permission, and the next one still runs.
 */
export async function publishReports(input: PublishInput): Promise<void> {
  const {core, report, inputs, github, octokit} = input
  const notes: string[] = []
  if (input.diffNote) notes.push(input.diffNote)
  if (input.gate?.problem)
    notes.push(
      `⚠️ The gate's configuration could not be compared with the base commit (${escapeMarkdown(input.gate.problem)}): changes that weaken it are not listed.`
    )
  const gateChanges = input.gate?.changes ?? []
  const {repoFile} = input
  const repoPath = (f: Finding): string => repoFile(f.location.path)
  const rows: RowContext = {github, repoFile}
  const unscanned = unscannedFiles(report)
  const actionable = report.findings.filter(f => f.status === 'new')
  const blocking = new Set(report.blocking)

  const attempt = async (
    what: string,
    permission: string,
    work: () => Promise<void>
  ): Promise<void> => {
    try {
      await work()
    } catch (error) {
      const status = httpStatus(error)
      const message =
        status === 403 || status === 404
          ? `pipeguard: could not ${what}: the token lacks \`${permission}\` (HTTP ${status}; ${github?.pullRequest?.isFork ? 'this pull request comes from a fork, whose token is always read-only' : `add \`${permission}\` to the workflow's permissions`})`
          : `pipeguard: could not ${what}: ${errorMessage(error)}`
      core.warning(message)
      notes.push(
        `⚠️ Could not ${what}${status === 403 || status === 404 ? `: the workflow needs \`permissions: ${permission}\`` : ''}.`
      )
    }
  }

  let overflow: Finding[] = []
  if (inputs.annotations) {
    const plan = planAnnotations(
      actionable,
      repoPath,
      unscanned.filter(e => e.path).map(e => unscannedAnnotation(repoFile(e.path), e.message))
    )
    emitAnnotations({error: core.error, warning: core.warning, notice: core.notice}, plan.shown)
    overflow = plan.overflow
  }

  let checkRunShown = false
  if (overflow.length > 0 && inputs.checkRun && octokit && github?.sha) {
    await attempt(
      'create a check run for the annotations past the step limit',
      'checks: write',
      async () => {
        const result = await publishCheckRun(octokit, {
          owner: github.owner,
          repo: github.repo,
          name: `pipeguard / ${input.actionId}`,
          headSha: github.sha,
          title: `${overflow.length} more finding(s)`,
          summary: verdict(report),
          findings: overflow,
          repoPath,
          conclusion: report.exitCode !== 0 ? 'failure' : 'neutral'
        })
        checkRunShown = true
        const where = result.url ? `[check run](${result.url})` : 'check run'
        notes.push(
          `GitHub shows ${ANNOTATIONS_PER_TYPE} annotations per type in a step: ${result.annotated} more are on the ${where}` +
            (result.omitted > 0 ? `, ${result.omitted} are only in the SARIF report.` : '.')
        )
      }
    )
  }
  if (overflow.length > 0 && !checkRunShown) {
    notes.push(
      `${overflow.length} finding(s) were not annotated (GitHub shows ${ANNOTATIONS_PER_TYPE} per type in a step): they are listed below and in the SARIF report.`
    )
  }

  const pr = github?.pullRequest
  if (pr && octokit && github && inputs.comment !== 'never') {
    await attempt('update the pull request comment', 'pull-requests: write', async () => {
      const notesForComment: string[] = []
      const outside = report.findings.filter(f => f.status === 'filtered').length
      // Still-present ones of a change-tracking scanner are listed in the comment itself.
      const existing = existingText(
        report.findings.filter(f => f.status === 'existing' && findingChange(f) !== 'present')
      )
      if (unscanned.length > 0) notesForComment.push(unscannedList(unscanned, repoFile))
      if (input.diffUnknown && input.diffNote) notesForComment.push(input.diffNote)
      const notBlocking = [
        outside > 0 ? `${outside} finding(s) outside the changed lines` : '',
        existing
      ].filter(Boolean)
      if (notBlocking.length > 0) {
        notesForComment.push(`${notBlocking.join(', ')} do not block: see the job summary.`)
      }
      const body = renderCommentBody({
        markerId: input.actionId,
        heading: input.title,
        verdict:
          actionable.length === 0 && report.incomplete.length === 0
            ? '✅ No findings in the changes of this pull request.'
            : verdict(report),
        sections: report.scanners.flatMap(run =>
          runCommentSections({
            title: run.title,
            findings: visibleFindings(report).filter(f => f.scanner === run.id),
            actionable: actionable.filter(f => f.scanner === run.id),
            blocking,
            resolved: run.resolved,
            baseRows: {...rows, github: {...github, sha: pr.baseSha}}
          })
        ),
        notes: notesForComment,
        rows,
        github,
        gateChanges
      }).body
      const result = await upsertStickyComment(
        octokit,
        {owner: github.owner, repo: github.repo, issueNumber: pr.number},
        {
          mode: inputs.comment,
          markerText: marker(input.actionId),
          // A change that weakens the gate is worth a comment even when nothing is found.
          // An incomplete scan is a failure the author must see, with the files it could not read.
          hasFindings:
            actionable.length > 0 || gateChanges.length > 0 || report.incomplete.length > 0,
          body
        }
      )
      core.info(`pipeguard: pull request comment ${result}`)
    })
  }

  if (github?.isScheduled && octokit) {
    for (const run of report.scanners) {
      await attempt(`update the tracking issue for ${run.title}`, 'issues: write', async () => {
        const findings = actionable.filter(f => f.scanner === run.id)
        const body = renderCommentBody({
          markerId: `tracking:${run.id}`,
          heading: `${run.title}: open findings`,
          verdict: `${findings.length} finding(s) on ${github.ref ? escapeInlineCode(github.ref) : 'the default branch'}. This issue is updated by every scheduled scan and closed when the scan is clean.`,
          sections: [{title: run.title, findings}],
          notes: [],
          rows,
          github
        }).body
        const resolvedBody = `${trackingMarker(run.id)}\n### 🛡️ ${run.title}\n\n✅ The last scan found nothing: closed by pipeguard (commit ${github.sha.slice(0, 7)}).\n`
        const result = await syncTrackingIssue(octokit, {
          owner: github.owner,
          repo: github.repo,
          scanner: run.id,
          title: `pipeguard: ${findings.length} ${run.title} finding(s)`,
          body,
          resolvedBody,
          resolvedTitle: `pipeguard: ${run.title} resolved, no open findings`,
          findings: findings.length
        })
        core.info(`pipeguard: tracking issue for ${run.id} ${result}`)
      })
    }
  }

  try {
    const {markdown} = renderSummary({heading: input.title, report, rows, notes, gateChanges})
    await core.summary.addRaw(markdown).write()
  } catch (error) {
    core.warning(`pipeguard: could not write the job summary: ${errorMessage(error)}`)
  }
}

/** Rows a comment can afford for files that could not be scanned; the summary lists up to 100. */
const COMMENT_UNSCANNED_ROWS = 20

function unscannedList(unscanned: FileError[], repoFile: (path: string) => string): string {
  const rows = unscanned
    .slice(0, COMMENT_UNSCANNED_ROWS)
    .map(
      e =>
        `- ${escapeInlineCode(e.path ? repoFile(e.path) : '(whole scan)')}: ${escapeMarkdown(e.message)}`
    )
  const more =
    unscanned.length > COMMENT_UNSCANNED_ROWS
      ? [`- … and ${unscanned.length - COMMENT_UNSCANNED_ROWS} more: see the job summary`]
      : []
  return [
    '**Files that could not be scanned** (the result is incomplete):',
    '',
    ...rows,
    ...more
  ].join('\n')
}
