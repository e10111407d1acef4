import {readFileSync} from 'node:fs'
import {describe, expect, it} from '@jest/globals'
import {useActionHarness} from './helpers/action-harness'
import type {PullFile} from './helpers/fake-github'
import {commitAll, initRepo, pullRequestEvent, writeFiles} from './helpers/workspace'

const MAIN_TF = 'resource "aws_s3_bucket" "b" {\n  bucket = "x"\n  acl    = "public-read"\n}\n'

/** `count` changed documentation files, then infra/main.tf: the last one GitHub's list reaches. */
function docsThenTerraform(count: number): PullFile[] {
  return [
    ...Array.from({length: count}, (_, i) => ({
      filename: `docs/page-${i}.md`,
      status: 'modified' as const,
      patch: '@@ -1 +1 @@\n-a\n+b'
    })),
    {filename: 'infra/main.tf', status: 'added', patch: '@@ -0,0 +1,4 @@\n+x\n+x\n+x\n+x'}
  ]
}

describe('diff scope when the PR files API cannot list the whole pull request', () => {
  // Not a git repository: the diff can only come from the API.
  const h = useActionHarness({'infra/main.tf': MAIN_TF})
  const run = (changedFiles: number) =>
    h.run({
      action: 'iac-lint',
      eventName: 'pull_request',
      event: pullRequestEvent(9, {changedFiles}),
      inputs: {'fail-on': 'medium'}
    })

  it('a 3,001-file PR: the list stops at 3,000, so every finding stays in scope, with a warning everywhere', async () => {
    h.server.pullFiles.set(9, docsThenTerraform(3000))
    const result = await run(3001)
    expect(h.server.requestsTo('GET', '/repos/acme/app/pulls/9/files')).toHaveLength(30)
    expect(result.exitCode).toBe(1)
    expect(Number(result.outputs.blocking)).toBeGreaterThan(0)
    const why =
      'the diff is incomplete (the pull request files API listed 3000 of the 3001 changed files): every finding is treated as changed.'
    expect(result.stdout).toContain(`::warning::pipeguard: ${why}`)
    const note = 'Diff filter `added` not applied: the diff is incomplete'
    expect(result.summary).toContain(note)
    expect(h.server.comments[0]!.body).toContain(note)
    expect(result.summary).not.toContain('outside the diff')
    expect(result.stdout).toMatch(/^::error title=.*file=infra\/main\.tf/m)
  })

  it('a whole list (3,000 files, changed_files 3,000) still filters: an unlisted file is outside the diff', async () => {
    h.server.pullFiles.set(9, docsThenTerraform(3000).slice(0, 3000))
    const result = await run(3000)
    expect(result.exitCode).toBe(0)
    expect(result.outputs.blocking).toBe('0')
    expect(result.stdout).not.toContain('the diff is incomplete')
    expect(result.summary).toContain(
      'Diff filter `added` (changed lines from the pull request files API).'
    )
    expect(result.summary).toContain('outside the diff')
  })
})

const deployment = (name: string, extra: string): string => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
spec:
  template:
    spec:
      containers:
        - name: app
          image: nginx:1.27
${extra}`

/** Settings the checks want on a container; the PR deletes them from `web`. */
const HARDENED = `          securityContext:
            runAsNonRoot: true
            allowPrivilegeEscalation: false
            readOnlyRootFilesystem: true
          resources:
            limits:
              cpu: 500m
              memory: 256Mi
`

describe('deletion regressions: a PR that removes settings from a resource', () => {
  // A git checkout with the base commit: the diff comes from git, deletions included.
  const h = useActionHarness({})
  const run = (event: unknown) =>
    h.run({
      action: 'iac-lint',
      eventName: 'pull_request',
      event,
      inputs: {'fail-on': 'medium'}
    })

  it('findings on the resource that lost its settings are in scope; an untouched one stays outside the diff', async () => {
    // `legacy` has lacked the settings all along: its findings pre-date the PR.
    writeFiles(h.workspace, {
      'k8s/web.yaml': `${deployment('web', HARDENED)}---\n${deployment('legacy', '')}`
    })
    const baseSha = initRepo(h.workspace)
    writeFiles(h.workspace, {
      'k8s/web.yaml': `${deployment('web', '')}---\n${deployment('legacy', '')}`
    })
    const headSha = commitAll(h.workspace, 'drop the container settings')
    const result = await run(pullRequestEvent(5, {baseSha, headSha}))
    expect(result.exitCode).toBe(1)
    expect(result.summary).toContain('Diff filter `added` (changed lines from git).')
    const report = JSON.parse(readFileSync(result.outputs['report-file']!, 'utf8')) as {
      findings: Array<{ruleId: string; location: {startLine: number}; status: string}>
    }
    // web's container is at line 9, legacy's at line 20: no line of either was added.
    const status = (line: number): string[] => [
      ...new Set(report.findings.filter(f => f.location.startLine === line).map(f => f.status))
    ]
    expect(status(9)).toEqual(['new'])
    expect(status(20)).toEqual(['filtered'])
    const body = h.server.comments[0]!.body
    expect(body).toContain('Deployment/web')
    expect(body).not.toContain('Deployment/legacy')
    expect(result.stdout).toMatch(/^::(error|warning) title=.*file=k8s\/web\.yaml,line=9,/m)
    expect(result.stdout).not.toMatch(/file=k8s\/web\.yaml,line=20,/)
  })

  it('a PR that only changes a tfvars value has the findings that value creates in scope, and no others', async () => {
    const sg = (name: string, cidrs: string): string => `resource "aws_security_group" "${name}" {
  name = "${name}"
  ingress {
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = ${cidrs}
  }
}
`
    writeFiles(h.workspace, {
      'infra/main.tf': sg('web', '[var.admin_cidr]') + sg('db', '["0.0.0.0/0"]'),
      'infra/variables.tf': 'variable "admin_cidr" {\n  default = "10.0.0.0/8"\n}\n',
      'infra/terraform.tfvars': 'admin_cidr = "10.1.0.0/16"\n'
    })
    const baseSha = initRepo(h.workspace)
    writeFiles(h.workspace, {'infra/terraform.tfvars': 'admin_cidr = "0.0.0.0/0"\n'})
    const headSha = commitAll(h.workspace, 'open ssh to everyone')
    const result = await run(pullRequestEvent(6, {baseSha, headSha}))
    const report = JSON.parse(readFileSync(result.outputs['report-file']!, 'utf8')) as {
      findings: Array<{ruleId: string; location: {path: string; startLine: number}; status: string}>
    }
    const open = (line: number) =>
      report.findings.filter(f => f.ruleId === 'PG-TF-007' && f.location.startLine === line)
    // web's cidr_blocks (line 7) is unchanged but now evaluates to the world; db's was open before.
    expect(open(7).map(f => f.status)).toEqual(['new'])
    expect(open(16).map(f => f.status)).toEqual(['filtered'])
    expect(result.exitCode).toBe(1)
    expect(result.stdout).toMatch(/^::error title=.*file=infra\/main\.tf,line=7,/m)
    expect(result.stdout).not.toMatch(/file=infra\/main\.tf,line=16,/)
  })
})
