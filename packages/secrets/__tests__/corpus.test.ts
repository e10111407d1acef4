import {copyFileSync, readFileSync, rmSync} from 'node:fs'
import {join} from 'node:path'
import {afterAll, describe, expect, it} from '@jest/globals'
import {RULES} from '@pipeguard/secrets'
import {materializeCorpus} from './helpers/corpus'
import {scan, tempDir} from './helpers/scan'

const FIXTURES = join(import.meta.dirname, '..', '..', '..', 'test', 'fixtures', 'secrets')
const CORPUS = join(FIXTURES, 'corpus')

interface Label {
  path: string
  line: number
  ruleId: string
}

describe('labelled corpus', () => {
  const root = tempDir('corpus')
  afterAll(() => rmSync(root, {recursive: true, force: true}))

  it('finds the planted secrets (recall >= 0.95) and little else (precision >= 0.95)', async () => {
    materializeCorpus(CORPUS, root)
    const known = new Set(RULES.map(r => r.id))
    // Labels of rules that do not exist (yet) are not counted; labels are per rule id.
    const labels = (
      JSON.parse(readFileSync(join(CORPUS, 'labels.json'), 'utf8')) as Label[]
    ).filter(l => known.has(l.ruleId))
    const key = (path: string, line: number, ruleId: string) => `${path}:${line}:${ruleId}`
    const expected = new Set(labels.map(l => key(l.path, l.line, l.ruleId)))

    const report = await scan(root, {}, {}, {})
    const found = new Set(
      report.findings.map(f => key(f.location.path, f.location.startLine, f.ruleId))
    )
    const truePositives = [...found].filter(k => expected.has(k))
    const missed = [...expected].filter(k => !found.has(k))
    const unexpected = [...found].filter(k => !expected.has(k))
    const recall = truePositives.length / expected.size
    const precision = found.size === 0 ? 0 : truePositives.length / found.size

    expect(labels.length).toBeGreaterThanOrEqual(30)
    // Listed on failure: which labels were missed and which findings were not labelled.
    expect({recall: recall >= 0.95, precision: precision >= 0.95, missed, unexpected}).toEqual({
      recall: true,
      precision: true,
      missed: expect.any(Array),
      unexpected: expect.any(Array)
    })
    expect(report.errors).toEqual([])
  })

  it('with gitleaks’ own default config as .gitleaks.toml, still finds most planted secrets', async () => {
    // A gitleaks user switching over keeps their config: its rule ids differ from ours, so this
    // compares places (path:line) only.
    const gitleaksRoot = tempDir('corpus-gitleaks')
    try {
      materializeCorpus(CORPUS, gitleaksRoot)
      copyFileSync(
        join(FIXTURES, 'gitleaks', 'gitleaks.toml'),
        join(gitleaksRoot, '.gitleaks.toml')
      )
      const labels = JSON.parse(readFileSync(join(CORPUS, 'labels.json'), 'utf8')) as Label[]
      const expected = new Set(labels.map(l => `${l.path}:${l.line}`))
      const report = await scan(gitleaksRoot, {}, {}, {})
      const found = new Set(report.findings.map(f => `${f.location.path}:${f.location.startLine}`))
      const hits = [...expected].filter(k => found.has(k)).length
      expect(report.scanners[0]!.notes.join(' ')).toContain('rules from .gitleaks.toml (222)')
      expect(hits / expected.size).toBeGreaterThanOrEqual(0.8)
      expect([...found].filter(k => expected.has(k)).length / found.size).toBeGreaterThanOrEqual(
        0.95
      )
    } finally {
      rmSync(gitleaksRoot, {recursive: true, force: true})
    }
  })
})
