import {readFileSync} from 'node:fs'
import {describe, expect, it} from '@jest/globals'
import {useActionHarness} from './helpers/action-harness'
import {commitAll, initRepo, pullRequestEvent, randomToken, writeFiles} from './helpers/workspace'

const LOCKFILE = JSON.stringify({
  name: 'app',
  lockfileVersion: 3,
  packages: {'': {name: 'app'}, 'node_modules/lodash': {version: '4.17.15'}}
})

interface Sarif {
  runs: Array<{
    tool: {driver: {name: string}}
    results: Array<{ruleId: string}>
    invocations: Array<{executionSuccessful: boolean}>
  }>
}

describe("one scanner failing keeps every other scanner's results (root action)", () => {
  const h = useActionHarness({'README.md': '# app\n'})

  it.each([
    ['refuses connections', () => 'http://127.0.0.1:9'],
    [
      'answers 503',
      () => {
        h.server.route('POST', '/v1/querybatch', () => ({
          status: 503,
          body: {message: 'unavailable'}
        }))
        return h.server.url
      }
    ]
  ])(
    'OSV %s: secrets and IaC findings are in the comment, summary, SARIF and annotations; deps shows failed',
    async (_, osvUrl) => {
      const baseSha = initRepo(h.workspace)
      const secret = randomToken('ghp_', 36)
      writeFiles(h.workspace, {
        '.pipeguard.yml': 'deps:\n  osvRetries: 1\n',
        'ci/deploy.env': `DEPLOY_TOKEN=${secret}\n`,
        Dockerfile: 'FROM ubuntu:latest\nRUN curl https://x.sh | sh\n',
        'package-lock.json': LOCKFILE
      })
      const headSha = commitAll(h.workspace, 'deploy')
      const result = await h.run({
        action: 'pipeguard',
        eventName: 'pull_request',
        event: pullRequestEvent(12, {baseSha, headSha}),
        inputs: {'osv-url': osvUrl()}
      })
      expect(result.exitCode).toBe(1)
      expect(result.outputs.incomplete).toBe('true')
      expect(result.stdout).toMatch(
        /::error::pipeguard: the scan is incomplete: Dependency audit did not run: .*no vulnerability scan was done/
      )
      // Annotations for the other scanners' findings.
      expect(result.stdout).toMatch(/^::error title=.*file=ci\/deploy\.env,line=1,/m)
      expect(result.stdout).toMatch(/^::error title=.*file=Dockerfile,line=2,/m)
      for (const text of [result.summary, h.server.comments[0]!.body]) {
        expect(text).toContain('github-pat')
        expect(text).toContain('PG-DOCKER-007')
        expect(text).toContain('Dependency audit')
        expect(text).toContain('The scan is incomplete')
        expect(text).not.toContain('No findings')
      }
      const sarif = JSON.parse(readFileSync(result.outputs['sarif-file']!, 'utf8')) as Sarif
      const rules = sarif.runs.flatMap(r => r.results.map(x => x.ruleId))
      expect(rules).toEqual(expect.arrayContaining(['github-pat', 'PG-DOCKER-007']))
      expect(sarif.runs.map(r => r.invocations[0]!.executionSuccessful)).toContain(false)
      const printed = result.stdout.replace(/^::add-mask::.*$/gm, '')
      expect(
        `${printed}${result.summary}${readFileSync(result.outputs['sarif-file']!, 'utf8')}`
      ).not.toContain(secret)
    }
  )

  it('a file the PR adds that fails to parse is an error annotation on it and a row in the comment', async () => {
    const baseSha = initRepo(h.workspace)
    writeFiles(h.workspace, {'infra/broken.tf': 'resource "aws_s3_bucket" "b" {\n  bucket = \n'})
    const headSha = commitAll(h.workspace, 'add a bucket')
    const result = await h.run({
      action: 'iac-lint',
      eventName: 'pull_request',
      event: pullRequestEvent(13, {baseSha, headSha})
    })
    expect(result.exitCode).toBe(1)
    expect(result.outputs).toMatchObject({incomplete: 'true', errors: '1', findings: '0'})
    expect(result.stdout).toMatch(
      /^::error title=[^\n]*,file=infra\/broken\.tf::infra\/broken\.tf:3: /m
    )
    const body = h.server.comments[0]!.body
    expect(body).toContain('infra/broken.tf')
    expect(body).not.toContain('No findings')
  })
})
