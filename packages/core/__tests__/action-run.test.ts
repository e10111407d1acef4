import {mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterEach, beforeEach, describe, expect, it, jest} from '@jest/globals'
import {
  ACTIONS_BOT,
  FakeGitHub,
  readOnlyToken,
  secondaryRateLimit
} from '../../../test/helpers/fake-github'
import {runAction, type ActionsCore} from '../src/action/run-action'
import {createFinding} from '../src/finding'
import {createOctokit} from '../src/github/octokit'
import type {Scanner} from '../src/scanner'
import type {Severity} from '../src/severity'

/** A tiny scanner for these tests: one finding per line `BAD <severity>` in any .txt file. */
const markerScanner: Scanner = {
  id: 'iac',
  name: 'iac',
  title: 'IaC lint',
  version: 1,
  fileRequired: path => path.endsWith('.txt'),
  async scan(ctx) {
    const findings = []
    for (const file of ctx.files) {
      const lines = (await ctx.workspace.text(file))?.split('\n') ?? []
      for (const [i, line] of lines.entries()) {
        const m = /BAD (critical|high|medium|low|info)/.exec(line)
        if (!m) continue
        findings.push(
          createFinding({
            scanner: 'iac',
            ruleId: `bad-${m[1]}`,
            severity: m[1] as Severity,
            title: 'Bad line',
            message: `bad ${m[1]} line`,
            remediation: 'Remove it',
            path: file.path,
            startLine: i + 1,
            fingerprintContent: `${i}`
          })
        )
      }
    }
    return {findings, errors: []}
  }
}

interface Harness {
  core: ActionsCore
  failed: () => string | undefined
  warnings: () => string[]
  annotations: () => string[]
  outputs: Record<string, string>
  summary: () => string
}

function fakeCore(inputs: Record<string, string>): Harness {
  const outputs: Record<string, string> = {}
  let failed: string | undefined
  let summary = ''
  const warning = jest.fn<(m: string | Error, p?: object) => void>()
  const error = jest.fn<(m: string | Error, p?: object) => void>()
  const notice = jest.fn<(m: string | Error, p?: object) => void>()
  const summaryApi = {
    addRaw(text: string) {
      summary += text
      return summaryApi
    },
    async write() {
      return summaryApi
    }
  }
  const core = {
    getInput: (name: string) => inputs[name] ?? '',
    setOutput: (name: string, value: unknown) => void (outputs[name] = String(value)),
    setFailed: (message: string | Error) => void (failed = String(message)),
    setSecret: () => {},
    info: () => {},
    warning,
    error,
    notice,
    summary: summaryApi
  } as unknown as ActionsCore
  return {
    core,
    failed: () => failed,
    warnings: () => warning.mock.calls.filter(c => c[1] === undefined).map(c => String(c[0])),
    annotations: () =>
      [...error.mock.calls, ...warning.mock.calls, ...notice.mock.calls]
        .filter(c => c[1] !== undefined)
        .map(c => String(c[0])),
    outputs,
    summary: () => summary
  }
}

describe('runAction against a fake GitHub API', () => {
  let server: FakeGitHub
  let dir: string
  beforeEach(async () => {
    server = new FakeGitHub()
    await server.start()
    dir = mkdtempSync(join(tmpdir(), 'pipeguard-run-'))
  })
  afterEach(async () => {
    await server.close()
    rmSync(dir, {recursive: true, force: true})
  })

  const env = (eventName: string, event: unknown): NodeJS.ProcessEnv => {
    writeFileSync(join(dir, 'event.json'), JSON.stringify(event))
    return {
      GITHUB_WORKSPACE: join(dir, 'repo'),
      GITHUB_REPOSITORY: 'acme/app',
      GITHUB_EVENT_NAME: eventName,
      GITHUB_EVENT_PATH: join(dir, 'event.json'),
      GITHUB_SHA: 'm'.repeat(40),
      GITHUB_REF: 'refs/heads/main',
      GITHUB_API_URL: server.url,
      GITHUB_RUN_ID: '7',
      RUNNER_TEMP: dir
    }
  }
  const prEvent = {
    pull_request: {
      number: 5,
      head: {sha: 'h'.repeat(40), repo: {full_name: 'acme/app'}},
      base: {sha: 'b'.repeat(40), repo: {full_name: 'acme/app'}}
    }
  }
  const client = (token: string, options: Parameters<typeof createOctokit>[1]) =>
    createOctokit(token, {...options, retryBaseMs: 5, writeIntervalMs: 0})
  const repoFile = (name: string, text: string): void => {
    const root = join(dir, 'repo')
    mkdirSync(root, {recursive: true})
    writeFileSync(join(root, name), text)
  }

  async function run(
    inputs: Record<string, string>,
    eventName: string,
    event: unknown
  ): Promise<Harness> {
    const h = fakeCore({'github-token': 'ghs_test', ...inputs})
    await runAction({
      core: h.core,
      actionId: 'iac-lint',
      title: 'pipeguard · IaC lint',
      scanners: [markerScanner],
      env: env(eventName, event),
      createClient: client
    })
    return h
  }

  it('filters by the PR files API, comments once, then updates the same comment', async () => {
    repoFile('a.txt', 'ok\nBAD high\nBAD high\n')
    server.pullFiles.set(5, [
      {filename: 'a.txt', status: 'modified', patch: '@@ -1,2 +1,3 @@\n ok\n+BAD high\n BAD high'}
    ])
    const first = await run({}, 'pull_request', prEvent)
    expect(first.failed()).toBe('pipeguard: 1 blocking finding(s) at or above high')
    expect(first.outputs).toMatchObject({findings: '2', blocking: '1'})
    expect(server.comments).toHaveLength(1)
    expect(server.comments[0]!.body).toContain('<!-- pipeguard:iac-lint -->')
    expect(server.comments[0]!.body).toContain(`blob/${'h'.repeat(40)}/a.txt#L2`)
    expect(first.summary()).toContain('| outside the diff |')
    expect(server.requestsTo('GET', '/repos/acme/app/pulls/5/files')[0]!.query.per_page).toBe('100')
    // Outside the diff means not blocking, not gone: SARIF still has both.
    const sarif = JSON.parse(readFileSync(first.outputs['sarif-file']!, 'utf8')) as {
      runs: Array<{results: unknown[]}>
    }
    expect(sarif.runs[0]!.results).toHaveLength(2)

    repoFile('a.txt', 'ok\nfine\nBAD high\n')
    server.pullFiles.set(5, [
      {filename: 'a.txt', status: 'modified', patch: '@@ -1,2 +1,3 @@\n ok\n+fine\n BAD high'}
    ])
    const second = await run({}, 'pull_request', prEvent)
    expect(second.failed()).toBeUndefined()
    expect(server.comments).toHaveLength(1)
    expect(server.comments[0]!.body).toContain('No findings in the changes of this pull request')
    expect(server.requestsTo('POST', /comments$/)).toHaveLength(1)
    expect(server.requestsTo('PATCH', /\/issues\/comments\/\d+$/)).toHaveLength(1)
  })

  it('finds its comment on a later page and never touches comments without the marker', async () => {
    repoFile('a.txt', 'BAD critical\n')
    for (let i = 0; i < 150; i++) server.addComment(5, `chatter ${i}`)
    const ours = server.addComment(5, '<!-- pipeguard:iac-lint -->\nold', ACTIONS_BOT)
    await run({'filter-mode': 'nofilter'}, 'pull_request', prEvent)
    expect(
      server.requestsTo('GET', '/repos/acme/app/issues/5/comments').map(r => r.query.page ?? '1')
    ).toEqual(['1', '2'])
    expect(server.comments.find(c => c.id === ours.id)!.body).toContain('bad critical line')
    expect(server.comments).toHaveLength(151)
  })

  it('puts overflow annotations on a check run in batches of 50 at the PR head', async () => {
    repoFile('many.txt', Array.from({length: 130}, () => 'BAD critical').join('\n'))
    const h = await run({'filter-mode': 'nofilter', comment: 'never'}, 'pull_request', prEvent)
    expect(h.annotations()).toHaveLength(10)
    const [checkRun] = server.checkRuns
    expect(checkRun).toMatchObject({
      name: 'pipeguard / iac-lint',
      head_sha: 'h'.repeat(40),
      status: 'completed',
      conclusion: 'failure'
    })
    expect(checkRun!.annotations).toHaveLength(120)
    const patches = server
      .requestsTo('PATCH', /check-runs/)
      .map(r => (r.body as {output: {annotations: unknown[]}}).output.annotations.length)
    expect(patches).toEqual([50, 50, 20])
    expect(h.summary()).toContain('120 more are on the [check run]')
  })

  it('without check-run the summary says how many annotations were not shown', async () => {
    repoFile('many.txt', Array.from({length: 13}, () => 'BAD high').join('\n'))
    const h = await run({'check-run': 'false'}, 'push', {})
    expect(server.checkRuns).toHaveLength(0)
    expect(h.summary()).toContain('3 finding(s) were not annotated')
  })

  it('a read-only token warns with the permission and the gate alone decides', async () => {
    repoFile('many.txt', Array.from({length: 12}, () => 'BAD medium').join('\n'))
    server.fail(readOnlyToken())
    const h = await run({'filter-mode': 'nofilter', comment: 'always'}, 'pull_request', prEvent)
    expect(h.failed()).toBeUndefined()
    expect(h.warnings().some(w => w.includes('`checks: write`'))).toBe(true)
    expect(h.warnings().some(w => w.includes('`pull-requests: write`'))).toBe(true)
    expect(h.outputs.findings).toBe('12')
    expect(readFileSync(h.outputs['sarif-file']!, 'utf8')).toContain('bad-medium')
    expect(h.summary()).toContain('permissions: checks: write')
  })

  it('retries 502s and a secondary rate limit, honouring Retry-After', async () => {
    repoFile('a.txt', 'BAD high\n')
    server.fail({method: 'GET', path: '/repos/acme/app/issues/5/comments', status: 502, times: 2})
    server.fail(secondaryRateLimit('/repos/acme/app/issues/5/comments', 1, 'POST'))
    const started = Date.now()
    const h = await run({'filter-mode': 'nofilter'}, 'pull_request', prEvent)
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000)
    expect(h.warnings()).toEqual([])
    expect(server.comments).toHaveLength(1)
    expect(
      server.requestsTo('GET', '/repos/acme/app/issues/5/comments').map(r => r.status)
    ).toEqual([502, 502, 200])
    expect(
      server.requestsTo('POST', '/repos/acme/app/issues/5/comments').map(r => r.status)
    ).toEqual([403, 201])
  })

  it('a scheduled run opens, closes and reopens one tracking issue with the label', async () => {
    repoFile('a.txt', 'BAD low\n')
    await run({}, 'schedule', {})
    expect(server.issues).toHaveLength(1)
    expect(server.issues[0]).toMatchObject({state: 'open', labels: [{name: 'pipeguard'}]})
    expect(server.labels.map(l => l.name)).toEqual(['pipeguard'])
    expect(server.requestsTo('POST', '/repos/acme/app/labels')).toHaveLength(1)

    repoFile('a.txt', 'fine\n')
    await run({}, 'schedule', {})
    expect(server.issues[0]).toMatchObject({state: 'closed'})
    expect(server.issues[0]!.body).toContain('found nothing')

    repoFile('a.txt', 'BAD low\n')
    await run({}, 'workflow_dispatch', {})
    expect(server.issues).toHaveLength(1)
    expect(server.issues[0]).toMatchObject({state: 'open'})
    expect(server.issues[0]!.body).toContain('bad low line')
  })

  it('a bad input fails the step with a clear message and makes no request', async () => {
    const h = await run({'fail-on': 'severe'}, 'push', {})
    expect(h.failed()).toBe(
      'pipeguard: input "fail-on": expected one of critical, high, medium, low, info, none, got "severe"'
    )
    expect(server.requests).toHaveLength(0)
  })
})
