/**
 * `dist/cli.js deps` on a real PYSEC record without severity: every format says when the severity
 * is assumed, whether from its GHSA alias (fetched by id from the OSV API) or from
 * `deps.unknown-severity`. Records: test/fixtures/osv-alias-lookup/SOURCE.md.
 */
import {spawn} from 'node:child_process'
import {cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from '@jest/globals'
import {
  startFakeOsvServer,
  type FakeOsvServer
} from '../packages/advisories/__tests__/fake-osv-server'

const repo = join(import.meta.dirname, '..')
const cli = join(repo, 'dist', 'cli.js')
const pair = join(repo, 'test', 'fixtures', 'osv-alias-lookup')
const raw = (id: string) => JSON.parse(readFileSync(join(pair, `${id}.json`), 'utf8'))
const FORMATS = ['table', 'markdown', 'sarif', 'json'] as const

let project: string
let server: FakeOsvServer

beforeAll(async () => {
  project = mkdtempSync(join(tmpdir(), 'pg-assumed-'))
  // pipenv-example pins urllib3 1.22 (PYSEC-2018-32, fixed in 1.23).
  cpSync(
    join(repo, 'test', 'fixtures', 'advisories', 'lockfiles', 'pypi', 'pipenv-example'),
    project,
    {
      recursive: true
    }
  )
  server = await startFakeOsvServer([raw('PYSEC-2018-32')], {idOnly: [raw('GHSA-www2-v7xj-xrc6')]})
})
afterAll(async () => {
  await server.close()
  rmSync(project, {recursive: true, force: true})
})

// Async: the fake OSV API runs in this process and must keep answering while the CLI runs.
function deps(args: string[]): Promise<{code: number | null; stdout: string}> {
  return new Promise(resolve => {
    const child = spawn(process.execPath, [cli, 'deps', project, ...args], {
      env: {...process.env, NO_COLOR: '1'}
    })
    let stdout = ''
    child.stdout.on('data', chunk => (stdout += chunk))
    child.on('close', code => resolve({code, stdout}))
  })
}

describe('dist/cli.js deps with an advisory that gives no severity', () => {
  it.each(FORMATS)('--format %s says the severity comes from the GHSA alias', async format => {
    const {code, stdout} = await deps([
      '--osv-url',
      server.url,
      '--format',
      format,
      '--fail-on',
      'critical'
    ])
    expect(code).toBe(1)
    expect(stdout).toContain('Severity critical from alias GHSA-www2-v7xj-xrc6')
    if (format === 'table') expect(stdout).toMatch(/critical \(assumed\)\s+PYSEC-2018-32/)
    if (format === 'markdown') expect(stdout).toContain('critical (assumed)')
    if (format === 'sarif')
      expect(JSON.parse(stdout).runs[0].results[0].properties.severityAssumed).toBe(
        'severity from alias GHSA-www2-v7xj-xrc6'
      )
  })

  it.each(FORMATS)(
    '--format %s says the severity is unknown and what it counts as (deps.unknown-severity)',
    async format => {
      const db = mkdtempSync(join(tmpdir(), 'pg-assumed-db-'))
      cpSync(join(pair, 'PYSEC-2018-32.json'), join(db, 'PYSEC-2018-32.json'))
      writeFileSync(join(project, '.pipeguard.yml'), 'deps:\n  unknown-severity: medium\n')
      try {
        const {code, stdout} = await deps(['--advisory-db', db, '--format', format])
        expect(code).toBe(0) // medium is below the default fail-on high
        // Markdown escapes the parentheses of the message; the words are the same everywhere.
        expect(stdout).toMatch(/treated as medium \\{0,2}\(deps\.unknown-severity/)
        if (format !== 'json' && format !== 'sarif') expect(stdout).toContain('medium (assumed)')
        if (format === 'json') {
          const finding = JSON.parse(stdout).findings.find(
            (f: {ruleId: string}) => f.ruleId === 'PYSEC-2018-32'
          )
          expect(finding).toMatchObject({
            severity: 'medium',
            properties: {
              severitySource: 'unknown',
              severityAssumed: 'severity unknown, treated as medium'
            }
          })
        }
      } finally {
        rmSync(join(project, '.pipeguard.yml'))
        rmSync(db, {recursive: true, force: true})
      }
    }
  )
})
