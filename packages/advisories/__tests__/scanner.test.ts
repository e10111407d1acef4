import {cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from '@jest/globals'
import {
  ConfigSchema,
  runPipeline,
  type ConfigInput,
  type Finding,
  type ScanReport
} from '@pipeguard/core'
import {zipSync, strToU8} from 'fflate'
import {createDependencyScanner, dependencyScanner} from '../src/scanner'
import {startFakeOsvServer, type FakeOsvServer} from './fake-osv-server'
import {LOCKFILES_DIR, OSV_DIR, allOsvTexts} from './osv-fixtures'

function configWith(deps: ConfigInput['deps'], extra: Partial<ConfigInput> = {}) {
  return ConfigSchema.parse({...extra, deps})
}

async function audit(
  root: string,
  deps: ConfigInput['deps'],
  extra: Partial<ConfigInput> = {}
): Promise<ScanReport> {
  const config = configWith(deps, extra)
  return runPipeline({
    root,
    config,
    scanners: [dependencyScanner],
    env: {},
    options: {
      scanners: ['deps'],
      history: false,
      staged: false,
      list: false,
      advisoryDb: config.deps.advisoryDb,
      osvUrl: config.deps.osvUrl
    }
  })
}

const key = (f: Finding): string =>
  `${f.location.path} ${f.package!.name}@${f.package!.version} ${f.ruleId}`

// Checked by hand against the records' ranges (see the comment of each line).
const EXPECTED = [
  'npm/actions-toolkit-v1/package-lock.json lodash@4.17.19 GHSA-35jh-r3h4-6jhm', // fixed 4.17.21
  'npm/actions-toolkit-v1/package-lock.json minimist@1.2.0 GHSA-xvch-5gv4-984h', // fixed 1.2.6
  'npm/actions-toolkit-v1/package-lock.json request@2.88.0 GHSA-p8p7-x288-28g6', // last_affected 2.88.2
  'npm/actions-toolkit-v1/package-lock.json node-fetch@2.6.0 GHSA-r683-j2x4-v87g', // fixed 2.6.7 / "1.0".."3.1.1"
  'npm/vue2-yarn-v1/yarn.lock babel-traverse@6.26.0 GHSA-67hx-6x53-jw92', // introduced 0, no fix
  'npm/vue2-yarn-v1/yarn.lock rollup@2.71.1 GHSA-gcx4-mw62-g8wm', // fixed 2.79.2
  'npm/vue2-yarn-v1/yarn.lock request@2.88.2 GHSA-p8p7-x288-28g6', // last_affected is inclusive
  'pypi/pipenv-example/Pipfile.lock urllib3@1.22 PYSEC-2018-32', // fixed 1.23
  'pypi/pipenv-example/Pipfile.lock requests@2.18.4 PYSEC-2018-28', // fixed 2.20.0
  'pypi/pipenv-example/Pipfile.lock py@1.11.0 PYSEC-2022-42969', // last_affected 1.11.0
  'pypi/healthchecks/requirements.txt django@3.2.2 PYSEC-2021-109', // 3.2 .. 3.2.5
  'crates.io/ripgrep/Cargo.lock regex@1.5.4 RUSTSEC-2022-0013', // fixed 1.5.5
  'crates.io/ripgrep/Cargo.lock atty@0.2.14 RUSTSEC-2021-0145', // introduced 0, no fix
  'rubygems/devise/Gemfile.lock rack@2.2.3 GHSA-22f2-v57c-j9cx', // fixed 2.2.8.1 (4 segments)
  'rubygems/devise/Gemfile.lock actionpack@6.1.1 GHSA-p84v-45xj-wwqj', // fixed 6.1.7.1
  'packagist/bookstack/composer.lock guzzlehttp/psr7@1.7.0 GHSA-q7rv-6hp3-vh96', // fixed 1.8.4
  'go/gitleaks/go.mod golang.org/x/text@v0.3.6 GO-2021-0113', // fixed 0.3.7
  'go/gitleaks/go.mod gopkg.in/yaml.v3@v3.0.0-20210107192922-496545a6307b GO-2022-0603', // pseudo-version < 3.0.0
  'maven/vulnerable-java-application/gradle.lockfile org.apache.tomcat.embed:tomcat-embed-core@10.1.20 GHSA-wm9w-rjj3-j356', // 10.1.0-M1 .. 10.1.25
  'nuget/bitwarden-server-api/packages.lock.json Newtonsoft.Json@12.0.3 GHSA-5crp-9r3c-p9vr' // fixed 13.0.1
]

const WITHDRAWN = [
  'PYSEC-2022-15',
  'PYSEC-2023-101',
  'PYSEC-2023-73',
  'GO-2022-0617',
  'GO-2024-2442',
  'RUSTSEC-2019-0031',
  'RUSTSEC-2020-0053'
]

describe('dependency scanner on real lockfiles', () => {
  let offline: ScanReport
  let server: FakeOsvServer
  beforeAll(async () => {
    offline = await audit(LOCKFILES_DIR, {advisoryDb: OSV_DIR})
    server = await startFakeOsvServer(
      [...allOsvTexts().values()].map(t => JSON.parse(t)),
      {pageSize: 3}
    )
  })
  afterAll(() => server.close())

  it('finds the expected vulnerable packages by advisory id', () => {
    expect(offline.errors).toEqual([])
    expect(offline.findings.map(key)).toEqual(expect.arrayContaining(EXPECTED))
  })

  it('does not report fixed versions, withdrawn records or foreign ecosystems', () => {
    const keys = offline.findings.map(key)
    expect(keys.filter(k => / lodash@4\.17\.2[1-9] /.test(k))).toEqual([])
    expect(offline.findings.filter(f => WITHDRAWN.includes(f.ruleId))).toEqual([])
    expect(offline.findings.filter(f => f.ruleId === 'GHSA-j8xg-fqg3-53r7')).toEqual([]) // listed under "GitHub Actions"
    // unpinned manifest lines are never matched (nothing is guessed)
    for (const f of offline.findings) expect(f.package!.version).not.toBe('')
  })

  it('writes the finding the way the contract says', () => {
    const lodash = offline.findings.find(f => key(f) === EXPECTED[0])!
    expect(lodash).toMatchObject({
      scanner: 'dependencies',
      ruleId: 'GHSA-35jh-r3h4-6jhm',
      severity: 'high',
      title: 'Command Injection in lodash',
      message:
        'lodash 4.17.19 is affected by GHSA-35jh-r3h4-6jhm (CVE-2021-23337): Command Injection in lodash. Fixed in 4.17.21. Introduced through: concurrently > lodash',
      remediation: expect.stringMatching(/^Upgrade lodash to 4\.17\.21/),
      helpUri: 'https://github.com/advisories/GHSA-35jh-r3h4-6jhm',
      package: {ecosystem: 'npm', name: 'lodash', version: '4.17.19'},
      upgrade: {
        kind: 'fix',
        version: '4.17.21',
        text: 'Upgrade lodash to 4.17.21. It comes in through concurrently > lodash: upgrade concurrently to a release that requires it, or pin lodash with an override (npm overrides, yarn resolutions).'
      },
      vulnerability: {
        id: 'GHSA-35jh-r3h4-6jhm',
        aliases: ['CVE-2021-23337'],
        fixedVersions: ['4.17.21']
      },
      properties: {direct: 'false', path: 'concurrently > lodash', cvssScore: '7.2'}
    })
    // the location is the package's entry in the lockfile
    const lines = readFileSync(join(LOCKFILES_DIR, lodash.location.path), 'utf8').split('\n')
    expect(lines[lodash.location.startLine - 1]).toContain('lodash')
    const noFix = offline.findings.find(
      f => key(f) === 'npm/vue2-yarn-v1/yarn.lock babel-traverse@6.26.0 GHSA-67hx-6x53-jw92'
    )!
    expect(noFix.remediation).toMatch(/^No fix released yet: /)
    expect(noFix.severity).toBe('critical')
  })

  it('gives identical findings through the OSV API (fake server, paginated) and the offline database', async () => {
    const viaApi = await audit(LOCKFILES_DIR, {osvUrl: server.url})
    expect(viaApi.errors).toEqual([])
    expect(viaApi.findings).toEqual(offline.findings)
    expect(server.requests.some(r => r.body?.queries.some(q => q.page_token))).toBe(true)
    expect(viaApi.exitCode).toBe(1)
  })

  it('reads the same records from an OSV all.zip export', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pg-zip-'))
    try {
      const files: Record<string, Uint8Array> = {}
      for (const [id, text] of allOsvTexts()) files[`${id}.json`] = strToU8(text)
      writeFileSync(join(dir, 'all.zip'), zipSync(files))
      const viaZip = await audit(LOCKFILES_DIR, {advisoryDb: join(dir, 'all.zip')})
      expect(viaZip.findings).toEqual(offline.findings)
    } finally {
      rmSync(dir, {recursive: true, force: true})
    }
  })
})

describe('dependency scanner behaviour', () => {
  let root: string
  let db: string
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'pg-deps-'))
    cpSync(join(LOCKFILES_DIR, 'pypi', 'pipenv-example'), root, {recursive: true})
    db = mkdtempSync(join(tmpdir(), 'pg-db-'))
    mkdirSync(join(db, 'PyPI'))
    for (const [id, text] of allOsvTexts())
      if (id.startsWith('PYSEC')) writeFileSync(join(db, 'PyPI', `${id}.json`), text)
  })
  afterAll(() => {
    rmSync(root, {recursive: true, force: true})
    rmSync(db, {recursive: true, force: true})
  })

  it('a bad record is an error naming the file; the other records still match', async () => {
    writeFileSync(
      join(db, 'broken.json'),
      '{"id": "PYSEC-BROKEN", "modified": "2024", "affected": [{"ranges": [{"type": "SEMVER", "events": [{}]}]}]}'
    )
    try {
      const report = await audit(root, {advisoryDb: db})
      expect(report.errors).toEqual([
        {
          path: 'broken.json',
          message: expect.stringContaining('PYSEC-BROKEN'),
          scanner: 'dependencies'
        }
      ])
      expect(report.findings.length).toBeGreaterThan(5)
    } finally {
      rmSync(join(db, 'broken.json'))
    }
  })

  it('a missing advisory database fails the scanner (exit 2), not a clean result', async () => {
    const report = await audit(root, {advisoryDb: join(db, 'nope')})
    expect(report.exitCode).toBe(2)
    expect(report.scanners[0]!.reasons).toEqual([expect.stringContaining('does not exist')])
  })

  it('includeDev: false leaves development-only packages out', async () => {
    const withDev = await audit(root, {advisoryDb: db})
    const prodOnly = await audit(root, {advisoryDb: db, includeDev: false})
    // pipenv-example's "develop" section holds py (PYSEC-2022-42969)
    expect(withDev.findings.map(f => f.package!.name)).toContain('py')
    expect(prodOnly.findings.map(f => f.package!.name)).not.toContain('py')
    expect(prodOnly.findings.map(f => f.package!.name)).toContain('requests')
  })

  it('ignores work by advisory id and by alias (core policy)', async () => {
    const report = await audit(
      root,
      {advisoryDb: db},
      {
        ignore: [
          {rule: 'CVE-2018-18074', reason: 'requests only talks to our own host'},
          {rule: 'PYSEC-2018-32', reason: 'accepted risk', expires: '2999-01-01'}
        ]
      }
    )
    const ignored = report.findings
      .filter(f => f.status === 'ignored')
      .map(f => f.ruleId)
      .sort()
    expect(ignored).toEqual(['PYSEC-2018-28', 'PYSEC-2018-32'])
    expect(report.findings.find(f => f.ruleId === 'PYSEC-2018-28')!.suppression).toBe(
      'requests only talks to our own host'
    )
  })

  it('fails on high with exit 1 and passes with fail-on critical when nothing critical is there', async () => {
    expect((await audit(root, {advisoryDb: db}, {failOn: 'high'})).exitCode).toBe(1)
    const critical = await audit(root, {advisoryDb: db}, {failOn: 'critical'})
    expect(critical.findings.some(f => f.severity === 'critical')).toBe(false)
    expect(critical.exitCode).toBe(0)
  })

  it('an unreachable OSV API fails the scanner with a reason naming the URL (exit 2)', async () => {
    const scanner = createDependencyScanner()
    const config = configWith({osvUrl: 'http://127.0.0.1:9', osvRetries: 0, osvTimeoutMs: 500})
    const report = await runPipeline({
      root,
      config,
      scanners: [scanner],
      env: {},
      options: {
        scanners: ['deps'],
        history: false,
        staged: false,
        list: false,
        osvUrl: 'http://127.0.0.1:9'
      }
    })
    expect(report.exitCode).toBe(2)
    expect(report.scanners[0]).toMatchObject({status: 'failed'})
    expect(report.scanners[0]!.reasons).toEqual([
      expect.stringMatching(
        /^could not reach the OSV API at http:\/\/127\.0\.0\.1:9: .*; no vulnerability scan was done\. Offline: --advisory-db DIR \(action input advisory-db\), or leave the audit out: --scanners secrets,iac$/
      )
    ])
  })
})
