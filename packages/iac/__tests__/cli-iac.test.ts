import {Writable} from 'node:stream'
import {describe, expect, it} from '@jest/globals'
import {run} from '@pipeguard/cli'

function capture() {
  let out = ''
  let err = ''
  const io = {
    stdout: new Writable({write: (c, _e, cb) => ((out += String(c)), cb())}),
    stderr: new Writable({write: (c, _e, cb) => ((err += String(c)), cb())}),
    env: {NO_COLOR: '1'} as NodeJS.ProcessEnv,
    cwd: process.cwd()
  }
  return {io, out: () => out, err: () => err}
}

describe('pipeguard iac', () => {
  it('prints Terraform findings and file errors as JSON and fails on high findings', async () => {
    const c = capture()
    const code = await run(
      ['iac', 'test/fixtures/iac/insecure/terraform', '--format', 'json'],
      c.io
    )
    expect(code).toBe(1)
    const report = JSON.parse(c.out()) as {
      findings: Array<{ruleId: string; location: {path: string; startLine: number}}>
      errors: unknown[]
    }
    // 17 check results: SSH + RDP on one rule twice collapse (15), and the default profile rolls
    // bucket encryption/versioning/logging and RDS deletion protection into two hardening findings.
    expect(report.findings).toHaveLength(13)
    expect(report.findings.filter(f => f.ruleId === 'PG-IAC-HARDENING')).toHaveLength(2)
    expect(report.findings).toContainEqual(
      expect.objectContaining({
        scanner: 'iac',
        ruleId: 'PG-TF-001',
        location: expect.objectContaining({path: 'main.tf', startLine: 7})
      })
    )
    expect(report.errors).toEqual([])
  })

  it('shows every hardening item on its own with --profile strict', async () => {
    const c = capture()
    const args = ['iac', 'test/fixtures/iac/insecure/terraform', '--format', 'json']
    expect(await run([...args, '--profile', 'strict'], c.io)).toBe(1)
    const findings = (JSON.parse(c.out()) as {findings: Array<{ruleId: string}>}).findings
    expect(findings).toHaveLength(15)
    expect(findings.map(f => f.ruleId)).not.toContain('PG-IAC-HARDENING')
  })

  it('refuses an unknown profile, and --profile when the IaC lint does not run', async () => {
    const bad = capture()
    expect(
      await run(['iac', 'test/fixtures/iac/clean/terraform', '--profile', 'loud'], bad.io)
    ).toBe(2)
    expect(bad.err()).toContain('--profile must be one of default, strict')
    const other = capture()
    const args = ['scan', 'test/fixtures/iac/clean/terraform', '--scanners', 'secrets']
    expect(await run([...args, '--profile', 'strict'], other.io)).toBe(2)
    expect(other.err()).toContain('--profile applies to the IaC lint')
  })

  it('exits 0 on the hardened examples', async () => {
    const c = capture()
    expect(await run(['iac', 'test/fixtures/iac/clean/terraform', '--format', 'json'], c.io)).toBe(
      0
    )
    expect(JSON.parse(c.out()).findings).toEqual([])
  })

  it('lists a broken file under errors', async () => {
    const c = capture()
    await run(['iac', 'test/fixtures/iac/terraform/broken', '--format', 'json'], c.io)
    expect(JSON.parse(c.out()).errors).toEqual([
      {
        path: 'broken.tf',
        message: expect.stringContaining('broken.tf:3: syntax error'),
        scanner: 'iac'
      }
    ])
  })
})
