import {afterEach, beforeEach, describe, expect, it} from '@jest/globals'
import {ACTIONS_BOT, FakeGitHub} from '../../../test/helpers/fake-github'
import {createOctokit} from '../src/github/octokit'
import {syncTrackingIssue, trackingMarker} from '../src/github/tracking-issue'

describe('syncTrackingIssue', () => {
  let server: FakeGitHub
  beforeEach(async () => {
    server = new FakeGitHub()
    await server.start()
  })
  afterEach(() => server.close())
  const sync = (findings: number) =>
    syncTrackingIssue(createOctokit('t', {baseUrl: server.url, writeIntervalMs: 0}), {
      owner: 'acme',
      repo: 'app',
      scanner: 'secrets',
      title: `pipeguard: ${findings} finding(s)`,
      body: `${trackingMarker('secrets')}\n${findings} finding(s)`,
      resolvedBody: `${trackingMarker('secrets')}\nclean`,
      resolvedTitle: 'pipeguard: secrets resolved, no open findings',
      findings
    })
  const issue = (body: string, author: Parameters<FakeGitHub['addIssue']>[1]) =>
    server.addIssue({title: 'x', body, labels: ['pipeguard']}, author)

  it('updates the issue its own account opened', async () => {
    const ours = issue(`${trackingMarker('secrets')}\nold`, ACTIONS_BOT)
    expect(await sync(2)).toBe('updated')
    expect(server.requestsTo('PATCH', `/repos/acme/app/issues/${ours.number}`)).toHaveLength(1)
  })

  it('closes its issue with a title that says it is resolved, not the last count', async () => {
    const ours = issue(`${trackingMarker('secrets')}\nold`, ACTIONS_BOT)
    expect(await sync(2)).toBe('updated')
    expect(server.issues.find(i => i.number === ours.number)!.title).toBe('pipeguard: 2 finding(s)')
    expect(await sync(0)).toBe('closed')
    const closed = server.issues.find(i => i.number === ours.number)!
    expect(closed.state).toBe('closed')
    expect(closed.title).toBe('pipeguard: secrets resolved, no open findings')
  })

  it('never edits or closes an issue someone else opened with the marker', async () => {
    const forged = issue(`${trackingMarker('secrets')}\nnothing to see`, 'mallory')
    expect(await sync(0)).toBe('unchanged')
    expect(await sync(2)).toBe('created')
    expect(server.requestsTo('PATCH', /issues\/\d+$/)).toHaveLength(0)
    expect(server.issues.find(i => i.number === forged.number)!.state).toBe('open')
    expect(server.issues.map(i => i.user.login)).toEqual(['mallory', 'github-actions[bot]'])
  })

  it('an issue of ours that quotes the marker below its first line is not the tracking issue', async () => {
    issue(`${trackingMarker('iac')}\nsee <code>${trackingMarker('secrets')}</code>`, ACTIONS_BOT)
    expect(await sync(2)).toBe('created')
    expect(server.requestsTo('PATCH', /issues\/\d+$/)).toHaveLength(0)
  })
})
