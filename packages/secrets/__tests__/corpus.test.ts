import {copyFileSync, readFileSync, rmSync} from 'node:fs'
import {join} from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from '@jest/globals'
import {RULES} from '@pipeguard/secrets'
import {materializeCorpus, NEGATIVE_KINDS, type Corpus} from './helpers/corpus'
import {scan, tempDir} from './helpers/scan'

const FIXTURES = join(import.meta.dirname, '..', '..', '..', 'test', 'fixtures', 'secrets')
const CORPUS = join(FIXTURES, 'corpus')

const key = (path: string, line: number, ruleId: string): string => `${path}:${line}:${ruleId}`

describe('labelled corpus', () => {
  const root = tempDir('corpus')
  let corpus: Corpus
  beforeAll(() => {
    corpus = materializeCorpus(CORPUS, root)
  })
  afterAll(() => rmSync(root, {recursive: true, force: true}))

  it('plants at least one secret of every built-in rule', () => {
    const labelled = new Set(corpus.labels.map(l => l.ruleId))
    expect(RULES.map(r => r.id).filter(id => !labelled.has(id))).toEqual([])
  })

  it('labels only rules that exist, each place once', () => {
    const known = new Set(RULES.map(r => r.id))
    expect(corpus.labels.filter(l => !known.has(l.ruleId))).toEqual([])
    const keys = corpus.labels.map(l => key(l.path, l.line, l.ruleId))
    expect(keys.filter((k, i) => keys.indexOf(k) !== i)).toEqual([])
  })

  it('holds hard negatives of every kind', () => {
    const kinds = new Set(corpus.negatives.map(n => n.kind))
    expect(NEGATIVE_KINDS.filter(kind => !kinds.has(kind))).toEqual([])
  })

  it('finds the planted secrets (recall >= 0.95) and little else (precision >= 0.95), all rules on', async () => {
    const expected = new Set(corpus.labels.map(l => key(l.path, l.line, l.ruleId)))
    const report = await scan(root, {}, {}, {})
    const found = new Set(
      report.findings.map(f => key(f.location.path, f.location.startLine, f.ruleId))
    )
    const truePositives = [...found].filter(k => expected.has(k))
    const recall = truePositives.length / expected.size
    const precision = found.size === 0 ? 0 : truePositives.length / found.size
    const missed = [...expected].filter(k => !found.has(k)).sort()
    const unexpected = [...found].filter(k => !expected.has(k)).sort()
    const onNegatives = corpus.negatives
      .filter(n =>
        report.findings.some(f => f.location.path === n.path && f.location.startLine === n.line)
      )
      .map(n => `${n.path}:${n.line} (${n.kind})`)

    expect(report.errors).toEqual([])
    const summary = [
      `recall ${recall.toFixed(3)} (${truePositives.length}/${expected.size}), precision ${precision.toFixed(3)} (${truePositives.length}/${found.size})`,
      'missed (path:line:rule):',
      ...missed,
      'unexpected findings (path:line:rule):',
      ...unexpected
    ].join('\n')
    // On failure the message lists every missed label and every unlabelled finding with its rule.
    expect(recall >= 0.95 && precision >= 0.95 ? 'ok' : summary).toBe('ok')
    expect(onNegatives).toEqual([])
  })

  it('with gitleaks’ own default config as .gitleaks.toml, still finds most secrets of rules gitleaks has', async () => {
    // A gitleaks user switching over keeps their config. Our ids follow gitleaks' where one exists,
    // so the labels of those rules are the ones gitleaks' config should find; places (path:line)
    // are compared because a few ids differ in detail.
    const gitleaksRoot = tempDir('corpus-gitleaks')
    try {
      materializeCorpus(CORPUS, gitleaksRoot)
      copyFileSync(
        join(FIXTURES, 'gitleaks', 'gitleaks.toml'),
        join(gitleaksRoot, '.gitleaks.toml')
      )
      const report = await scan(gitleaksRoot, {}, {}, {})
      const toml = readFileSync(join(FIXTURES, 'gitleaks', 'gitleaks.toml'), 'utf8')
      const gitleaksIds = new Set([...toml.matchAll(/^id\s*=\s*"([^"]+)"/gm)].map(m => m[1]))
      expect(report.scanners[0]!.notes).toContain('222 rule(s) run (from .gitleaks.toml)')
      const shared = corpus.labels.filter(l => gitleaksIds.has(l.ruleId))
      const expected = new Set(shared.map(l => `${l.path}:${l.line}`))
      const all = new Set(corpus.labels.map(l => `${l.path}:${l.line}`))
      const found = new Set(report.findings.map(f => `${f.location.path}:${f.location.startLine}`))
      expect(expected.size).toBeGreaterThanOrEqual(100)
      expect([...expected].filter(k => found.has(k)).length / expected.size).toBeGreaterThanOrEqual(
        0.8
      )
      expect([...found].filter(k => all.has(k)).length / found.size).toBeGreaterThanOrEqual(0.95)
    } finally {
      rmSync(gitleaksRoot, {recursive: true, force: true})
    }
  })
})
