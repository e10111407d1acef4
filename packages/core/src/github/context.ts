import {readFileSync} from 'node:fs'
import {z} from 'zod'
import {ConfigError} from '../errors'

/** The parts of an event payload pipeguard reads; everything else is ignored. */
const EventPayloadSchema = z.looseObject({
  pull_request: z
    .looseObject({
      number: z.number().int(),
      changed_files: z.number().int().nonnegative().optional(),
      head: z.looseObject({
        sha: z.string(),
        repo: z.looseObject({full_name: z.string()}).nullish()
      }),
      base: z.looseObject({
        sha: z.string(),
        repo: z.looseObject({full_name: z.string()}).nullish()
      })
    })
    .optional(),
  repository: z.looseObject({default_branch: z.string().optional()}).optional()
})

export interface PullRequestContext {
  number: number
  headSha: string
  baseSha: string
  /** Head repository differs from the base: the token is read-only. */
  isFork: boolean
  /** `pull_request.changed_files`: how many files the PR changes (the files API lists at most 3,000). */
  changedFiles?: number
}

export interface GitHubContext {
  owner: string
  repo: string
  eventName: string
  /** The commit findings are linked and annotated at: the PR head, not the test merge commit. */
  sha: string
  ref?: string
  serverUrl: string
  apiUrl: string
  runUrl?: string
  pullRequest?: PullRequestContext
  /** True for `schedule` and `workflow_dispatch`: drift tracking on the default branch. */
  isScheduled: boolean
}

export const PULL_REQUEST_EVENTS = new Set(['pull_request', 'pull_request_target'])
export const SCHEDULED_EVENTS = new Set(['schedule', 'workflow_dispatch'])

/** Reads GITHUB_* variables and the event payload file; undefined outside GitHub Actions. */
export function readGitHubContext(env: NodeJS.ProcessEnv): GitHubContext | undefined {
  const repository = env.GITHUB_REPOSITORY
  if (!repository) return undefined
  const [owner, repo] = repository.split('/')
  if (!owner || !repo)
    throw new ConfigError(
      `GITHUB_REPOSITORY: expected "owner/repo", got ${JSON.stringify(repository)}`
    )
  const eventName = env.GITHUB_EVENT_NAME ?? ''
  const payload = readPayload(env.GITHUB_EVENT_PATH)
  const pr = payload.pull_request
  const serverUrl = (env.GITHUB_SERVER_URL ?? 'https://github.com').replace(/\/+$/, '')
  const pullRequest: PullRequestContext | undefined = pr
    ? {
        number: pr.number,
        headSha: pr.head.sha,
        baseSha: pr.base.sha,
        isFork: Boolean(
          pr.head.repo && pr.base.repo && pr.head.repo.full_name !== pr.base.repo.full_name
        ),
        ...(pr.changed_files === undefined ? {} : {changedFiles: pr.changed_files})
      }
    : undefined
  return {
    owner,
    repo,
    eventName,
    sha: pullRequest?.headSha ?? env.GITHUB_SHA ?? '',
    ref: env.GITHUB_REF,
    serverUrl,
    apiUrl: (env.GITHUB_API_URL ?? 'https://api.github.com').replace(/\/+$/, ''),
    runUrl: env.GITHUB_RUN_ID
      ? `${serverUrl}/${owner}/${repo}/actions/runs/${env.GITHUB_RUN_ID}`
      : undefined,
    pullRequest,
    isScheduled: SCHEDULED_EVENTS.has(eventName)
  }
}

function readPayload(path: string | undefined): z.infer<typeof EventPayloadSchema> {
  if (!path) return {}
  let raw: unknown
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'))
  } catch (error) {
    throw new ConfigError(
      `GITHUB_EVENT_PATH ${path}: cannot read the event payload (${(error as Error).message})`
    )
  }
  const parsed = EventPayloadSchema.safeParse(raw)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!
    throw new ConfigError(`GITHUB_EVENT_PATH ${path}: ${issue.path.join('.')}: ${issue.message}`)
  }
  return parsed.data
}

/** A link to a line range of a file at a commit; every path segment is percent-encoded. */
export function blobUrl(
  ctx: Pick<GitHubContext, 'serverUrl' | 'owner' | 'repo' | 'sha'>,
  path: string,
  startLine: number,
  endLine: number
): string {
  const encoded = path
    .split('/')
    .map(segment =>
      encodeURIComponent(segment).replace(
        /[()'!*]/g,
        c => `%${c.charCodeAt(0).toString(16).toUpperCase()}`
      )
    )
    .join('/')
  const anchor = endLine > startLine ? `#L${startLine}-L${endLine}` : `#L${startLine}`
  return `${ctx.serverUrl}/${ctx.owner}/${ctx.repo}/blob/${ctx.sha}/${encoded}${anchor}`
}
