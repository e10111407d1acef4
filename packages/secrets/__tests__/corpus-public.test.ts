import {rmSync} from 'node:fs'
import {join} from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from '@jest/globals'
import {materializeCorpus, type Corpus} from './helpers/corpus'
import {scan, tempDir} from './helpers/scan'

// Config and source files of public repositories (SOURCE.md) with generated secrets put in place of
// their placeholder values: realistic surroundings written by others, planted values labelled by
// place. Their other values (defaults, examples, references) must stay unreported.
const CORPUS = join(
  import.meta.dirname,
  '..',
  '..',
  '..',
  'test',
  'fixtures',
  'secrets',
  'corpus-public'
)

const key = (path: string, line: number, ruleId: string): string => `${path}:${line}:${ruleId}`

describe('labelled corpus of public repositories’ files', () => {
  const root = tempDir('corpus-public')
  let corpus: Corpus
  beforeAll(() => {
    corpus = materializeCorpus(CORPUS, root)
  })
  afterAll(() => rmSync(root, {recursive: true, force: true}))

  it('finds the planted secrets (recall >= 0.97) and little else (precision >= 0.97)', async () => {
    const expected = new Set(corpus.labels.map(l => key(l.path, l.line, l.ruleId)))
    expect(expected.size).toBeGreaterThanOrEqual(8)
    const report = await scan(root, {}, {}, {})
    expect(report.errors).toEqual([])
    const found = new Set(
      report.findings.map(f => key(f.location.path, f.location.startLine, f.ruleId))
    )
    const hits = [...found].filter(k => expected.has(k)).length
    const summary = {
      recall: hits / expected.size,
      precision: found.size === 0 ? 0 : hits / found.size,
      missed: [...expected].filter(k => !found.has(k)).sort(),
      unexpected: [...found].filter(k => !expected.has(k)).sort()
    }
    expect(summary.recall >= 0.97 && summary.precision >= 0.97 ? 'ok' : summary).toBe('ok')
  })
})
