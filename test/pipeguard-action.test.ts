import {readFileSync} from 'node:fs'
import {afterEach, beforeEach, describe, expect, it} from '@jest/globals'
import {FakeGitHub} from './helpers/fake-github'
import {removeRun, runAction, type ActionRun, type RunActionOptions} from './helpers/run-action'
import {
  commitAll,
  git,
  initRepo,
  makeWorkspace,
  pullRequestEvent,
  randomToken,
  removeWorkspace,
  writeFiles
} from './helpers/workspace'

describe('root action (dist/pipeguard/index.js): every scanner in one step', () => {
  let server: FakeGitHub
  let workspace: string
  const runs: ActionRun[] = []
  beforeEach(async () => {
    server = new FakeGitHub()
    await server.start()
    workspace = makeWorkspace({'README.md': '# app\n'})
  })
  afterEach(async () => {
    await server.close()
    removeWorkspace(workspace)
    runs.splice(0).forEach(removeRun)
  })
  const run = async (options: Partial<RunActionOptions>): Promise<ActionRun> => {
    const result = await runAction({action: 'pipeguard', workspace, apiUrl: server.url, ...options})
    runs.push(result)
    return result
  }

  it('writes one combined comment and summary, updated in place, next to the secret-scan comment', async () => {
    const baseSha = initRepo(workspace)
    writeFiles(workspace, {'ci/deploy.env': `DEPLOY_TOKEN=${randomToken('ghp_', 36)}\n`})
    const headSha = commitAll(workspace, 'deploy')
    const pr = {
      eventName: 'pull_request',
      event: pullRequestEvent(11, {baseSha, headSha}),
      sha: 'e'.repeat(40)
    }
    const inputs = {scanners: 'secrets,iac'}

    const first = await run({...pr, inputs})
    expect(first.exitCode).toBe(1)
    expect(server.comments).toHaveLength(1)
    expect(server.comments[0]!.body.startsWith('<!-- pipeguard:pipeguard -->')).toBe(true)
    expect(first.summary).toContain('| Secret scan | 0 | 1 | 0 | 0 | 0 | 1 |')
    expect(first.summary).toContain('### IaC lint')
    expect(first.outputs['report-file']).toMatch(/pipeguard-pipeguard\.json$/)

    // The sub-action keeps its own comment: markers are per action.
    runs.push(await runAction({action: 'secret-scan', workspace, apiUrl: server.url, ...pr}))
    expect(server.comments).toHaveLength(2)
    expect(server.comments[1]!.body.startsWith('<!-- pipeguard:secret-scan -->')).toBe(true)

    await run({...pr, inputs})
    expect(server.comments).toHaveLength(2)
    expect(server.requestsTo('POST', /\/comments$/)).toHaveLength(2)
    expect(server.requestsTo('PATCH', /\/issues\/comments\/\d+$/)).toHaveLength(0)
    expect(git(workspace, 'rev-parse', 'HEAD')).toBe(headSha)
  })

  it('an unknown scanner name fails with a suggestion', async () => {
    const result = await run({eventName: 'push', inputs: {scanners: 'secret,iac'}})
    expect(result.exitCode).toBe(1)
    expect(result.stdout).toContain(
      '::error::pipeguard: input "scanners": unknown scanner "secret" (did you mean "secrets"?)'
    )
  })

  it('a clean push reports no findings and writes SARIF with one run per scanner', async () => {
    const result = await run({
      eventName: 'push',
      inputs: {scanners: 'secrets,iac', 'sarif-file': 'out/pipeguard.sarif'}
    })
    expect(result.exitCode).toBe(0)
    expect(result.outputs).toMatchObject({
      findings: '0',
      blocking: '0',
      'sarif-file': `${workspace}/out/pipeguard.sarif`
    })
    expect(result.stdout).toContain('pipeguard: no findings')
    expect(server.requests).toHaveLength(0)
    const sarif = JSON.parse(readFileSync(result.outputs['sarif-file']!, 'utf8')) as {
      runs: Array<{automationDetails: {id: string}}>
    }
    expect(sarif.runs.map(r => r.automationDetails.id)).toEqual([
      'pipeguard/secrets/',
      'pipeguard/iac/'
    ])
  })
})
