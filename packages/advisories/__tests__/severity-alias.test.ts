import {cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterAll, afterEach, beforeAll, describe, expect, it} from '@jest/globals'
import {
  ConfigSchema,
  renderJson,
  renderMarkdown,
  renderSarif,
  renderTable,
  runPipeline,
  type ConfigInput,
  type Finding,
  type ScanReport
} from '@pipeguard/core'
import {loadOfflineIndex} from '../src/sources/offline-db'
import {dependencyScanner} from '../src/scanner'
import {startFakeOsvServer, type FakeOsvServer} from './fake-osv-server'
import {LOCKFILES_DIR, REPO_ROOT} from './osv-fixtures'

// A real pair about CVE-2018-20060 (test/fixtures/osv-alias-lookup/SOURCE.md): the PYSEC record
// gives no severity, its alias GHSA-www2-v7xj-xrc6 is critical (CVSS 3.0 9.8).
const PAIR_DIR = join(REPO_ROOT, 'test', 'fixtures', 'osv-alias-lookup')
const PYSEC = 'PYSEC-2018-32'
const GHSA = 'GHSA-www2-v7xj-xrc6'
const raw = (id: string) => JSON.parse(readFileSync(join(PAIR_DIR, `${id}.json`), 'utf8'))

let root: string
let pysecOnlyDb: string

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'pg-alias-'))
  // pipenv-example pins urllib3 1.22, which both records affect (fixed in 1.23).
  cpSync(join(LOCKFILES_DIR, 'pypi', 'pipenv-example'), join(root, 'project'), {recursive: true})
  pysecOnlyDb = join(root, 'db')
  mkdirSync(pysecOnlyDb)
  cpSync(join(PAIR_DIR, `${PYSEC}.json`), join(pysecOnlyDb, `${PYSEC}.json`))
})
afterAll(() => rmSync(root, {recursive: true, force: true}))

async function audit(deps: ConfigInput['deps'], extra: Partial<ConfigInput> = {}) {
  const config = ConfigSchema.parse({...extra, deps})
  return runPipeline({
    root: join(root, 'project'),
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

const urllib3 = (report: ScanReport): Finding => {
  const found = report.findings.filter(f => f.package?.name === 'urllib3')
  expect(found.map(f => f.ruleId)).toEqual([PYSEC])
  return found[0]!
}

/** Every format the CLI writes, so none can drop what the severity is based on. */
function everyFormat(report: ScanReport): {
  table: string
  markdown: string
  sarif: string
  json: string
} {
  return {
    table: renderTable(report, {color: false}),
    markdown: renderMarkdown(report),
    sarif: renderSarif(report),
    json: renderJson(report)
  }
}

describe('an advisory without severity whose alias is not in the source', () => {
  it('counts as high by default: it blocks at fail-on high and every format says it is unknown', async () => {
    const report = await audit({advisoryDb: pysecOnlyDb})
    const finding = urllib3(report)
    expect(finding.severity).toBe('high')
    expect(finding.properties).toMatchObject({
      severitySource: 'unknown',
      severityAssumed: 'severity unknown, treated as high'
    })
    expect(report.exitCode).toBe(1)
    const formats = everyFormat(report)
    for (const [name, text] of Object.entries(formats)) {
      expect({name, says: text.includes('treated as high')}).toEqual({name, says: true})
    }
    expect(formats.table).toMatch(/high \(assumed\)\s+PYSEC-2018-32/)
    expect(formats.markdown).toContain(
      '🟧 high (assumed) | [PYSEC-2018-32](https://osv.dev/vulnerability/PYSEC-2018-32)'
    )
    expect(formats.table).toContain('has no known severity: treated as high')
    const sarif = JSON.parse(formats.sarif).runs[0].results[0]
    expect(sarif.level).toBe('error')
    expect(sarif.properties.severityAssumed).toBe('severity unknown, treated as high')
  })

  it('counts as the configured deps.unknown-severity', async () => {
    const report = await audit({advisoryDb: pysecOnlyDb, unknownSeverity: 'low'})
    expect(urllib3(report).severity).toBe('low')
    expect(urllib3(report).message).toContain('treated as low (deps.unknown-severity)')
    // requests and py (also unrated PYSEC records in the real database) are not in this one.
    expect(report.exitCode).toBe(0)
  })

  it('is rated by the alias when the offline database holds it', async () => {
    const db = join(root, 'db-both')
    mkdirSync(db, {recursive: true})
    cpSync(join(PAIR_DIR, `${GHSA}.json`), join(db, `${GHSA}.json`))
    const index = await loadOfflineIndex(db)
    expect(index.lookupId(GHSA)?.database_specific?.severity).toBe('CRITICAL')
    expect(index.lookupId(PYSEC)).toBeUndefined()
  })
})

describe('alias lookup through the OSV API (fake on 127.0.0.1)', () => {
  let server: FakeOsvServer
  afterEach(() => server.close())

  it('raises the PYSEC advisory to critical from its GHSA alias, fetched by id once, and says so in every format', async () => {
    // querybatch knows only the PYSEC record; the GHSA record answers only GET /v1/vulns/{id}.
    server = await startFakeOsvServer([raw(PYSEC)], {idOnly: [raw(GHSA)]})
    const report = await audit({osvUrl: server.url}, {failOn: 'critical'})
    const finding = urllib3(report)
    expect(finding.severity).toBe('critical')
    expect(finding.properties).toMatchObject({
      severitySource: 'alias',
      cvssScore: '9.8',
      severityAssumed: `severity from alias ${GHSA}`
    })
    expect(finding.message).toContain(`Severity critical from alias ${GHSA}`)
    expect(report.exitCode).toBe(1)
    const gets = server.requests.filter(r => r.method === 'GET').map(r => r.path)
    expect(gets.filter(p => p === `/v1/vulns/${GHSA}`)).toHaveLength(1)
    // The CVE alias is not an OSV id here: a 404 is a note, never a failed scan.
    expect(gets).toContain('/v1/vulns/CVE-2018-20060')
    expect(report.scanners[0]!.status).toBe('ok')
    expect(report.scanners[0]!.notes.join('\n')).toContain(
      'severity lookup of 2 alias(es) of unrated advisories by id: 1 found'
    )
    for (const [name, text] of Object.entries(everyFormat(report))) {
      expect({name, says: text.includes(`from alias ${GHSA}`)}).toEqual({name, says: true})
    }
  })

  it('keeps the unknown severity (high) and a note when the alias cannot be fetched', async () => {
    server = await startFakeOsvServer([raw(PYSEC)])
    const report = await audit({osvUrl: server.url, osvRetries: 0})
    const finding = urllib3(report)
    expect(finding.severity).toBe('high')
    expect(finding.properties?.severitySource).toBe('unknown')
    expect(report.scanners[0]!.status).toBe('ok')
    expect(report.scanners[0]!.notes.join('\n')).toMatch(
      /GHSA-www2-v7xj-xrc6: GET .*\/v1\/vulns\/GHSA-www2-v7xj-xrc6 answered HTTP 404/
    )
  })

  it('does not look up aliases of an advisory its own records rate', async () => {
    server = await startFakeOsvServer([raw(PYSEC), raw(GHSA)])
    const report = await audit({osvUrl: server.url})
    expect(report.findings.find(f => f.package?.name === 'urllib3')).toMatchObject({
      ruleId: GHSA,
      severity: 'critical',
      properties: expect.not.objectContaining({severityAssumed: expect.anything()})
    })
    const gets = server.requests.filter(r => r.method === 'GET').map(r => r.path)
    expect(gets.sort()).toEqual([`/v1/vulns/${GHSA}`, `/v1/vulns/${PYSEC}`])
  })
})
