import {afterEach, beforeEach, describe, expect, it} from '@jest/globals'
import {FakeGitHub, primaryRateLimit, secondaryRateLimit} from '../../../test/helpers/fake-github'
import {createOctokit, httpStatus, RATE_LIMIT_RETRIES} from '../src/github/octokit'

describe('createOctokit against the fake GitHub API', () => {
  let server: FakeGitHub
  const logs: string[] = []
  beforeEach(async () => {
    server = new FakeGitHub()
    await server.start()
    logs.length = 0
  })
  afterEach(() => server.close())
  const client = () =>
    createOctokit('ghs_test', {
      baseUrl: server.url,
      retryBaseMs: 5,
      writeIntervalMs: 0,
      log: m => logs.push(m)
    })

  it('sends the token, a pipeguard user agent and uses the base URL (GHES)', async () => {
    await client().rest.issues.listComments({owner: 'o', repo: 'r', issue_number: 1})
    const [request] = server.requests
    expect(request!.path).toBe('/repos/o/r/issues/1/comments')
    expect(request!.headers.authorization).toBe('token ghs_test')
    expect(request!.headers['user-agent']).toMatch(/^pipeguard\/\d+\.\d+\.\d+/)
  })

  it('retries 5xx answers and then succeeds', async () => {
    server.fail({path: '/repos/o/r/issues/1/comments', status: 503, times: 3})
    const {data} = await client().rest.issues.listComments({owner: 'o', repo: 'r', issue_number: 1})
    expect(data).toEqual([])
    expect(server.requests.map(r => r.status)).toEqual([503, 503, 503, 200])
  })

  it('waits for Retry-After on a 429 secondary rate limit', async () => {
    server.fail(secondaryRateLimit('/repos/o/r/issues/1/comments', 1, 'POST', 429))
    const started = Date.now()
    await client().rest.issues.createComment({owner: 'o', repo: 'r', issue_number: 1, body: 'hi'})
    expect(Date.now() - started).toBeGreaterThanOrEqual(950)
    expect(server.comments).toHaveLength(1)
    expect(server.requests.map(r => r.status)).toEqual([429, 201])
    expect(logs.some(l => l.startsWith('secondary rate limit on POST'))).toBe(true)
  })

  it('waits for the reset of a primary rate limit', async () => {
    server.fail(primaryRateLimit('/repos/o/r/issues', 0, 'GET'))
    const {data} = await client().rest.issues.listForRepo({owner: 'o', repo: 'r'})
    expect(data).toEqual([])
    expect(logs.some(l => l.startsWith('primary rate limit'))).toBe(true)
  })

  it('gives up after a bounded number of rate-limit retries with the RequestError status', async () => {
    server.fail({...secondaryRateLimit('/repos/o/r/issues/1/comments', 1, 'POST'), times: 10})
    const error = await client()
      .rest.issues.createComment({owner: 'o', repo: 'r', issue_number: 1, body: 'hi'})
      .catch((e: unknown) => e)
    expect(httpStatus(error)).toBe(403)
    expect(server.requestsTo('POST', '/repos/o/r/issues/1/comments')).toHaveLength(
      RATE_LIMIT_RETRIES + 1
    )
  })

  it('does not retry a plain 403 or 404', async () => {
    server.fail({
      path: '/repos/o/r/check-runs',
      status: 403,
      times: 5,
      body: {message: 'Resource not accessible by integration'}
    })
    const error = await client()
      .rest.checks.create({owner: 'o', repo: 'r', name: 'x', head_sha: 'a'.repeat(40)})
      .catch((e: unknown) => e)
    expect(httpStatus(error)).toBe(403)
    expect(server.requests).toHaveLength(1)
    expect(httpStatus(new Error('403 in the message only'))).toBeUndefined()
  })
})

describe('the fake server pages with Link headers', () => {
  let server: FakeGitHub
  beforeEach(async () => {
    server = new FakeGitHub()
    await server.start()
  })
  afterEach(() => server.close())

  it('honours per_page, defaults to 30 and links next and last', async () => {
    for (let i = 0; i < 65; i++) server.addComment(2, `c${i}`)
    const first = await fetch(`${server.url}/repos/o/r/issues/2/comments`)
    expect(((await first.json()) as unknown[]).length).toBe(30)
    expect(first.headers.get('link')).toBe(
      `<${server.url}/repos/o/r/issues/2/comments?page=2&per_page=30>; rel="next", <${server.url}/repos/o/r/issues/2/comments?page=3&per_page=30>; rel="last"`
    )
    const all = await createOctokit('t', {baseUrl: server.url}).paginate(
      'GET /repos/{owner}/{repo}/issues/{issue_number}/comments',
      {owner: 'o', repo: 'r', issue_number: 2, per_page: 100}
    )
    expect(all).toHaveLength(65)
  })
})
