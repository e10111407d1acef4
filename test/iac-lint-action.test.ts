import {readFileSync} from 'node:fs'
import {describe, expect, it} from '@jest/globals'
import type {ActionRun, RunActionOptions} from './helpers/run-action'
import {pullRequestEvent} from './helpers/workspace'
import {useActionHarness} from './helpers/action-harness'

// Line 3 (pipe to shell, high) is what the PR adds; the rest of the Dockerfile and main.tf were there before.
const DOCKERFILE = 'FROM ubuntu:latest\nRUN apt-get update\nRUN curl https://x.sh | sh\n'
const MAIN_TF = 'resource "aws_s3_bucket" "b" {\n  bucket = "x"\n  acl    = "public-read"\n}\n'
const DOCKERFILE_PATCH =
  '@@ -1,2 +1,3 @@\n FROM ubuntu:latest\n RUN apt-get update\n+RUN curl https://x.sh | sh'

describe('iac-lint action (dist/iac-lint/index.js): diff awareness from the PR files API', () => {
  // Not a git repository: like a default shallow checkout, the PR's commits are unknown locally.
  const h = useActionHarness({'app/Dockerfile': DOCKERFILE, 'infra/main.tf': MAIN_TF}, server => {
    server.pullFiles.set(4, [
      ...Array.from({length: 149}, (_, i) => ({
        filename: `docs/page-${i}.md`,
        status: 'modified' as const,
        patch: '@@ -1 +1 @@\n-a\n+b'
      })),
      {filename: 'app/Dockerfile', status: 'modified', patch: DOCKERFILE_PATCH}
    ])
  })
  const run = async (
    inputs: Record<string, string>,
    extra: Partial<RunActionOptions> = {}
  ): Promise<ActionRun> => {
    return h.run({
      action: 'iac-lint',
      eventName: 'pull_request',
      event: pullRequestEvent(4),
      inputs,
      ...extra
    })
  }

  it('added: only the added line blocks; the rest is reported as outside the diff and kept in SARIF', async () => {
    h.server.fail({method: 'GET', path: '/repos/acme/app/pulls/4/files', status: 502, times: 1})
    const result = await run({})
    expect(result.exitCode).toBe(1)
    expect(result.outputs.blocking).toBe('1')
    const pages = h.server.requestsTo('GET', '/repos/acme/app/pulls/4/files')
    expect(pages.map(r => [r.status, r.query.page ?? '1', r.query.per_page])).toEqual([
      [502, '1', '100'],
      [200, '1', '100'],
      [200, '2', '100']
    ])
    // Annotations and the comment carry only the finding on the added line.
    expect(result.stdout.match(/^::(error|warning|notice) title=/gm)).toEqual(['::error title='])
    expect(result.stdout).toMatch(/^::error title=.*file=app\/Dockerfile,line=3,endLine=3/m)
    const body = h.server.comments[0]!.body
    expect(body).toContain('PG-DOCKER-007')
    expect(body).not.toContain('PG-TF-001')
    expect(body).toMatch(/\d+ finding\(s\) outside the changed lines do not block/)
    expect(result.summary).toContain('| outside the diff |')
    expect(result.summary).toContain(
      'Diff filter `added` (changed lines from the pull request files API).'
    )
    const sarif = JSON.parse(readFileSync(result.outputs['sarif-file']!, 'utf8')) as {
      runs: Array<{results: Array<{ruleId: string}>}>
    }
    expect(sarif.runs[0]!.results.map(r => r.ruleId)).toContain('PG-TF-001')
  })

  it('file and nofilter widen what can block', async () => {
    const file = await run({'filter-mode': 'file', 'fail-on': 'medium', comment: 'never'})
    const everything = await run({'filter-mode': 'nofilter', 'fail-on': 'medium', comment: 'never'})
    expect(Number(file.outputs.blocking)).toBeGreaterThanOrEqual(3)
    expect(Number(everything.outputs.blocking)).toBeGreaterThan(Number(file.outputs.blocking))
    expect(file.outputs.findings).toBe(everything.outputs.findings)
    expect(h.server.requestsTo('POST', /comments$/)).toHaveLength(0)
  })

  it('when the changed lines cannot be read, nothing is hidden: every finding may block', async () => {
    h.server.fail({
      method: 'GET',
      path: '/repos/acme/app/pulls/4/files',
      status: 403,
      times: 1,
      body: {message: 'Resource not accessible by integration'}
    })
    const result = await run({'fail-on': 'medium', comment: 'never'})
    expect(result.stdout).toContain("::warning::pipeguard: could not list the pull request's files")
    const widest = await run({'filter-mode': 'nofilter', 'fail-on': 'medium', comment: 'never'})
    expect(result.outputs.blocking).toBe(widest.outputs.blocking)
    expect(result.exitCode).toBe(1)
  })
})
