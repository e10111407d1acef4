/**
 * `dist/cli.js deps` never passes a dependency scan that did not happen: lockfiles are read as
 * their package manager reads them, and one that cannot be read is an error in every output.
 */
import {spawn, spawnSync} from 'node:child_process'
import {mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {dirname, join} from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from '@jest/globals'
import {
  startFakeOsvServer,
  type FakeOsvServer
} from '../packages/advisories/__tests__/fake-osv-server'
import {allOsvTexts} from '../packages/advisories/__tests__/osv-fixtures'
import {randomToken} from './helpers/workspace'

const repo = join(import.meta.dirname, '..')
const cli = join(repo, 'dist', 'cli.js')
const e2eOsv = join(repo, 'test', 'fixtures', 'e2e', 'osv')
const allOsv = join(repo, 'test', 'fixtures', 'advisories', 'osv')

const dirs: string[] = []
afterAll(() => dirs.forEach(dir => rmSync(dir, {recursive: true, force: true})))

function project(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(join(tmpdir(), 'pg-deps-closed-'))
  dirs.push(dir)
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), {recursive: true})
    writeFileSync(join(dir, path), content)
  }
  return dir
}

function deps(args: string[]) {
  const result = spawnSync(process.execPath, [cli, 'deps', ...args], {
    encoding: 'utf8',
    env: {...process.env, NO_COLOR: '1'}
  })
  return {code: result.status, stdout: result.stdout, stderr: result.stderr}
}

/** For runs against the fake OSV server of this process: spawnSync would block its event loop. */
function depsAsync(args: string[]): Promise<{code: number | null; stdout: string; stderr: string}> {
  return new Promise(resolve => {
    const child = spawn(process.execPath, [cli, 'deps', ...args], {
      env: {...process.env, NO_COLOR: '1'}
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', chunk => (stdout += chunk))
    child.stderr.on('data', chunk => (stderr += chunk))
    child.on('close', code => resolve({code, stdout, stderr}))
  })
}

interface Report {
  findings: Array<{ruleId: string; location: {path: string; startLine: number}}>
  errors: Array<{path: string; message: string}>
}
const json = (stdout: string) => JSON.parse(stdout) as Report
const found = (report: Report) =>
  report.findings.map(f => `${f.ruleId} ${f.location.path}:${f.location.startLine}`).sort()

/** package-lock.json v3 with lodash 4.17.15 (GHSA-35jh-r3h4-6jhm) and minimist 1.2.0 (GHSA-xvch-5gv4-984h). */
const LOCK = JSON.stringify(
  {
    name: 'app',
    lockfileVersion: 3,
    packages: {
      '': {name: 'app', dependencies: {lodash: '*', minimist: '*'}},
      'node_modules/lodash': {version: '4.17.15'},
      'node_modules/minimist': {version: '1.2.0'}
    }
  },
  null,
  2
)
const utf16le = (text: string) =>
  Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])

describe('dist/cli.js deps reads lockfiles as their package manager does', () => {
  it('audits a package-lock.json that starts with a UTF-8 byte order mark', () => {
    const dir = project({'package-lock.json': `\uFEFF${LOCK}`})
    const run = deps([dir, '--advisory-db', e2eOsv, '--format', 'json'])
    expect(run.stderr).toBe('')
    const report = json(run.stdout)
    expect(report.errors).toEqual([])
    expect(found(report)).toEqual([
      'GHSA-35jh-r3h4-6jhm package-lock.json:12',
      'GHSA-xvch-5gv4-984h package-lock.json:15'
    ])
    expect(run.code).toBe(1)
  })

  it('audits both documents of a pnpm 11+ pnpm-lock.yaml (env lockfile, then project lockfile)', () => {
    const lock = readFileSync(
      join(repo, 'test/fixtures/inventory/npm/edge-cases/pnpm-v9-env/pnpm-lock.yaml')
    )
    const run = deps([
      project({'pnpm-lock.yaml': lock}),
      '--advisory-db',
      e2eOsv,
      '--format',
      'json'
    ])
    const report = json(run.stdout)
    expect(report.errors).toEqual([])
    expect(found(report)).toEqual(['GHSA-35jh-r3h4-6jhm pnpm-lock.yaml:58'])
    expect(run.code).toBe(1)
  })

  it('audits a UTF-16 requirements.txt (pip reads it by its byte order mark)', () => {
    const dir = project({'requirements.txt': utf16le('flask==2.0.0\r\nrequests==2.19.0\r\n')})
    const run = deps([dir, '--advisory-db', allOsv, '--format', 'json', '--fail-on', 'low'])
    const report = json(run.stdout)
    expect(report.errors).toEqual([])
    expect(found(report)).toContain('PYSEC-2018-28 requirements.txt:2')
    expect(run.code).toBe(1)
  })
})

describe('dist/cli.js deps reports an unreadable lockfile as an error in every format', () => {
  const conflicted = LOCK.replace(
    '    "node_modules/minimist"',
    '<<<<<<< HEAD\n    "node_modules/minimist"'
  ).replace('\n  }\n}', '\n  }\n>>>>>>> feature\n}')
  const dir = project({
    '.pipeguard.yml': 'max-file-size: 1000\n',
    'conflict/package-lock.json': conflicted,
    'syntax/package-lock.json': LOCK.replace('"1.2.0"', '"1.2.0",'),
    'utf16/package-lock.json': utf16le(LOCK.slice(0, 400)),
    'big/package-lock.json': LOCK.padEnd(2000),
    'pnpm/pnpm-lock.yaml': "lockfileVersion: '9.0'\n---\nlockfileVersion: '9.0'\n"
  })
  const expected = [
    {
      path: 'conflict/package-lock.json',
      message:
        'conflict/package-lock.json:15: unresolved git merge conflict marker; resolve the conflict and regenerate the lockfile'
    },
    {
      path: 'pnpm/pnpm-lock.yaml',
      message:
        "pnpm/pnpm-lock.yaml:2: expected one YAML document, or two (pnpm's env lockfile, then the project lockfile) in a file that starts with '---'; document 2 of 2 starts here"
    },
    {
      path: 'syntax/package-lock.json',
      message:
        'syntax/package-lock.json:17:5: invalid JSON: expected a key after the comma (trailing comma), found "}"'
    },
    {
      path: 'utf16/package-lock.json',
      message:
        'utf16/package-lock.json:1: the file is UTF-16LE (it starts with the byte order mark FF FE); this format is read as UTF-8 only: save it as UTF-8'
    }
  ]

  const tooLarge =
    'larger than the max-file-size limit of 1000 B (2.0 KiB): not checked; raise max-file-size in the config to check it'

  it('lists each file with its line and what was expected in the JSON report, and exits 2', () => {
    const run = deps([dir, '--advisory-db', e2eOsv, '--format', 'json'])
    expect(run.stderr).toMatch(
      /^pipeguard: the scan is incomplete \(exit 2\): Dependency audit ran partially: 4 file\(s\)/
    )
    const report = json(run.stdout) as Report & {
      skipped: Array<{path: string; reason: string; error?: boolean}>
    }
    expect(report.errors).toEqual(expected.map(e => ({...e, scanner: 'dependencies'})))
    expect(report.skipped).toEqual([{path: 'big/package-lock.json', reason: tooLarge, error: true}])
    expect(report.findings).toEqual([])
    expect(run.code).toBe(2)
  })

  it.each(['markdown', 'table', 'sarif'])('lists them in the %s report, and exits 2', format => {
    const run = deps([dir, '--advisory-db', e2eOsv, '--format', format])
    const text = run.stdout.replace(/\\(.)/g, '$1')
    for (const error of expected) expect(text).toContain(error.message.replace(/^[^:]*:/, ''))
    // SARIF carries file errors as notifications; the size skip is the workspace's (JSON "skipped").
    if (format !== 'sarif') expect(text).toContain('big/package-lock.json')
    expect(run.code).toBe(2)
  })
})

describe('dist/cli.js deps never prints a credential written in a lockfile line', () => {
  const token = randomToken('', 36)
  const dir = project({
    'requirements.txt': [
      `-ihttps://ci:${token}@pypi.example.com/simple`,
      `private-pkg https://ci:${token}@files.example.com/private_pkg-1.0-py3-none-any.whl`,
      'requests==2.19.0',
      ''
    ].join('\n'),
    'go/go.mod': `module example.com/app\n\nrequire example.com/x v1.0.0 password=${token}\n`,
    'yarn/yarn.lock': `# yarn lockfile v1\n\na@^1:\n  version "1.0.0"\n  resolved "https://ci:${token}@registry.example.com/a.tgz\n`
  })

  it.each(['json', 'sarif', 'markdown', 'table'])('in the %s report', format => {
    const run = deps([dir, '--advisory-db', allOsv, '--format', format])
    expect(run.stdout).toContain(format === 'sarif' ? 'PYSEC-2018-28' : 'requests')
    expect(run.stdout + run.stderr).not.toContain(token)
    expect(run.stdout + run.stderr).not.toContain(token.slice(4, 16))
    expect(run.code).toBe(2)
    if (format !== 'json') return
    const report = json(run.stdout)
    expect(report.errors.map(e => e.message)).toEqual([
      expect.stringMatching(
        /^go\/go\.mod:3: expected 'require MODULE vVERSION', got 'require example\.com\/x v1\.0\.0 pass.*\*\*\*\*'$/
      ),
      expect.stringMatching(
        /^yarn\/yarn\.lock:5: expected a closing quote in "\\"https:\/\/ci:\w{4}\*\*\*\*@registry/
      )
    ])
  })
})

describe('dist/cli.js deps fails (exit 2) when the advisories cannot be read', () => {
  let osv: FakeOsvServer
  beforeAll(async () => {
    osv = await startFakeOsvServer([...allOsvTexts().values()].map(text => JSON.parse(text)))
  })
  afterAll(() => osv.close())
  const app = project({'package-lock.json': LOCK})

  it('an offline database with no valid record', () => {
    const db = project({'a.json': '{"summary": "no id"}', 'b.json': '{"id": '})
    const run = deps([app, '--advisory-db', db, '--format', 'json'])
    expect(json(run.stdout).findings).toEqual([])
    expect(run.stderr).toMatch(
      /^pipeguard: the scan is incomplete \(exit 2\): Dependency audit did not run: the advisory database .* holds no valid OSV records \(\*\.json or all\.zip\); 2 file\(s\) failed, the first: a\.json: not a valid OSV record: id: .*; no vulnerability scan was done/
    )
    expect(run.code).toBe(2)
  })

  it('a record querybatch named that /v1/vulns/{id} answers malformed', async () => {
    osv.faults.push({
      kind: 'body',
      body: '{"id": "GHSA-xvch-5gv4-984h", "affected": [{"ranges": [{"type": "SEMVER"}]}]}',
      times: Infinity,
      match: r => r.path === '/v1/vulns/GHSA-xvch-5gv4-984h'
    })
    try {
      const run = await depsAsync([app, '--osv-url', osv.url, '--format', 'json'])
      expect(json(run.stdout).findings).toEqual([])
      expect(run.stderr).toMatch(
        /Dependency audit did not run: could not reach the OSV API at http:\/\/127\.0\.0\.1:\d+: GET .*\/v1\/vulns\/GHSA-xvch-5gv4-984h: not a valid OSV record \(GHSA-xvch-5gv4-984h\): affected\.0\.ranges\.0\.events: /
      )
      expect(run.code).toBe(2)
    } finally {
      osv.faults.splice(0)
    }
  })

  it.each(['json', 'sarif', 'markdown', 'table'])(
    'never prints the credentials of --osv-url (%s report, and when it fails)',
    async format => {
      const token = randomToken('', 32)
      const url = osv.url.replace('://', `://ci:${token}@`)
      const ok = await depsAsync([app, '--osv-url', url, '--format', format])
      expect(ok.code).toBe(1)
      expect(ok.stdout).toContain('GHSA-35jh-r3h4-6jhm')
      expect(ok.stdout + ok.stderr).not.toContain(token)
      expect(osv.requests.at(-1)!.authorization).toBe(
        `Basic ${Buffer.from(`ci:${token}`).toString('base64')}`
      )
      osv.faults.push({kind: 'status', status: 400, times: 1})
      const failed = await depsAsync([app, '--osv-url', url, '--format', format])
      expect(failed.code).toBe(2)
      const shown = (failed.stdout + failed.stderr).replace(/\u200b|\\/g, '')
      expect(shown).toContain('could not reach the OSV API at http://****@127.0.0.1')
      expect(failed.stdout + failed.stderr).not.toContain(token)
    }
  )
})
