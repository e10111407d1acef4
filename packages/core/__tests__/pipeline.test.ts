import {mkdirSync, mkdtempSync, readFileSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {describe, expect, it} from '@jest/globals'
import {buildBaseline} from '../src/baseline'
import {defaultConfig} from '../src/config-schema'
import {createFinding} from '../src/finding'
import {ConfigError} from '../src/errors'
import {incompleteReasons, runPipeline} from '../src/pipeline'
import type {Scanner} from '../src/scanner'
import {VERSION} from '../src/version'

/** A scanner double: reports each line containing MARKER, and a per-file error for BROKEN files. */
const markerScanner: Scanner = {
  id: 'iac',
  name: 'iac',
  title: 'Marker scan',
  version: 1,
  fileRequired: path => path.endsWith('.txt'),
  async scan(ctx) {
    const findings = []
    const errors = []
    for (const file of ctx.files) {
      const text = await ctx.workspace.text(file)
      if (text === undefined) continue
      if (text.startsWith('BROKEN')) {
        errors.push({path: file.path, message: `${file.path}:1: cannot parse`})
        continue
      }
      const lines = text.split('\n')
      for (const [i, line] of lines.entries()) {
        if (!line.includes('MARKER')) continue
        findings.push(
          createFinding({
            scanner: 'iac',
            ruleId: 'marker',
            severity: 'high',
            title: 'Marker',
            message: 'marker found',
            path: file.path,
            startLine: i + 1,
            fingerprintContent: line
          })
        )
      }
    }
    return {findings, errors}
  }
}

function tree(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'pg-pipe-'))
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), {recursive: true})
    writeFileSync(join(dir, path), content)
  }
  return dir
}

const options = {scanners: ['iac'], history: false, staged: false, list: false}

describe('runPipeline', () => {
  it('runs scanners on the files they ask for, keeps going past a bad file and gates', async () => {
    const root = tree({
      'a.txt': 'ok\nMARKER\n',
      'b.txt': 'BROKEN',
      'c.md': 'MARKER',
      'd.txt': 'MARKER'
    })
    const report = await runPipeline({
      root,
      config: defaultConfig(),
      options,
      scanners: [markerScanner]
    })
    expect(report.findings.map(f => `${f.location.path}:${f.location.startLine}`)).toEqual([
      'a.txt:2',
      'd.txt:1'
    ])
    expect(report.errors).toEqual([
      {path: 'b.txt', message: 'b.txt:1: cannot parse', scanner: 'iac'}
    ])
    expect(report.scanners[0]).toMatchObject({
      id: 'iac',
      files: 3,
      findings: 2,
      status: 'partial',
      reasons: ['1 file(s) could not be scanned completely']
    })
    expect(report.incomplete).toEqual([
      'Marker scan ran partially: 1 file(s) could not be scanned completely'
    ])
    // A file that could not be scanned outranks the blocking findings: the tool did not see everything.
    expect(report.exitCode).toBe(2)
    expect(report.tool.version).toBe(VERSION)
  })

  it('a clean tree is complete and exits 0; audit mode still exits 2 when a file could not be scanned', async () => {
    const clean = await runPipeline({
      root: tree({'a.txt': 'ok\n'}),
      config: defaultConfig(),
      options,
      scanners: [markerScanner]
    })
    expect(clean).toMatchObject({incomplete: [], exitCode: 0})
    expect(clean.scanners[0]).toMatchObject({status: 'ok', reasons: []})
    const audit = await runPipeline({
      root: tree({'b.txt': 'BROKEN'}),
      config: {...defaultConfig(), mode: 'audit'},
      options,
      scanners: [markerScanner]
    })
    expect(audit.blocking).toEqual([])
    expect(audit.exitCode).toBe(2)
  })

  it('a scanner that throws is reported as failed and the other scanners keep their findings', async () => {
    const down: Scanner = {
      ...markerScanner,
      id: 'dependencies',
      name: 'deps',
      title: 'Dependency audit',
      scan: async () => {
        throw new ConfigError('the OSV API at http://127.0.0.1:9 did not answer')
      }
    }
    const buggy: Scanner = {
      ...markerScanner,
      id: 'secrets',
      name: 'secrets',
      title: 'Secret scan',
      scan: async () => {
        throw new TypeError('x is undefined')
      }
    }
    const report = await runPipeline({
      root: tree({'a.txt': 'MARKER\n'}),
      config: defaultConfig(),
      options,
      scanners: [markerScanner, down, buggy]
    })
    expect(report.findings.map(f => f.location.path)).toEqual(['a.txt'])
    expect(report.scanners.map(r => [r.id, r.status, r.reasons])).toEqual([
      ['iac', 'ok', []],
      ['dependencies', 'failed', ['the OSV API at http://127.0.0.1:9 did not answer']],
      ['secrets', 'failed', ['internal error: x is undefined']]
    ])
    expect(report.incomplete).toEqual([
      'Dependency audit did not run: the OSV API at http://127.0.0.1:9 did not answer',
      'Secret scan did not run: internal error: x is undefined'
    ])
    expect(report.exitCode).toBe(2)
  })

  it('a skipped file marked as an error makes the scan incomplete; a binary skip does not', () => {
    const runs = [
      {id: 'iac', name: 'iac', title: 'Marker scan', files: 1, findings: 0, durationMs: 1}
    ].map(run => ({...run, notes: [], status: 'ok' as const, reasons: []}))
    expect(incompleteReasons(runs, [{path: 'logo.png', reason: 'binary file'}])).toEqual([])
    expect(
      incompleteReasons(runs, [{path: 'big.env', reason: 'larger than the limit', error: true}])
    ).toEqual(['1 file(s) could not be scanned'])
  })

  it('adopts a legacy repo with a baseline: old findings stop failing, new ones still do', async () => {
    const root = tree({'a.txt': 'MARKER one\n'})
    const first = await runPipeline({
      root,
      config: defaultConfig(),
      options,
      scanners: [markerScanner]
    })
    const baseline = new Set(buildBaseline(first.findings).findings.map(f => f.fingerprint))
    writeFileSync(join(root, 'a.txt'), 'moved down\n\nMARKER one\n')
    const again = await runPipeline({
      root,
      config: defaultConfig(),
      options,
      scanners: [markerScanner],
      baseline
    })
    expect(again.findings[0]!.status).toBe('existing')
    expect(again.exitCode).toBe(0)
    writeFileSync(join(root, 'b.txt'), 'MARKER two\n')
    const withNew = await runPipeline({
      root,
      config: defaultConfig(),
      options,
      scanners: [markerScanner],
      baseline
    })
    expect(withNew.exitCode).toBe(1)
    expect(withNew.blocking.map(f => f.location.path)).toEqual(['b.txt'])
  })

  it('keeps the version constant equal to package.json', () => {
    const pkg = JSON.parse(
      readFileSync(join(import.meta.dirname, '..', '..', '..', 'package.json'), 'utf8')
    )
    expect(VERSION).toBe(pkg.version)
  })
})
