import {execFile, execFileSync} from 'node:child_process'
import {cpSync, existsSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {Writable} from 'node:stream'
import {promisify} from 'node:util'
import {afterAll, beforeAll, describe, expect, it} from '@jest/globals'
import {run} from '@pipeguard/cli'
import {startFakeOsvServer, type FakeOsvServer} from './fake-osv-server'
import {LOCKFILES_DIR, OSV_DIR, REPO_ROOT, allOsvTexts} from './osv-fixtures'

const execFileAsync = promisify(execFile)

async function cli(
  argv: string[],
  cwd = REPO_ROOT
): Promise<{code: number; stdout: string; stderr: string}> {
  let stdout = ''
  let stderr = ''
  const io = {
    stdout: new Writable({write: (c, _e, cb) => ((stdout += String(c)), cb())}),
    stderr: new Writable({write: (c, _e, cb) => ((stderr += String(c)), cb())}),
    env: {NO_COLOR: '1'} as NodeJS.ProcessEnv,
    cwd
  }
  const code = await run(argv, io)
  return {code, stdout, stderr}
}

interface JsonReport {
  findings: Array<{
    ruleId: string
    status?: string
    package?: {name: string; version: string}
    location: {path: string}
  }>
  errors: unknown[]
}
const ids = (report: JsonReport): string[] =>
  report.findings
    .map(f => `${f.location.path} ${f.package!.name}@${f.package!.version} ${f.ruleId}`)
    .sort()

describe('pipeguard deps', () => {
  const project = join(LOCKFILES_DIR, 'npm', 'actions-toolkit-v1')
  let temp: string
  let server: FakeOsvServer
  beforeAll(async () => {
    temp = mkdtempSync(join(tmpdir(), 'pg-cli-deps-'))
    server = await startFakeOsvServer([...allOsvTexts().values()].map(t => JSON.parse(t)))
  })
  afterAll(async () => {
    await server.close()
    rmSync(temp, {recursive: true, force: true})
  })

  it('exits 1 on a vulnerable lockfile with --fail-on high and reports the advisories as JSON', async () => {
    const result = await cli([
      'deps',
      project,
      '--advisory-db',
      OSV_DIR,
      '--format',
      'json',
      '--fail-on',
      'high'
    ])
    expect(result.stderr).toBe('')
    expect(result.code).toBe(1)
    const report = JSON.parse(result.stdout) as JsonReport
    expect(ids(report)).toEqual(
      expect.arrayContaining([
        'package-lock.json lodash@4.17.19 GHSA-35jh-r3h4-6jhm',
        'package-lock.json minimist@1.2.0 GHSA-xvch-5gv4-984h'
      ])
    )
    expect(report.errors).toEqual([])
  })

  it('exits 0 with --fail-on none and the same findings through --osv-url', async () => {
    const offline = JSON.parse(
      (await cli(['deps', project, '--advisory-db', OSV_DIR, '--format', 'json'])).stdout
    ) as JsonReport
    const result = await cli([
      'deps',
      project,
      '--osv-url',
      server.url,
      '--format',
      'json',
      '--fail-on',
      'none'
    ])
    expect(result.code).toBe(0)
    expect(ids(JSON.parse(result.stdout) as JsonReport)).toEqual(ids(offline))
  })

  it('exits 2 after bounded retries when the OSV API keeps failing, and reports the audit as failed', async () => {
    const dir = join(temp, 'retry')
    cpSync(project, dir, {recursive: true})
    writeFileSync(join(dir, '.pipeguard.yml'), 'deps:\n  osvRetries: 2\n')
    const before = server.requests.length
    server.faults.push({kind: 'status', status: 500, times: Infinity})
    try {
      const result = await cli(['deps', dir, '--osv-url', server.url, '--format', 'json'])
      expect(result.code).toBe(2)
      const reason = `could not reach the OSV API at ${server.url}: POST ${server.url}/v1/querybatch answered HTTP 500 (gave up after 3 attempts); no vulnerability scan was done. Offline: --advisory-db DIR (action input advisory-db), or leave the audit out: --scanners secrets,iac`
      const report = JSON.parse(result.stdout)
      expect(report.findings).toEqual([])
      expect(report.scanners).toEqual([
        expect.objectContaining({id: 'dependencies', status: 'failed', reasons: [reason]})
      ])
      expect(result.stderr).toBe(
        `pipeguard: the scan is incomplete (exit 2): Dependency audit did not run: ${reason}\n`
      )
      expect(server.requests.length - before).toBe(3)
    } finally {
      server.faults.length = 0
    }
  })

  it('--base REF blocks only what the commit range adds', async () => {
    const dir = join(temp, 'repo')
    cpSync(project, dir, {recursive: true})
    const git = (...args: string[]): string =>
      execFileSync('git', ['-C', dir, ...args], {
        encoding: 'utf8',
        env: {
          ...process.env,
          GIT_AUTHOR_NAME: 't',
          GIT_AUTHOR_EMAIL: 't@e',
          GIT_COMMITTER_NAME: 't',
          GIT_COMMITTER_EMAIL: 't@e'
        }
      }).trim()
    git('init', '-q', '-b', 'main')
    git('add', '.')
    git('commit', '-q', '-m', 'base')
    const base = git('rev-parse', 'HEAD')
    const unchanged = await cli([
      'deps',
      dir,
      '--advisory-db',
      OSV_DIR,
      '--format',
      'json',
      '--base',
      base
    ])
    expect(unchanged.code).toBe(0)
    const report = JSON.parse(unchanged.stdout) as JsonReport
    expect(report.findings.length).toBeGreaterThan(10)
    expect(new Set(report.findings.map(f => f.status))).toEqual(new Set(['existing']))
  })

  it('the bundle (node dist/cli.js) gives the same answer and exit code', async () => {
    const bundle = join(REPO_ROOT, 'dist', 'cli.js')
    if (!existsSync(bundle)) throw new Error('dist/cli.js is missing: run npm run build')
    const inProcess = JSON.parse(
      (await cli(['deps', project, '--advisory-db', OSV_DIR, '--format', 'json'])).stdout
    ) as JsonReport
    const child = await execFileAsync(
      process.execPath,
      [bundle, 'deps', project, '--advisory-db', OSV_DIR, '--format', 'json', '--fail-on', 'high'],
      {cwd: temp}
    ).then(
      r => ({code: 0, ...r}),
      (e: {code: number; stdout: string; stderr: string}) => e
    )
    expect(child.stderr).toBe('')
    expect(child.code).toBe(1)
    expect(ids(JSON.parse(child.stdout) as JsonReport)).toEqual(ids(inProcess))
  })
})
