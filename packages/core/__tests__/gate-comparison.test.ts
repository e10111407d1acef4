import {join} from 'node:path'
import {afterEach, describe, expect, it} from '@jest/globals'
import {
  commitAll,
  initRepo,
  makeWorkspace,
  removeWorkspace,
  writeFiles
} from '../../../test/helpers/workspace'
import {compareGateWithBase} from '../src/action/gate-comparison'
import {loadConfig} from '../src/config-load'
import type {GateInput} from '../src/gate-changes'
import type {Scanner} from '../src/scanner'

/** A scanner whose own config file is `rules.txt`: each line removed from it is a change. */
const seen: GateInput[] = []
const scanner: Scanner = {
  id: 'secrets',
  name: 'secrets',
  title: 'Secret scan',
  version: 1,
  fileRequired: () => false,
  scan: async () => ({findings: [], errors: []}),
  gate: {
    files: () => ['rules.txt'],
    changes: input => {
      seen.push(input)
      const lines = (text?: string) => (text ?? '').split('\n').filter(Boolean)
      const head = new Set(lines(input.head.text('rules.txt')))
      return lines(input.base.text('rules.txt'))
        .filter(line => !head.has(line))
        .map(line => ({file: 'rules.txt', what: 'removes a rule', subject: line}))
    }
  }
}

const BASELINE = (...fingerprints: string[]) =>
  JSON.stringify({
    version: 1,
    findings: fingerprints.map(fingerprint => ({fingerprint, ruleId: 'r', path: 'p'}))
  })

describe('comparing the gate configuration with a pull request base', () => {
  const dirs: string[] = []
  afterEach(() => dirs.splice(0).forEach(removeWorkspace))
  const repo = (files: Record<string, string>) => {
    const dir = makeWorkspace(files)
    dirs.push(dir)
    return {dir, base: initRepo(dir)}
  }
  const compare = (root: string, base: string) =>
    compareGateWithBase({
      root,
      baseRevision: base,
      head: loadConfig(root),
      overrides: {},
      scanners: [scanner]
    })

  it('reports the config, baseline and scanner files the head weakens', async () => {
    const {dir, base} = repo({
      'app/.pipeguard.yml': 'baseline: base.json\n',
      'app/base.json': BASELINE('a'),
      'app/rules.txt': 'one\ntwo\n'
    })
    writeFiles(dir, {
      'app/.pipeguard.yml': 'baseline: base.json\nexclude:\n  - {path: "**", reason: faster}\n',
      'app/base.json': BASELINE('a', 'b'),
      'app/rules.txt': 'one\n'
    })
    commitAll(dir, 'weaken')
    expect(await compare(join(dir, 'app'), base)).toEqual({
      changes: [
        {
          file: '.pipeguard.yml',
          what: 'excludes from every scanner',
          subject: '**',
          reason: 'faster'
        },
        {file: 'base.json', what: 'adds 1 finding(s) to the baseline: they no longer fail the run'},
        {file: 'rules.txt', what: 'removes a rule', subject: 'two'}
      ]
    })
  })

  it('reads the committed .pipeguard-baseline.json in the root when the config names none', async () => {
    const {dir, base} = repo({'app/.pipeguard-baseline.json': BASELINE('a')})
    writeFiles(dir, {'app/.pipeguard-baseline.json': BASELINE('a', 'b', 'c')})
    commitAll(dir, 'accept two more')
    expect(await compare(join(dir, 'app'), base)).toEqual({
      changes: [
        {
          file: '.pipeguard-baseline.json',
          what: 'adds 2 finding(s) to the baseline: they no longer fail the run'
        }
      ]
    })
    // A baseline the pull request adds where there was none is a change too.
    const added = repo({'README.md': '# app\n'})
    writeFiles(added.dir, {'.pipeguard-baseline.json': BASELINE('x')})
    expect((await compare(added.dir, added.base)).changes).toEqual([
      {file: '.pipeguard-baseline.json', what: expect.stringMatching(/^adds 1 finding/)}
    ])
  })

  it('reports nothing when the head only makes the gate stricter', async () => {
    const {dir, base} = repo({'.pipeguard.yml': 'fail-on: high\n', 'rules.txt': 'one\n'})
    writeFiles(dir, {'.pipeguard.yml': 'fail-on: low\n', 'rules.txt': 'one\ntwo\n'})
    expect(await compare(dir, base)).toEqual({changes: []})
  })

  it('compares with the defaults when the base has no config, and reads a config the head adds', async () => {
    const {dir, base} = repo({'README.md': '# app\n'})
    writeFiles(dir, {'.pipeguard.yml': 'mode: audit\n'})
    expect(await compare(dir, base)).toEqual({
      changes: [{file: '.pipeguard.yml', what: 'switches to audit mode: no finding fails the run'}]
    })
    expect(seen.at(-1)!.base.text('rules.txt')).toBeUndefined()
  })

  it('says why when the base commit is missing or its config is invalid', async () => {
    const {dir, base} = repo({'.pipeguard.yml': 'fail-on: severe\n'})
    writeFiles(dir, {'.pipeguard.yml': 'fail-on: high\n'})
    expect(await compare(dir, 'f'.repeat(40))).toEqual({
      changes: [],
      problem: `the commit ${'f'.repeat(40)} is not in this clone (check out with fetch-depth: 0)`
    })
    const result = await compare(dir, base)
    expect(result.changes).toEqual([])
    expect(result.problem).toContain(
      "the base commit's config is not valid: .pipeguard.yml at the base commit: fail-on: expected one of"
    )
  })
})
