/**
 * A fake GitHub REST API on 127.0.0.1 for end-to-end tests of the bundled actions. It keeps
 * in-memory state for the routes pipeguard uses, records every request, paginates with Link headers
 * and can inject faults (status overrides for the next N matching requests).
 */
import {createServer, type IncomingMessage, type Server, type ServerResponse} from 'node:http'
import type {AddressInfo} from 'node:net'

export interface RecordedRequest {
  method: string
  /** Path without the query string. */
  path: string
  query: Record<string, string>
  /** Parsed JSON body, or the raw text when it is not JSON, or undefined. */
  body: unknown
  rawBody: string
  headers: Record<string, string | string[] | undefined>
  /** The status the fake answered with. */
  status: number
}

export interface User {
  login: string
  id: number
  type: 'User' | 'Bot'
}

/** Who GITHUB_TOKEN (an installation token) writes as on github.com. */
export const ACTIONS_BOT: User = {login: 'github-actions[bot]', id: 41898282, type: 'Bot'}

export interface Comment {
  id: number
  issue_number: number
  body: string
  user: User
  created_at: string
  updated_at: string
}

export interface Issue {
  number: number
  title: string
  body: string
  user: User
  state: 'open' | 'closed'
  state_reason: string | null
  labels: Array<{name: string}>
  html_url: string
}

export interface CheckRun {
  id: number
  name: string
  head_sha: string
  status: string
  conclusion: string | null
  output: {title?: string; summary?: string; text?: string}
  /** Every annotation received over all PATCH (and POST) requests, in order. */
  annotations: unknown[]
  html_url: string
}

export interface PullFile {
  filename: string
  status: 'added' | 'modified' | 'removed' | 'renamed'
  patch?: string
  additions?: number
  deletions?: number
}

export interface Fault {
  method?: string
  /** Exact path or a pattern tested against the path. */
  path: string | RegExp
  status: number
  /** How many matching requests fail; afterwards the route works again. */
  times: number
  headers?: Record<string, string>
  body?: unknown
}

/** A secondary rate limit as GitHub sends it: 403 (or 429), Retry-After and the message octokit looks for. */
export function secondaryRateLimit(
  path: string | RegExp,
  retryAfterSeconds = 1,
  method?: string,
  status: 403 | 429 = 403
): Fault {
  return {
    method,
    path,
    status,
    times: 1,
    headers: {'retry-after': String(retryAfterSeconds)},
    body: {
      message:
        'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.'
    }
  }
}

/** The primary rate limit is used up until `resetInSeconds` from now. */
export function primaryRateLimit(
  path: string | RegExp,
  resetInSeconds = 1,
  method?: string
): Fault {
  return {
    method,
    path,
    status: 403,
    times: 1,
    headers: {
      'x-ratelimit-remaining': '0',
      'x-ratelimit-reset': String(Math.ceil(Date.now() / 1000) + resetInSeconds)
    },
    body: {message: 'API rate limit exceeded for installation.'}
  }
}

/** A read-only token (fork pull request): every write answers 403. */
export function readOnlyToken(times = 1000): Fault[] {
  const body = {message: 'Resource not accessible by integration'}
  return ['POST', 'PATCH', 'PUT', 'DELETE'].map(method => ({
    method,
    path: /.*/,
    status: 403,
    times,
    body
  }))
}

/** GitHub's pull request files API lists at most this many files. */
export const PULL_FILES_MAX = 3000

type Handler = (req: ParsedRequest) => Reply

interface ParsedRequest {
  method: string
  path: string
  query: Record<string, string>
  body: unknown
  params: Record<string, string>
}

interface Reply {
  status: number
  body?: unknown
  /** Arrays are paginated with per_page/page and a Link header. */
  paginate?: boolean
}

export class FakeGitHub {
  readonly requests: RecordedRequest[] = []
  readonly comments: Comment[] = []
  readonly issues: Issue[] = []
  readonly labels: Array<{name: string; color: string; description?: string}> = []
  readonly checkRuns: CheckRun[] = []
  readonly pullFiles = new Map<number, PullFile[]>()
  readonly dependencySnapshots: unknown[] = []
  readonly faults: Fault[] = []
  /** Default page size when a request does not send per_page (GitHub's is 30). */
  defaultPerPage = 30
  /**
   * The account of the token: a user for a personal access token (GET /user answers), undefined
   * for an installation token such as GITHUB_TOKEN (GET /user is 403, writes are by the bot).
   */
  tokenUser?: User
  private server?: Server
  private readonly userIds = new Map<string, number>()
  private nextId = 1000
  private readonly routes: Array<{
    method: string
    pattern: RegExp
    keys: string[]
    handler: Handler
  }> = []

  constructor() {
    this.defineRoutes()
  }

  async start(): Promise<string> {
    this.server = createServer((req, res) => void this.handle(req, res))
    await new Promise<void>(resolve => this.server!.listen(0, '127.0.0.1', resolve))
    return this.url
  }

  get url(): string {
    const address = this.server?.address() as AddressInfo | undefined
    if (!address) throw new Error('the fake GitHub server is not started')
    return `http://127.0.0.1:${address.port}`
  }

  async close(): Promise<void> {
    if (!this.server) return
    this.server.closeAllConnections()
    await new Promise<void>(resolve => this.server!.close(() => resolve()))
    this.server = undefined
  }

  /** Makes the next `times` matching requests fail with `status`. */
  fail(fault: Fault | Fault[]): void {
    this.faults.push(...(Array.isArray(fault) ? fault : [fault]))
  }

  /** Drops recorded requests (state stays), e.g. between two runs of one test. */
  clearRequests(): void {
    this.requests.length = 0
  }

  /** Requests matching a method and a path (exact or pattern). */
  requestsTo(method: string, path: string | RegExp): RecordedRequest[] {
    return this.requests.filter(r => r.method === method && matches(path, r.path))
  }

  /** Adds a route; later routes win over the built-in ones. Path keys look like `:owner`. */
  route(method: string, path: string, handler: Handler): void {
    const keys: string[] = []
    const pattern = new RegExp(
      '^' +
        path
          .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
          .replace(/:(\w+)/g, (_, key: string) => (keys.push(key), '([^/]+)')) +
        '$'
    )
    this.routes.unshift({method, pattern, keys, handler})
  }

  /** A comment by `author` (a login of a user, or a whole user such as ACTIONS_BOT). */
  addComment(issueNumber: number, body: string, author: string | User = 'someone'): Comment {
    const now = new Date().toISOString()
    const comment = {
      id: this.nextId++,
      issue_number: issueNumber,
      body,
      user: typeof author === 'string' ? this.user(author) : author,
      created_at: now,
      updated_at: now
    }
    this.comments.push(comment)
    return comment
  }

  /** An issue by `author`, as someone else (or the token's account) would open it. */
  addIssue(fields: {title: string; body: string; labels?: string[]}, author: string | User): Issue {
    const number = this.issues.length + 1
    const issue: Issue = {
      number,
      title: fields.title,
      body: fields.body,
      user: typeof author === 'string' ? this.user(author) : author,
      state: 'open',
      state_reason: null,
      labels: (fields.labels ?? []).map(name => ({name})),
      html_url: `https://github.com/acme/app/issues/${number}`
    }
    this.issues.push(issue)
    return issue
  }

  /** The account that writes with the token. */
  get writer(): User {
    return this.tokenUser ?? ACTIONS_BOT
  }

  /** One id per login, like GitHub's accounts. */
  private user(login: string): User {
    let id = this.userIds.get(login)
    if (id === undefined) this.userIds.set(login, (id = 5000 + this.userIds.size))
    return {login, id, type: 'User'}
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = []
    for await (const chunk of req) chunks.push(chunk as Buffer)
    const rawBody = Buffer.concat(chunks).toString('utf8')
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    const query = Object.fromEntries(url.searchParams)
    let body: unknown = undefined
    if (rawBody) {
      try {
        body = JSON.parse(rawBody)
      } catch {
        body = rawBody
      }
    }
    const method = req.method ?? 'GET'
    const record: RecordedRequest = {
      method,
      path: url.pathname,
      query,
      body,
      rawBody,
      headers: req.headers,
      status: 0
    }
    this.requests.push(record)

    const fault = this.faults.find(
      f => f.times > 0 && (!f.method || f.method === method) && matches(f.path, url.pathname)
    )
    if (fault) {
      fault.times--
      record.status = fault.status
      this.send(
        res,
        fault.status,
        fault.body ?? {message: `injected ${fault.status}`},
        fault.headers
      )
      return
    }

    for (const route of this.routes) {
      if (route.method !== method) continue
      const m = route.pattern.exec(url.pathname)
      if (!m) continue
      const params = Object.fromEntries(
        route.keys.map((k, i) => [k, decodeURIComponent(m[i + 1]!)])
      )
      let reply: Reply
      try {
        reply = route.handler({method, path: url.pathname, query, body, params})
      } catch (error) {
        reply = {status: 422, body: {message: (error as Error).message}}
      }
      record.status = reply.status
      if (reply.paginate && Array.isArray(reply.body)) this.sendPage(res, url, reply.body)
      else this.send(res, reply.status, reply.body)
      return
    }
    record.status = 404
    this.send(res, 404, {message: 'Not Found', documentation_url: 'https://docs.github.com/rest'})
  }

  private sendPage(res: ServerResponse, url: URL, items: unknown[]): void {
    const perPage = Math.min(
      100,
      Math.max(1, Number(url.searchParams.get('per_page') ?? this.defaultPerPage))
    )
    const page = Math.max(1, Number(url.searchParams.get('page') ?? 1))
    const last = Math.max(1, Math.ceil(items.length / perPage))
    const links: string[] = []
    const link = (n: number, rel: string): string => {
      const next = new URL(url.pathname + url.search, this.url)
      next.searchParams.set('page', String(n))
      next.searchParams.set('per_page', String(perPage))
      return `<${next.href}>; rel="${rel}"`
    }
    if (page < last) links.push(link(page + 1, 'next'), link(last, 'last'))
    if (page > 1) links.push(link(1, 'first'), link(page - 1, 'prev'))
    this.send(
      res,
      200,
      items.slice((page - 1) * perPage, page * perPage),
      links.length ? {link: links.join(', ')} : {}
    )
  }

  private send(
    res: ServerResponse,
    status: number,
    body: unknown,
    headers: Record<string, string> = {}
  ): void {
    const text = body === undefined ? '' : JSON.stringify(body)
    res.writeHead(status, {
      'content-type': 'application/json; charset=utf-8',
      'x-ratelimit-limit': '1000',
      'x-ratelimit-remaining': '999',
      'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + 3600),
      ...headers
    })
    res.end(text)
  }

  private defineRoutes(): void {
    const repoBase = '/repos/:owner/:repo'
    const html = (p: ParsedRequest, rest: string): string =>
      `https://github.com/${p.params.owner}/${p.params.repo}/${rest}`
    const requireFields = (body: unknown, fields: string[]): Record<string, unknown> => {
      const b = (body ?? {}) as Record<string, unknown>
      for (const f of fields)
        if (b[f] === undefined) throw new Error(`Invalid request: "${f}" wasn't supplied.`)
      return b
    }

    // The token's account: installation tokens get 403 like on github.com.
    this.route('GET', '/user', () =>
      this.tokenUser
        ? {status: 200, body: this.tokenUser}
        : {status: 403, body: {message: 'Resource not accessible by integration'}}
    )

    // Issue and pull request comments.
    this.route('GET', `${repoBase}/issues/:number/comments`, p => ({
      status: 200,
      paginate: true,
      body: this.comments.filter(c => c.issue_number === Number(p.params.number))
    }))
    this.route('POST', `${repoBase}/issues/:number/comments`, p => {
      const b = requireFields(p.body, ['body'])
      return {
        status: 201,
        body: this.addComment(Number(p.params.number), String(b.body), this.writer)
      }
    })
    this.route('PATCH', `${repoBase}/issues/comments/:id`, p => {
      const comment = this.comments.find(c => c.id === Number(p.params.id))
      if (!comment) return {status: 404, body: {message: 'Not Found'}}
      comment.body = String(requireFields(p.body, ['body']).body)
      comment.updated_at = new Date().toISOString()
      return {status: 200, body: comment}
    })
    this.route('DELETE', `${repoBase}/issues/comments/:id`, p => {
      const index = this.comments.findIndex(c => c.id === Number(p.params.id))
      if (index < 0) return {status: 404, body: {message: 'Not Found'}}
      this.comments.splice(index, 1)
      return {status: 204}
    })

    // Issues and labels.
    this.route('GET', `${repoBase}/issues`, p => {
      const state = p.query.state ?? 'open'
      const wanted = (p.query.labels ?? '').split(',').filter(Boolean)
      const list = this.issues.filter(
        i =>
          (state === 'all' || i.state === state) &&
          wanted.every(l => i.labels.some(x => x.name === l))
      )
      return {
        status: 200,
        paginate: true,
        body: p.query.direction === 'asc' ? list : [...list].reverse()
      }
    })
    this.route('GET', `${repoBase}/issues/:number`, p => {
      const issue = this.issues.find(i => i.number === Number(p.params.number))
      return issue ? {status: 200, body: issue} : {status: 404, body: {message: 'Not Found'}}
    })
    this.route('POST', `${repoBase}/issues`, p => {
      const b = requireFields(p.body, ['title'])
      const labels = ((b.labels as string[] | undefined) ?? []).map(name => {
        if (!this.labels.some(l => l.name === name)) this.labels.push({name, color: 'ededed'})
        return {name}
      })
      const number = this.issues.length + 1
      const issue: Issue = {
        number,
        title: String(b.title),
        body: String(b.body ?? ''),
        user: this.writer,
        state: 'open',
        state_reason: null,
        labels,
        html_url: html(p, `issues/${number}`)
      }
      this.issues.push(issue)
      return {status: 201, body: issue}
    })
    this.route('PATCH', `${repoBase}/issues/:number`, p => {
      const issue = this.issues.find(i => i.number === Number(p.params.number))
      if (!issue) return {status: 404, body: {message: 'Not Found'}}
      const b = (p.body ?? {}) as Partial<Issue>
      if (b.title !== undefined) issue.title = b.title
      if (b.body !== undefined) issue.body = b.body
      if (b.state !== undefined) {
        issue.state = b.state
        issue.state_reason = b.state === 'closed' ? (b.state_reason ?? 'completed') : 'reopened'
      }
      return {status: 200, body: issue}
    })
    this.route('GET', `${repoBase}/labels/:name`, p => {
      const label = this.labels.find(l => l.name === p.params.name)
      return label ? {status: 200, body: label} : {status: 404, body: {message: 'Not Found'}}
    })
    this.route('POST', `${repoBase}/labels`, p => {
      const b = requireFields(p.body, ['name'])
      if (this.labels.some(l => l.name === b.name))
        return {
          status: 422,
          body: {message: 'Validation Failed', errors: [{code: 'already_exists'}]}
        }
      const label = {
        name: String(b.name),
        color: String(b.color ?? 'ededed'),
        description: b.description as string | undefined
      }
      this.labels.push(label)
      return {status: 201, body: label}
    })

    // Check runs: annotations accumulate over every request, at most 50 per request like GitHub.
    const takeAnnotations = (run: CheckRun, output: unknown): void => {
      const annotations = ((output ?? {}) as {annotations?: unknown[]}).annotations ?? []
      if (annotations.length > 50)
        throw new Error('Invalid request: only 50 annotations are allowed per request')
      run.annotations.push(...annotations)
    }
    this.route('POST', `${repoBase}/check-runs`, p => {
      const b = requireFields(p.body, ['name', 'head_sha'])
      const id = this.nextId++
      const run: CheckRun = {
        id,
        name: String(b.name),
        head_sha: String(b.head_sha),
        status: String(b.status ?? 'queued'),
        conclusion: (b.conclusion as string | undefined) ?? null,
        output: {
          ...((b.output as object | undefined) ?? {}),
          annotations: undefined
        } as CheckRun['output'],
        annotations: [],
        html_url: html(p, `runs/${id}`)
      }
      takeAnnotations(run, b.output)
      this.checkRuns.push(run)
      return {status: 201, body: run}
    })
    this.route('PATCH', `${repoBase}/check-runs/:id`, p => {
      const run = this.checkRuns.find(r => r.id === Number(p.params.id))
      if (!run) return {status: 404, body: {message: 'Not Found'}}
      const b = (p.body ?? {}) as Record<string, unknown>
      takeAnnotations(run, b.output)
      if (b.output) {
        const output = {...(b.output as Record<string, unknown>)}
        delete output.annotations
        run.output = {...run.output, ...output}
      }
      if (b.status !== undefined) run.status = String(b.status)
      if (b.conclusion !== undefined) run.conclusion = String(b.conclusion)
      return {status: 200, body: run}
    })
    this.route('GET', `${repoBase}/check-runs/:id`, p => {
      const run = this.checkRuns.find(r => r.id === Number(p.params.id))
      return run ? {status: 200, body: run} : {status: 404, body: {message: 'Not Found'}}
    })

    // Pull request files: like GitHub, the list stops at 3,000 files whatever the PR holds.
    this.route('GET', `${repoBase}/pulls/:number/files`, p => ({
      status: 200,
      paginate: true,
      body: (this.pullFiles.get(Number(p.params.number)) ?? []).slice(0, PULL_FILES_MAX).map(f => ({
        sha: '0'.repeat(40),
        additions: 0,
        deletions: 0,
        changes: 0,
        ...f
      }))
    }))

    // Dependency submission.
    this.route('POST', `${repoBase}/dependency-graph/snapshots`, p => {
      requireFields(p.body, ['version', 'job', 'sha', 'ref', 'detector', 'scanned'])
      this.dependencySnapshots.push(p.body)
      return {
        status: 201,
        body: {
          id: this.dependencySnapshots.length,
          created_at: new Date().toISOString(),
          result: 'SUCCESS',
          message: 'Dependency results for the repo have been successfully updated.'
        }
      }
    })
  }
}

function matches(pattern: string | RegExp, path: string): boolean {
  return typeof pattern === 'string' ? pattern === path : pattern.test(path)
}
