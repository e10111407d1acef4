import {spawnSync} from 'node:child_process'
import {join} from 'node:path'
import {describe, expect, it} from '@jest/globals'

const repo = join(import.meta.dirname, '..')
const cli = join(repo, 'dist', 'cli.js')
const examples = join(repo, 'test', 'fixtures', 'iac', 'terraform-aws-modules-examples')

interface Report {
  findings: Array<{ruleId: string; message: string; location: {path: string; startLine: number}}>
  errors: unknown[]
}

function iac(dir: string): {code: number | null; report: Report} {
  const result = spawnSync(process.execPath, [cli, 'iac', dir, '--format', 'json'], {
    encoding: 'utf8',
    env: {...process.env, NO_COLOR: '1'},
    timeout: 120_000
  })
  return {code: result.status, report: JSON.parse(result.stdout) as Report}
}

describe('terraform-aws-modules examples as real callers (dist/cli.js)', () => {
  it('reports the inputs that fail a check at the caller, and nothing else from the modules', () => {
    const {code, report} = iac(examples)
    expect(report.errors).toEqual([])
    expect(code).toBe(1)
    const found = report.findings
      .map(
        f => `${f.location.path.split('/').slice(-2).join('/')}:${f.location.startLine} ${f.ruleId}`
      )
      .sort()
    // Hand-judged: each is a module input a maintainer would act on; the replica's
    // storage_encrypted = false and backup_retention_period = 0 are inherited / by design.
    expect(found).toEqual([
      'ec2-instance-complete/main.tf:150 PG-TF-027',
      'ec2-instance-complete/main.tf:167 PG-TF-027',
      'ec2-instance-complete/main.tf:281 PG-TF-027',
      'ec2-instance-complete/main.tf:418 PG-TF-022',
      'eks-eks-auto-mode/main.tf:37 PG-TF-023',
      'eks-eks-auto-mode/main.tf:57 PG-TF-023',
      'rds-replica-postgres/main.tf:69 PG-TF-013',
      's3-bucket-complete/main.tf:27 PG-TF-022',
      'security-group-complete/main.tf:79 PG-TF-010',
      'sqs-complete/main.tf:54 PG-TF-040'
    ])
    expect(report.findings.find(f => f.ruleId === 'PG-TF-040')?.message).toBe(
      'sqs_managed_sse_enabled leaves the queue unencrypted in module.unencrypted_sqs (terraform-aws-modules/sqs)'
    )
  })
})
