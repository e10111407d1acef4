import {execFileSync, spawnSync} from 'node:child_process'
import {copyFileSync, cpSync, mkdtempSync, readFileSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {describe, expect, it} from '@jest/globals'
import {z} from 'zod'
import {sarifValidator} from './helpers/sarif-schema'

const repo = join(import.meta.dirname, '..')
const cli = join(repo, 'dist', 'cli.js')
const app = join(repo, 'test', 'fixtures', 'e2e', 'app')
const osv = join(repo, 'test', 'fixtures', 'e2e', 'osv')
const planted = readFileSync(join(app, 'config', 'settings.py'), 'utf8').match(
  /ghp_[A-Za-z0-9]{36}/
)![0]

function pipeguard(args: string[], cwd = repo, cliPath = cli) {
  const result = spawnSync(process.execPath, [cliPath, ...args], {
    cwd,
    encoding: 'utf8',
    env: {...process.env, NO_COLOR: '1'}
  })
  return {code: result.status, stdout: result.stdout, stderr: result.stderr}
}

/** The JSON report contract of DESIGN.md. */
const ContractSchema = z.object({
  tool: z.object({name: z.literal('pipeguard'), version: z.string()}),
  findings: z.array(
    z.object({
      scanner: z.enum(['secrets', 'dependencies', 'iac']),
      ruleId: z.string(),
      severity: z.enum(['critical', 'high', 'medium', 'low', 'info']),
      title: z.string(),
      message: z.string(),
      location: z.object({
        path: z.string(),
        startLine: z.number().int().min(1),
        endLine: z.number().int().min(1)
      }),
      fingerprint: z.string(),
      package: z.object({ecosystem: z.string(), name: z.string(), version: z.string()}).optional(),
      vulnerability: z
        .object({id: z.string(), aliases: z.array(z.string()), fixedVersions: z.array(z.string())})
        .optional()
    })
  ),
  errors: z.array(z.object({path: z.string(), message: z.string()}))
})

describe('dist/cli.js end to end', () => {
  it('scans a project with one planted problem per scanner and gates on them', () => {
    const run = pipeguard(['scan', app, '--advisory-db', osv, '--format', 'json'])
    expect(run.stderr).toBe('')
    expect(run.code).toBe(1)
    const report = ContractSchema.parse(JSON.parse(run.stdout))
    const byScanner = (s: string) => report.findings.filter(f => f.scanner === s)
    expect(byScanner('secrets').map(f => `${f.location.path}:${f.location.startLine}`)).toContain(
      'config/settings.py:3'
    )
    expect(
      byScanner('dependencies')
        .map(f => f.ruleId)
        .sort()
    ).toEqual(['GHSA-35jh-r3h4-6jhm', 'GHSA-xvch-5gv4-984h'])
    const lodash = byScanner('dependencies').find(f => f.package?.name === 'lodash')!
    expect(lodash.package).toEqual({ecosystem: 'npm', name: 'lodash', version: '4.17.20'})
    expect(lodash.vulnerability!.fixedVersions).toContain('4.17.21')
    expect(
      byScanner('iac').some(f => f.location.path === 'infra/main.tf' && f.location.startLine === 7)
    ).toBe(true)
    expect(run.stdout).not.toContain(planted)
  })

  it('writes SARIF that validates against the official schema', () => {
    const run = pipeguard(['scan', app, '--advisory-db', osv, '--format', 'sarif'])
    expect(run.code).toBe(1)
    expect(sarifValidator()(JSON.parse(run.stdout))).toEqual([])
    expect(run.stdout).not.toContain(planted)
  })

  it('never fails in audit mode or with fail-on none, and prints every format without the secret', () => {
    expect(pipeguard(['scan', app, '--advisory-db', osv, '--mode', 'audit']).code).toBe(0)
    expect(pipeguard(['scan', app, '--advisory-db', osv, '--fail-on', 'none']).code).toBe(0)
    for (const format of ['table', 'markdown']) {
      const run = pipeguard(['scan', app, '--advisory-db', osv, '--format', format])
      expect(run.stdout).toContain('settings.py')
      expect(run.stdout).not.toContain(planted)
    }
  })

  it('adopts a legacy repository with one baseline command', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pg-e2e-'))
    cpSync(app, dir, {recursive: true})
    expect(pipeguard(['baseline', dir, '--advisory-db', osv]).code).toBe(0)
    expect(pipeguard(['scan', dir, '--advisory-db', osv]).code).toBe(0)
    writeFileSync(
      join(dir, 'config', 'more.py'),
      readFileSync(join(app, 'config', 'settings.py'), 'utf8')
        .replace('GITHUB_TOKEN', 'OTHER_TOKEN')
        .replace(planted, planted.slice(0, -4) + 'Zq9X')
    )
    expect(pipeguard(['scan', dir, '--advisory-db', osv]).code).toBe(1)
  })

  it('reads a relative deps.advisory-db from .pipeguard.yml relative to the scanned root', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pg-e2e-'))
    cpSync(app, join(dir, 'app'), {recursive: true})
    cpSync(osv, join(dir, 'app', 'advisories'), {recursive: true})
    writeFileSync(join(dir, 'app', '.pipeguard.yml'), 'deps:\n  advisory-db: advisories\n')
    const run = pipeguard(['deps', 'app', '--format', 'json'], dir)
    expect(run.stderr).toBe('')
    expect(run.code).toBe(1)
    expect(
      JSON.parse(run.stdout)
        .findings.map((f: {ruleId: string}) => f.ruleId)
        .sort()
    ).toEqual(['GHSA-35jh-r3h4-6jhm', 'GHSA-xvch-5gv4-984h'])
  })

  it('runs from a copy of the CLI bundles (cli.js, cli-main.js) with no node_modules around them', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pg-lone-'))
    for (const file of ['cli.js', 'cli-main.js'])
      copyFileSync(join(repo, 'dist', file), join(dir, file))
    writeFileSync(join(dir, 'package.json'), '{"type": "module"}\n')
    const project = join(dir, 'project')
    cpSync(app, project, {recursive: true})
    const run = pipeguard(
      ['scan', project, '--advisory-db', osv, '--format', 'json'],
      dir,
      join(dir, 'cli.js')
    )
    expect(run.stderr).toBe('')
    expect(
      new Set(JSON.parse(run.stdout).findings.map((f: {scanner: string}) => f.scanner))
    ).toEqual(new Set(['secrets', 'dependencies', 'iac']))
  })

  it('exits 2 with the config error for a bad .pipeguard.yml', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pg-e2e-'))
    writeFileSync(join(dir, '.pipeguard.yml'), 'secrets:\n  entropy: high\n')
    const run = pipeguard(['scan', dir])
    expect(run.code).toBe(2)
    expect(run.stderr).toContain('.pipeguard.yml: secrets.entropy: expected a number, got "high"')
  })

  it('prints its version', () => {
    expect(execFileSync(process.execPath, [cli, '--version'], {encoding: 'utf8'}).trim()).toMatch(
      /^\d+\.\d+\.\d+$/
    )
  })
})
