import {afterEach, beforeEach, describe, expect, it} from '@jest/globals'
import {FakeGitHub} from '../../../test/helpers/fake-github'
import {marker, upsertStickyComment} from '../src/github/comment'
import {createOctokit} from '../src/github/octokit'

describe('upsertStickyComment', () => {
  let server: FakeGitHub
  beforeEach(async () => {
    server = new FakeGitHub()
    await server.start()
  })
  afterEach(() => server.close())
  const target = {owner: 'o', repo: 'r', issueNumber: 9}
  const upsert = (mode: 'on-findings' | 'always' | 'never', hasFindings: boolean, body: string) =>
    upsertStickyComment(createOctokit('t', {baseUrl: server.url, writeIntervalMs: 0}), target, {
      mode,
      markerText: marker('x'),
      hasFindings,
      body
    })

  it('never: no request at all', async () => {
    expect(await upsert('never', true, `${marker('x')}\nbody`)).toBe('skipped')
    expect(server.requests).toHaveLength(0)
  })

  it('on-findings: a clean first run posts nothing', async () => {
    expect(await upsert('on-findings', false, `${marker('x')}\nclean`)).toBe('skipped')
    expect(server.requestsTo('POST', /comments$/)).toHaveLength(0)
  })

  it('always: a clean run still posts, then an identical body is left alone', async () => {
    expect(await upsert('always', false, `${marker('x')}\nclean`)).toBe('created')
    expect(await upsert('always', false, `${marker('x')}\nclean`)).toBe('unchanged')
    expect(server.requestsTo('PATCH', /comments/)).toHaveLength(0)
    expect(server.comments).toHaveLength(1)
  })

  it('another action’s comment (different marker) is never edited', async () => {
    server.addComment(9, `${marker('y')}\nother action`)
    expect(await upsert('on-findings', true, `${marker('x')}\nmine`)).toBe('created')
    expect(server.comments.map(c => c.body)).toEqual([
      `${marker('y')}\nother action`,
      `${marker('x')}\nmine`
    ])
  })
})
