import {mkdirSync, writeFileSync} from 'node:fs'
import {dirname, join, resolve} from 'node:path'
import type * as actionsCore from '@actions/core'
import {loadBaseline} from '../baseline'
import type {ConfigInput} from '../config-schema'
import {loadConfig} from '../config-load'
import {ConfigError, errorMessage} from '../errors'
import {escapeMarkdown} from '../escape'
import {readGitHubContext, type GitHubContext} from '../github/context'
import {apiDiff, gitDiff, type ApiDiff, type PullRequestDiff} from '../github/diff'
import {createScopeFilter, type FilterMode} from '../github/filter'
import {createOctokit, type GitHubClient, type OctokitOptions} from '../github/octokit'
import {runPipeline} from '../pipeline'
import {renderJson} from '../reporters/json'
import {renderSarif} from '../reporters/sarif'
import {unscannedFiles, visibleFindings, type ScanReport} from '../report'
import type {Scanner} from '../scanner'
import {readActionInputs, type ActionInputs} from './action-inputs'
import {compareGateWithBase, type GateComparison} from './gate-comparison'
import {failAction} from './action-failure'
import {publishReports} from './publish'
import {resolveScanRoot} from './scan-root'

export type ActionsCore = Pick<
  typeof actionsCore,
  | 'getInput'
  | 'setOutput'
  | 'setFailed'
  | 'info'
  | 'warning'
  | 'error'
  | 'notice'
  | 'summary'
  | 'setSecret'
>

export type ClientFactory = (token: string, options: OctokitOptions) => GitHubClient

export interface ActionDeps {
  core: ActionsCore
  /** Marker, check-run name and file names: `secret-scan`, `dependency-audit`, `iac-lint`, `pipeguard`. */
  actionId: string
  /** Shown as the heading of the comment and summary. */
  title: string
  /** The scanners to run, chosen from the validated inputs (the root action reads `scanners`). */
  scanners: Scanner[] | ((inputs: ActionInputs) => Scanner[])
  env?: NodeJS.ProcessEnv
  createClient?: ClientFactory
}

/**
 * One action run: inputs -> pipeline -> files and outputs -> best-effort GitHub reporting -> gate.
 * Only the gate sets the job's result; a reporting failure is a warning. Never throws.
 */
export async function runAction(deps: ActionDeps): Promise<ScanReport | undefined> {
  const {core, env = process.env} = deps
  try {
    const inputs = readActionInputs(name => core.getInput(name))
    const scanners = typeof deps.scanners === 'function' ? deps.scanners(inputs) : deps.scanners
    const github = readGitHubContext(env)
    const workspaceDir = resolve(env.GITHUB_WORKSPACE ?? process.cwd())
    const {root, repoFile} = resolveScanRoot(workspaceDir, inputs.path)

    const token = inputs.githubToken
    if (token) core.setSecret(token)
    const octokit =
      token && github
        ? (deps.createClient ?? createOctokit)(token, {
            baseUrl: github.apiUrl,
            log: message => core.info(`pipeguard: ${message}`),
            ...pacingFromEnv(env)
          })
        : undefined

    const overrides: Partial<ConfigInput> = {}
    if (inputs.failOn) overrides.failOn = inputs.failOn
    if (inputs.mode) overrides.mode = inputs.mode
    if (inputs.advisoryDb || inputs.osvUrl) {
      overrides.deps = {
        ...(inputs.advisoryDb ? {advisoryDb: resolve(workspaceDir, inputs.advisoryDb)} : {}),
        ...(inputs.osvUrl ? {osvUrl: inputs.osvUrl} : {})
      } as ConfigInput['deps']
    }
    const configPath = inputs.config ? resolve(workspaceDir, inputs.config) : undefined
    const loaded = loadConfig(root, configPath, overrides)
    const {config} = loaded
    const baseline = loadBaseline({
      root,
      explicit: inputs.baseline,
      explicitBase: workspaceDir,
      configured: config.baseline
    })

    const filterMode: FilterMode = inputs.filterMode ?? (github?.pullRequest ? 'added' : 'nofilter')
    const scope =
      github?.pullRequest && filterMode !== 'nofilter'
        ? await readDiff(core, github, workspaceDir, octokit, filterMode)
        : undefined
    const diff = scope?.diff
    const inScope = diff ? createScopeFilter(filterMode, diff, repoFile) : undefined

    const report = await runPipeline({
      root,
      config,
      baseline,
      scanners,
      env,
      inScope,
      options: {
        scanners: scanners.map(s => s.name),
        history: false,
        staged: false,
        advisoryDb: config.deps.advisoryDb,
        osvUrl: config.deps.osvUrl,
        list: false
      }
    })

    const gate = github?.pullRequest
      ? await compareGateWithBase({
          root,
          baseRevision: github.pullRequest.baseSha,
          head: loaded,
          configPath,
          overrides,
          baselinePath: inputs.baseline ? resolve(workspaceDir, inputs.baseline) : undefined,
          scanners
        }).catch((error: unknown): GateComparison => ({changes: [], problem: errorMessage(error)}))
      : undefined
    if (gate?.changes.length) {
      core.warning(
        `pipeguard: this pull request weakens the gate (${gate.changes.length} change(s) to its configuration): see the job summary`
      )
    }

    const tempDir = env.RUNNER_TEMP ?? workspaceDir
    const reportFile = join(tempDir, `pipeguard-${deps.actionId}.json`)
    mkdirSync(dirname(reportFile), {recursive: true})
    writeFileSync(reportFile, renderJson(report))
    const sarifFile = resolve(
      workspaceDir,
      inputs.sarifFile ?? join(tempDir, `pipeguard-${deps.actionId}.sarif`)
    )
    mkdirSync(dirname(sarifFile), {recursive: true})
    writeFileSync(sarifFile, renderSarif(report, {repoFile}))

    core.setOutput('findings', String(visibleFindings(report).length))
    core.setOutput('blocking', String(report.blocking.length))
    core.setOutput('errors', String(unscannedFiles(report).length))
    core.setOutput('incomplete', report.incomplete.length > 0 ? 'true' : 'false')
    core.setOutput('sarif-file', sarifFile)
    core.setOutput('report-file', reportFile)

    await publishReports({
      core,
      report,
      inputs,
      github,
      octokit,
      actionId: deps.actionId,
      title: deps.title,
      repoFile,
      gate,
      diffNote: scope?.note,
      diffUnknown: scope !== undefined && !scope.diff
    })

    if (report.exitCode === 2) {
      core.setFailed(`pipeguard: the scan is incomplete: ${report.incomplete.join('; ')}`)
    } else if (report.exitCode !== 0) {
      core.setFailed(
        `pipeguard: ${report.blocking.length} blocking finding(s) at or above ${report.config.failOn}`
      )
    } else {
      const shown = visibleFindings(report).length
      core.info(
        shown === 0 ? 'pipeguard: no findings' : `pipeguard: ${shown} finding(s), none blocking`
      )
    }
    return report
  } catch (error) {
    failAction(core, error, env)
    return undefined
  }
}

/** The diff the scope filter uses (none: every finding is in scope) and a line saying where it came from. */
interface DiffScope {
  diff?: PullRequestDiff
  note: string
}

const EVERY_FINDING = 'every finding is treated as changed'

/**
 * The changed lines of the pull request: from git when both commits are present, else from the
 * API. When neither works, or the API's list is cut short, every finding stays in scope: a
 * missing or partial diff must never hide a finding.
 */
async function readDiff(
  core: ActionsCore,
  github: GitHubContext,
  workspaceDir: string,
  octokit: GitHubClient | undefined,
  mode: FilterMode
): Promise<DiffScope> {
  const pr = github.pullRequest!
  const from = (diff: PullRequestDiff, source: string): DiffScope => ({
    diff,
    note: `Diff filter \`${mode}\` (changed lines from ${source}).`
  })
  const fromGit = await gitDiff(workspaceDir, pr.baseSha, pr.headSha).catch(() => undefined)
  if (fromGit) return from(fromGit, 'git')
  const unknown = (why: string, hint = ''): DiffScope => {
    core.warning(`pipeguard: ${why}: ${EVERY_FINDING}.${hint}`)
    return {
      note: `⚠️ Diff filter \`${mode}\` not applied: ${escapeMarkdown(why)}: ${EVERY_FINDING}.`
    }
  }
  if (!octokit) return unknown('no github-token and no git history for the pull request')
  let listed: ApiDiff
  try {
    listed = await apiDiff(octokit, github, pr.number, pr.changedFiles)
  } catch (error) {
    return unknown(
      `could not list the pull request's files (${errorMessage(error)})`,
      ' Grant `pull-requests: read` or check out with `fetch-depth: 0`.'
    )
  }
  if (listed.truncated)
    return unknown(
      `the diff is incomplete (${listed.truncated})`,
      ' Check out with `fetch-depth: 0` to read the whole diff from git.'
    )
  return from(listed, 'the pull request files API')
}

/** Test and GHES tuning: PIPEGUARD_RETRY_BASE_MS and PIPEGUARD_WRITE_INTERVAL_MS (milliseconds). */
function pacingFromEnv(
  env: NodeJS.ProcessEnv
): Pick<OctokitOptions, 'retryBaseMs' | 'writeIntervalMs'> {
  const number = (name: string): number | undefined => {
    const value = env[name]
    if (value === undefined || value === '') return undefined
    const n = Number(value)
    if (!Number.isFinite(n) || n < 0)
      throw new ConfigError(
        `${name}: expected a number of milliseconds, got ${JSON.stringify(value)}`
      )
    return n
  }
  const out: Pick<OctokitOptions, 'retryBaseMs' | 'writeIntervalMs'> = {}
  const retryBaseMs = number('PIPEGUARD_RETRY_BASE_MS')
  const writeIntervalMs = number('PIPEGUARD_WRITE_INTERVAL_MS')
  if (retryBaseMs !== undefined) out.retryBaseMs = retryBaseMs
  if (writeIntervalMs !== undefined) out.writeIntervalMs = writeIntervalMs
  return out
}
