import {readFileSync} from 'node:fs'
import {describe, expect, it} from '@jest/globals'
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

describe('root action (dist/pipeguard/index.js): every scanner in one step', () => {
  const h = useActionHarness({'README.md': '# app\n'})
  const run = async (options: Partial<RunActionOptions>): Promise<ActionRun> => {
    return h.run({action: 'pipeguard', ...options})
  }

  it('writes one combined comment and summary, updated in place, next to the secret-scan comment', async () => {
    const baseSha = initRepo(h.workspace)
    writeFiles(h.workspace, {'ci/deploy.env': `DEPLOY_TOKEN=${randomToken('ghp_', 36)}\n`})
    const headSha = commitAll(h.workspace, 'deploy')
    const pr = {
      eventName: 'pull_request',
      event: pullRequestEvent(11, {baseSha, headSha}),
      sha: 'e'.repeat(40)
    }
    const inputs = {scanners: 'secrets,iac'}

    const first = await run({...pr, inputs})
    expect(first.exitCode).toBe(1)
    expect(h.server.comments).toHaveLength(1)
    expect(h.server.comments[0]!.body.startsWith('<!-- pipeguard:pipeguard -->')).toBe(true)
    expect(first.summary).toContain('| Secret scan | 0 | 1 | 0 | 0 | 0 | 1 |')
    expect(first.summary).toContain('### IaC lint')
    expect(first.outputs['report-file']).toMatch(/pipeguard-pipeguard\.json$/)

    // The sub-action keeps its own comment: markers are per action.
    await h.run({action: 'secret-scan', ...pr})
    expect(h.server.comments).toHaveLength(2)
    expect(h.server.comments[1]!.body.startsWith('<!-- pipeguard:secret-scan -->')).toBe(true)

    await run({...pr, inputs})
    expect(h.server.comments).toHaveLength(2)
    expect(h.server.requestsTo('POST', /\/comments$/)).toHaveLength(2)
    expect(h.server.requestsTo('PATCH', /\/issues\/comments\/\d+$/)).toHaveLength(0)
    expect(git(h.workspace, 'rev-parse', 'HEAD')).toBe(headSha)
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
      'sarif-file': `${h.workspace}/out/pipeguard.sarif`
    })
    expect(result.stdout).toContain('pipeguard: no findings')
    expect(h.server.requests).toHaveLength(0)
    const sarif = JSON.parse(readFileSync(result.outputs['sarif-file']!, 'utf8')) as {
      runs: Array<{automationDetails: {id: string}}>
    }
    expect(sarif.runs.map(r => r.automationDetails.id)).toEqual([
      'pipeguard/secrets/',
      'pipeguard/iac/'
    ])
  })
})
