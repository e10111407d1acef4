import {readdirSync, readFileSync, rmSync} from 'node:fs'
import {join, relative} from 'node:path'
import {afterAll, describe, expect, it} from '@jest/globals'
import {ConfigSchema, sniffFileKind} from '@pipeguard/core'
import {Detector, KeywordMatcher, RULES, loadSecretsSettings} from '@pipeguard/secrets'
import {materializeCorpus} from './helpers/corpus'
import {ALNUM, fake} from './helpers/fake'
import {tempDir} from './helpers/scan'

const FIXTURES = join(import.meta.dirname, '..', '..', '..', 'test', 'fixtures')
const detector = new Detector(
  loadSecretsSettings(tempDir('prefilter'), ConfigSchema.parse({}), RULES).detector
)
const bytes = (text: string) => Buffer.from(text, 'utf8')
const ghp = () => `ghp_${fake(ALNUM, 36, 'prefilter')}`

function listFiles(dir: string): string[] {
  return readdirSync(dir, {withFileTypes: true}).flatMap(entry =>
    entry.isDirectory()
      ? listFiles(join(dir, entry.name))
      : entry.isFile()
        ? [join(dir, entry.name)]
        : []
  )
}

describe('KeywordMatcher.occursIn (raw UTF-8 bytes)', () => {
  const matcher = new KeywordMatcher(['token', 'ghp_'])
  it('finds a keyword in any ASCII case, after multi-byte characters', () => {
    expect(matcher.asciiOnly).toBe(true)
    expect(matcher.occursIn(bytes('héllo wörld — TOKEN'))).toBe(true)
    expect(matcher.occursIn(bytes('x = GhP_abc'))).toBe(true)
  })
  it('finds nothing where no keyword occurs', () => {
    expect(matcher.occursIn(bytes('tokn ghp- tök en'))).toBe(false)
  })
  it('says when a keyword is not ASCII, so bytes cannot be used', () => {
    expect(new KeywordMatcher(['clé']).asciiOnly).toBe(false)
  })
})

describe('Detector.mayDetect', () => {
  it('passes a file with a keyword, and the detector then finds its secret', () => {
    const text = `const auth = "${ghp()}"\n`
    expect(detector.mayDetect(bytes(text))).toBe(true)
    expect(detector.detect({text, path: 'a.js'}).map(d => d.rule.id)).toEqual(['github-pat'])
  })

  it('passes a secret hidden in base64 with no keyword in the raw text', () => {
    const text = `blob: ${Buffer.from(`auth = ${ghp()}\n`).toString('base64')}\n`
    expect(new KeywordMatcher(detector.rules.flatMap(r => r.keywords)).occursIn(bytes(text))).toBe(
      false
    )
    expect(detector.mayDetect(bytes(text))).toBe(true)
    expect(detector.detect({text, path: 'a.yml'}).map(d => d.rule.id)).toEqual(['github-pat'])
  })

  it('clears code without keywords and long runs that do not decode to text', () => {
    expect(detector.mayDetect(bytes('export function add(a, b) {\n  return a + b\n}\n'))).toBe(
      false
    )
    const identifiers = 'built-ins/Array/prototype/flatMap/this-value-ctor-object-species\n'
    expect(detector.mayDetect(bytes(identifiers))).toBe(false)
  })

  // Soundness on every fixture (real lockfiles, manifests and IaC from public repositories, and
  // the expanded secrets corpus): a file the prefilter clears has no detection in its text.
  const corpus = tempDir('prefilter-corpus')
  afterAll(() => rmSync(corpus, {recursive: true, force: true}))
  it('never clears a file the detector would find something in', () => {
    materializeCorpus(join(FIXTURES, 'secrets', 'corpus'), corpus)
    let cleared = 0
    let passed = 0
    const missed: string[] = []
    for (const file of [...listFiles(FIXTURES), ...listFiles(corpus)]) {
      const raw = readFileSync(file)
      const kind = sniffFileKind(raw)
      if (kind.kind !== 'text' || kind.encoding !== 'utf8') continue
      const found = detector.detect({text: raw.toString('utf8'), path: relative(FIXTURES, file)})
      if (detector.mayDetect(raw)) passed++
      else {
        cleared++
        if (found.length > 0) missed.push(file)
      }
    }
    expect(missed).toEqual([])
    expect(cleared).toBeGreaterThan(50)
    expect(passed).toBeGreaterThan(50)
  })
})
