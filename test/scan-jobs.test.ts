import {spawnSync} from 'node:child_process'
import {cpSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from '@jest/globals'
import {materializeCorpus} from '../packages/secrets/__tests__/helpers/corpus'
import {randomToken} from './helpers/workspace'

const cli = join(import.meta.dirname, '..', 'dist', 'cli.js')
const FIXTURES = join(import.meta.dirname, 'fixtures')

interface JsonReport {
  findings: Array<{ruleId: string}>
  errors: unknown[]
  skipped: unknown[]
  scanners: Array<{id: string; status: string; files: number; findings: number; notes: string[]}>
}

function pipeguard(args: string[]) {
  const run = spawnSync(process.execPath, [cli, ...args], {encoding: 'utf8'})
  return {code: run.status, stdout: run.stdout, stderr: run.stderr}
}

function scan(command: string[], dir: string, jobs: number): JsonReport & {code: number | null} {
  const run = pipeguard([
    ...command,
    dir,
    '--format',
    'json',
    '--fail-on',
    'none',
    `--jobs=${jobs}`
  ])
  return {...(JSON.parse(run.stdout) as JsonReport), code: run.code}
}

/** Everything a reader acts on; timings and notes (which name the thread count) aside. */
function results(report: JsonReport & {code: number | null}) {
  return {
    findings: report.findings,
    errors: report.errors,
    skipped: report.skipped,
    exitCode: report.code,
    scanners: report.scanners.map(({id, status, files, findings}) => ({
      id,
      status,
      files,
      findings
    }))
  }
}

const secretsNote = (report: JsonReport): string =>
  report.scanners.find(s => s.id === 'secrets')!.notes.join('; ')

describe('--jobs 1 and --jobs 4 give the same report (dist/cli.js)', () => {
  const dirs: string[] = []
  const temp = (): string => {
    const dir = mkdtempSync(join(tmpdir(), 'pipeguard-jobs-'))
    dirs.push(dir)
    return dir
  }
  let corpus: string
  let iac: string
  beforeAll(() => {
    corpus = temp()
    materializeCorpus(join(FIXTURES, 'secrets', 'corpus'), corpus)
    // Decided by content in the workers too: a .png holding text is scanned, a binary is skipped.
    writeFileSync(join(corpus, 'logo.png'), `token = "${randomToken('ghp_', 36)}"\n`)
    writeFileSync(join(corpus, 'blob.dat'), Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 1, 2, 0]))
    iac = temp()
    cpSync(join(FIXTURES, 'iac'), iac, {recursive: true})
  })
  afterAll(() => dirs.forEach(dir => rmSync(dir, {recursive: true, force: true})))

  it('on the labelled secrets corpus', () => {
    const one = scan(['secrets'], corpus, 1)
    const four = scan(['secrets'], corpus, 4)
    expect(one.code).toBe(0)
    expect(secretsNote(one)).not.toMatch(/threads/)
    expect(secretsNote(four)).toMatch(/in 4 threads/)
    expect(one.findings.length).toBeGreaterThan(50)
    expect(one.findings.some(f => JSON.stringify(f).includes('logo.png'))).toBe(true)
    expect(JSON.stringify(one.skipped)).toContain('blob.dat')
    expect(results(four)).toEqual(results(one))
  })

  it('on the IaC fixtures, all file scanners', () => {
    const one = scan(['scan', '--scanners', 'secrets,iac'], iac, 1)
    const four = scan(['scan', '--scanners', 'secrets,iac'], iac, 4)
    expect(secretsNote(four)).toMatch(/in 4 threads/)
    // The fixtures include files that do not parse on purpose: incomplete, the same both times.
    expect([one.code, four.code]).toEqual([2, 2])
    expect(one.findings.length).toBeGreaterThan(20)
    expect(results(four)).toEqual(results(one))
  })

  it.each(['0', '-1', 'two', '1.5', '10000'])('refuses --jobs=%s', value => {
    const run = pipeguard(['secrets', corpus, `--jobs=${value}`])
    expect(run.code).toBe(2)
    expect(run.stderr).toMatch(/--jobs must be a whole number/)
  })
})
