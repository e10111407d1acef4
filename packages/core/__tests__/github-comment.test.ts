import {afterEach, beforeEach, describe, expect, it} from '@jest/globals'
import {ACTIONS_BOT, FakeGitHub} from '../../../test/helpers/fake-github'
import {hasMarker, marker, upsertStickyComment} from '../src/github/comment'
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
    server.addComment(9, `${marker('y')}\nother action`, ACTIONS_BOT)
    expect(await upsert('on-findings', true, `${marker('x')}\nmine`)).toBe('created')
    expect(server.comments.map(c => c.body)).toEqual([
      `${marker('y')}\nother action`,
      `${marker('x')}\nmine`
    ])
  })

  it('updates its own comment: by the token’s account, marker on the first line', async () => {
    const ours = server.addComment(9, `${marker('x')}\nold`, ACTIONS_BOT)
    expect(await upsert('on-findings', true, `${marker('x')}\nnew`)).toBe('updated')
    expect(server.requestsTo('PATCH', `/repos/o/r/issues/comments/${ours.id}`)).toHaveLength(1)
    expect(server.requestsTo('GET', '/user')).toHaveLength(1)
  })

  it('a comment by anyone else that carries the marker is never edited', async () => {
    const forged = server.addComment(9, `${marker('x')}\nplease click here`, 'mallory')
    expect(await upsert('on-findings', true, `${marker('x')}\nmine`)).toBe('created')
    expect(server.requestsTo('PATCH', /comments/)).toHaveLength(0)
    expect(server.comments.find(c => c.id === forged.id)!.body).toBe(
      `${marker('x')}\nplease click here`
    )
    expect(server.comments[1]!.user).toEqual(ACTIONS_BOT)
  })

  it('our own comment that only quotes the marker further down is not the sticky one', async () => {
    server.addComment(9, `${marker('y')}\nfound in \`${marker('x')}.env\``, ACTIONS_BOT)
    expect(await upsert('on-findings', true, `${marker('x')}\nmine`)).toBe('created')
    expect(server.requestsTo('PATCH', /comments/)).toHaveLength(0)
  })

  it('with a personal access token, ours are the token user’s comments, not the bot’s', async () => {
    server.tokenUser = {login: 'release-bot', id: 77, type: 'User'}
    server.addComment(9, `${marker('x')}\nby the actions bot`, ACTIONS_BOT)
    const ours = server.addComment(9, `${marker('x')}\nold`, server.tokenUser)
    expect(await upsert('on-findings', true, `${marker('x')}\nnew`)).toBe('updated')
    expect(server.requestsTo('PATCH', /comments/).map(r => r.path)).toEqual([
      `/repos/o/r/issues/comments/${ours.id}`
    ])
  })

  it('a user renamed to the token user’s old login is still someone else', async () => {
    server.tokenUser = {login: 'release-bot', id: 77, type: 'User'}
    server.addComment(9, `${marker('x')}\nforged`, {login: 'release-bot', id: 78, type: 'User'})
    expect(await upsert('on-findings', true, `${marker('x')}\nmine`)).toBe('created')
    expect(server.requestsTo('PATCH', /comments/)).toHaveLength(0)
  })

  it('when the account cannot be told (GET /user fails but not with 403), nothing is written', async () => {
    server.addComment(9, `${marker('x')}\nold`, ACTIONS_BOT)
    server.fail({method: 'GET', path: '/user', status: 401, times: 1})
    await expect(upsert('on-findings', true, `${marker('x')}\nnew`)).rejects.toMatchObject({
      status: 401
    })
    expect(server.requestsTo('PATCH', /comments/)).toHaveLength(0)
    expect(server.requestsTo('POST', /comments/)).toHaveLength(0)
  })
})

describe('marker', () => {
  it('is the first line only, with or without a CR', () => {
    expect(hasMarker(`${marker('x')}\nbody`, marker('x'))).toBe(true)
    expect(hasMarker(`${marker('x')}\r\nbody`, marker('x'))).toBe(true)
    expect(hasMarker(`${marker('x')}`, marker('x'))).toBe(true)
    expect(hasMarker(`hi ${marker('x')}\nbody`, marker('x'))).toBe(false)
    expect(hasMarker(`hi\n${marker('x')}`, marker('x'))).toBe(false)
    expect(hasMarker(null, marker('x'))).toBe(false)
  })

  it('cannot be ended early by its id', () => {
    expect(marker('tracking:repo:acme/app')).toBe('<!-- pipeguard:tracking:repo:acme/app -->')
    expect(marker('tracking:repo:a --> <b>x</b>')).toBe(
      '<!-- pipeguard:tracking:repo:a%20--%3E%20%3Cb%3Ex%3C/b%3E -->'
    )
  })
})
