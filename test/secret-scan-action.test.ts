import {readFileSync} from 'node:fs'
import {describe, expect, it} from '@jest/globals'
import {readOnlyToken, secondaryRateLimit} from './helpers/fake-github'
import type {ActionRun, RunActionOptions} from './helpers/run-action'
import {
  commitAll,
  git,
  initRepo,
  pullRequestEvent,
  randomToken,
  writeFiles
} from './helpers/workspace'
import {useActionHarness} from './helpers/action-harness'

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'

/** `count` distinct GitHub tokens, one per line of config/tokens.env. */
function tokensFile(count: number): string {
  return (
    Array.from({length: count}, (_, i) => `TOKEN_${i}=${randomToken('ghp_', 36)}`).join('\n') + '\n'
  )
}

describe('secret-scan action (dist/secret-scan/index.js) against a fake GitHub API', () => {
  const h = useActionHarness({'README.md': '# app\n'})
  const run = async (options: Partial<RunActionOptions>): Promise<ActionRun> => {
    return h.run({
      action: 'secret-scan',
      ...options
    })
  }
  /** A pull request whose head commit adds `files` on top of the base commit (the secret scan reads base..head). */
  const pullRequest = (
    files: Record<string, string>,
    options: {fork?: boolean; number?: number} = {}
  ) => {
    const baseSha = git(h.workspace, 'rev-parse', 'HEAD')
    writeFiles(h.workspace, files)
    const headSha = commitAll(h.workspace, 'change')
    return {
      headSha,
      event: pullRequestEvent(options.number ?? 7, {baseSha, headSha, fork: options.fork})
    }
  }
  const prRun = (event: unknown, extra: Partial<RunActionOptions> = {}): Promise<ActionRun> =>
    run({eventName: 'pull_request', event, sha: 'e'.repeat(40), ...extra})

  it('first run creates one comment, the second run on the same PR updates it', async () => {
    const baseSha = initRepo(h.workspace)
    const pr = pullRequest({'src/config.env': `GITHUB_TOKEN=${randomToken('ghp_', 36)}\n`})
    const first = await prRun(pr.event)
    expect(first.exitCode).toBe(1)
    expect(first.outputs).toMatchObject({findings: '1', blocking: '1'})
    expect(h.server.requestsTo('POST', '/repos/acme/app/issues/7/comments')).toHaveLength(1)
    const [comment] = h.server.comments
    expect(comment!.body).toContain('<!-- pipeguard:secret-scan -->')
    expect(comment!.body).toContain(
      `https://github.com/acme/app/blob/${pr.headSha}/src/config.env#L1`
    )
    expect(first.stdout).toMatch(/^::error title=.*file=src\/config\.env,line=1,endLine=1/m)
    expect(first.summary).toContain('## 🛡️ pipeguard · Secret scan')

    // The branch is rewritten without the secret (force push): same PR, same comment, now saying it is fixed.
    git(h.workspace, 'reset', '-q', '--hard', baseSha)
    const fixed = pullRequest({'src/config.env': 'GITHUB_TOKEN=${{ secrets.GITHUB_TOKEN }}\n'})
    h.server.clearRequests()
    const second = await prRun(fixed.event)
    expect(second.exitCode).toBe(0)
    expect(h.server.requestsTo('POST', /\/comments$/)).toHaveLength(0)
    expect(
      h.server.requestsTo('PATCH', `/repos/acme/app/issues/comments/${comment!.id}`)
    ).toHaveLength(1)
    expect(h.server.comments).toHaveLength(1)
    expect(h.server.comments[0]!.body).toContain('No findings in the changes of this pull request')
  })

  it('more than 50 findings go to a check run with annotations in batches of at most 50', async () => {
    const text = tokensFile(130)
    writeFiles(h.workspace, {'config/tokens.env': text})
    const result = await run({eventName: 'push', inputs: {comment: 'never'}})
    expect(result.exitCode).toBe(1)
    expect(result.stdout.match(/^::error /gm)).toHaveLength(10)
    const create = h.server.requestsTo('POST', '/repos/acme/app/check-runs')
    expect(create).toHaveLength(1)
    expect(create[0]!.body).toMatchObject({
      name: 'pipeguard / secret-scan',
      head_sha: 'a'.repeat(40)
    })
    const sizes = h.server
      .requestsTo('PATCH', /^\/repos\/acme\/app\/check-runs\/\d+$/)
      .map(r => (r.body as {output: {annotations: unknown[]}}).output.annotations.length)
    expect(sizes).toEqual([50, 50, 20])
    expect(h.server.checkRuns[0]).toMatchObject({status: 'completed', conclusion: 'failure'})
    expect(result.summary).toContain(
      '120 more are on the [check run](https://github.com/acme/app/runs/'
    )
  })

  it('a fork run (403 on every write) exits by the gate, not by the 403', async () => {
    initRepo(h.workspace)
    const {event} = pullRequest({'config/tokens.env': tokensFile(12)}, {fork: true, number: 8})
    h.server.fail(readOnlyToken())
    const blocking = await run({
      eventName: 'pull_request',
      event,
      inputs: {'filter-mode': 'nofilter'}
    })
    expect(blocking.exitCode).toBe(1)
    expect(blocking.stdout).toContain(
      '::warning::pipeguard: could not update the pull request comment: the token lacks `pull-requests: write`'
    )
    expect(blocking.stdout).toContain(
      'the token lacks `checks: write` (HTTP 403; this pull request comes from a fork, whose token is always read-only)'
    )
    expect(blocking.outputs.blocking).toBe('12')

    h.server.fail(readOnlyToken())
    const audit = await run({
      eventName: 'pull_request',
      event,
      inputs: {'filter-mode': 'nofilter', mode: 'audit'}
    })
    expect(audit.exitCode).toBe(0)
    expect(audit.stdout).toContain('`pull-requests: write`')
    expect(audit.outputs).toMatchObject({findings: '12', blocking: '0'})
    expect(readFileSync(audit.outputs['sarif-file']!, 'utf8')).toContain('github-pat')
    expect(audit.summary).toContain('permissions: pull-requests: write')
    expect(h.server.comments).toHaveLength(0)
  })

  it('injected 502s and a secondary rate limit with Retry-After are retried and succeed', async () => {
    initRepo(h.workspace)
    const {event} = pullRequest({'a.env': `KEY=${randomToken('ghp_', 36)}\n`})
    h.server.fail({method: 'GET', path: '/repos/acme/app/issues/7/comments', status: 502, times: 2})
    h.server.fail(secondaryRateLimit('/repos/acme/app/issues/7/comments', 1, 'POST'))
    const result = await prRun(event)
    expect(result.exitCode).toBe(1)
    expect(result.stdout).not.toContain('::warning::')
    expect(
      h.server.requestsTo('GET', '/repos/acme/app/issues/7/comments').map(r => r.status)
    ).toEqual([502, 502, 200])
    expect(
      h.server.requestsTo('POST', '/repos/acme/app/issues/7/comments').map(r => r.status)
    ).toEqual([403, 201])
    expect(result.stdout).toContain('secondary rate limit on POST')
    expect(result.durationMs).toBeGreaterThanOrEqual(1000)
    expect(h.server.comments).toHaveLength(1)
  })

  it('a scheduled run opens, then closes, then reopens the tracking issue', async () => {
    writeFiles(h.workspace, {'a.env': `KEY=${randomToken('ghp_', 36)}\n`})
    const opened = await run({eventName: 'schedule'})
    expect(opened.exitCode).toBe(1)
    expect(h.server.issues).toHaveLength(1)
    expect(h.server.issues[0]).toMatchObject({state: 'open', labels: [{name: 'pipeguard'}]})
    expect(h.server.issues[0]!.body).toContain('<!-- pipeguard:tracking:secrets -->')
    expect(h.server.labels.map(l => l.name)).toEqual(['pipeguard'])

    writeFiles(h.workspace, {'a.env': 'KEY=${KEY}\n'})
    const closed = await run({eventName: 'schedule'})
    expect(closed.exitCode).toBe(0)
    expect(h.server.issues[0]).toMatchObject({state: 'closed', state_reason: 'completed'})

    writeFiles(h.workspace, {'a.env': `KEY=${randomToken('ghp_', 36)}\n`})
    await run({eventName: 'workflow_dispatch'})
    expect(h.server.issues).toHaveLength(1)
    expect(h.server.issues[0]).toMatchObject({state: 'open', state_reason: 'reopened'})
    expect(h.server.requestsTo('POST', '/repos/acme/app/issues')).toHaveLength(1)
    expect(h.server.requestsTo('POST', '/repos/acme/app/labels')).toHaveLength(1)
  })

  it('a file name with , : % and a newline neither breaks nor forges a workflow command', async () => {
    const name = 'we,ird:na%25me\n::error file=forged.txt::forged.env'
    writeFiles(h.workspace, {[name]: `KEY=${randomToken('ghp_', 36)}\n`})
    const result = await run({eventName: 'push', inputs: {'check-run': 'false'}})
    const commands = result.stdout.split('\n').filter(line => line.startsWith('::'))
    expect(commands.filter(line => line.startsWith('::error title='))).toEqual([
      expect.stringContaining(
        'file=we%2Cird%3Ana%2525me%0A%3A%3Aerror file=forged.txt%3A%3Aforged.env,line=1,endLine=1,col=5::'
      )
    ])
    expect(commands.filter(line => line.startsWith('::error::'))).toEqual([
      '::error::pipeguard: 1 blocking finding(s) at or above high'
    ])
    expect(result.stdout).not.toMatch(/^::error file=forged/m)
  })

  it('masks every found secret before any other output: each key line and the encoded form too', async () => {
    const pat = randomToken('ghp_', 36)
    const npm = randomToken('npm_', 36)
    const encoded = Buffer.from(`NPM_TOKEN=${npm}`).toString('base64')
    const keyBody = Array.from({length: 6}, () => randomToken('', 64, BASE64))
    const key = ['-----BEGIN RSA PRIVATE KEY-----', ...keyBody, '-----END RSA PRIVATE KEY-----']
    writeFiles(h.workspace, {
      'a.env': `KEY=${pat}\n`,
      'deploy/key.pem': `${key.join('\n')}\n`,
      'config/blob.txt': `data: ${encoded}\n`
    })
    const result = await run({eventName: 'push', inputs: {'check-run': 'false'}})
    expect(result.exitCode).toBe(1)
    const lines = result.stdout.split('\n').filter(Boolean)
    const isMask = (line: string) => line.startsWith('::add-mask::')
    const masked = lines.filter(isMask).map(line => line.slice('::add-mask::'.length))
    for (const value of [pat, npm, encoded, ...keyBody]) expect(masked).toContain(value)
    const firstOther = lines.findIndex(line => !isMask(line))
    expect(firstOther).toBeGreaterThan(0)
    expect(lines.slice(firstOther).filter(isMask)).toEqual([])
  })

  it('an invalid input fails the step with a clear message', async () => {
    const result = await run({eventName: 'push', inputs: {'filter-mode': 'lines'}})
    expect(result.exitCode).toBe(1)
    expect(result.stdout).toContain(
      '::error::pipeguard: input "filter-mode": expected one of added, diff_context, file, nofilter, got "lines"'
    )
    expect(h.server.requests).toHaveLength(0)
  })
})
