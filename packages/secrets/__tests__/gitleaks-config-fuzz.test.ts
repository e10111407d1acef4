import {readdirSync, readFileSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it} from '@jest/globals'
import {ConfigError} from '@pipeguard/core'
import {compileRule, parseGitleaksConfig, RULES} from '@pipeguard/secrets'
import {mutants} from '../../../test/helpers/config-mutations'

/** The fuzz loop stops here even if not every mutant was tried (the test stays under 20 s). */
const FUZZ_BUDGET_MS = 15000

const FIXTURES = join(
  import.meta.dirname,
  '..',
  '..',
  '..',
  'test',
  'fixtures',
  'secrets',
  'gitleaks'
)
const CONFIG = join(FIXTURES, 'testdata', 'config')
const VALID = join(CONFIG, 'valid')
// gitleaks resolves `[extend] path` against its working directory; its tests run from config/.
const options = {defaults: RULES.map(compileRule), baseDirs: [join(FIXTURES, 'config')]}

/** The head of gitleaks' default config (title, global allowlist, its first rules). */
function defaultConfigHead(rules: number): string {
  const text = readFileSync(join(FIXTURES, 'gitleaks.toml'), 'utf8')
  let end = 0
  for (let i = 0; i <= rules; i++) end = text.indexOf('[[rules]]', end + 1)
  return text.slice(0, end)
}

/** gitleaks' own valid example configs, and part of its default rule set (all of it is slow). */
const SEEDS = [
  ...readdirSync(VALID)
    .filter(name => name.endsWith('.toml'))
    .sort()
    .map(name => ({file: join(VALID, name), text: readFileSync(join(VALID, name), 'utf8')})),
  {file: join(CONFIG, 'default-head.toml'), text: defaultConfigHead(8)}
]

type Outcome = {kind: 'accepted'} | {kind: 'refused'} | {kind: 'bad'; why: string}

/** Parses; a refusal must be a ConfigError whose every line names the file and reads clearly. */
function outcome(text: string, file: string): Outcome {
  try {
    parseGitleaksConfig(text, file, options)
    return {kind: 'accepted'}
  } catch (error) {
    if (!(error instanceof ConfigError)) return {kind: 'bad', why: `crashed: ${String(error)}`}
    const unclear = error.message
      .split('\n')
      .find(line => !line.startsWith(file) || /undefined|\[object Object\]/.test(line))
    return unclear === undefined ? {kind: 'refused'} : {kind: 'bad', why: `unclear: ${unclear}`}
  }
}

describe('.gitleaks.toml parser fuzz', () => {
  it('accepts every seed as it is', () => {
    expect(SEEDS.map(seed => outcome(seed.text, seed.file).kind)).toEqual(
      SEEDS.map(() => 'accepted')
    )
  })

  it('never crashes on seeded mutations: every failure is a ConfigError naming the file', () => {
    const failures: string[] = []
    const counts = {accepted: 0, refused: 0, bad: 0}
    const texts = SEEDS.map(seed => seed.text)
    // A fixed sequence of mutants; on a slow machine the time budget ends it early, after a prefix.
    const deadline = Date.now() + FUZZ_BUDGET_MS
    for (const {index, text} of mutants(texts, 3000, 0x70a1)) {
      if (Date.now() > deadline) break
      const file = SEEDS[index % SEEDS.length]!.file
      const result = outcome(text, file)
      counts[result.kind]++
      if (result.kind === 'bad')
        failures.push(`mutant ${index} of ${file}: ${result.why}\n${JSON.stringify(text)}`)
    }
    expect(failures.slice(0, 3)).toEqual([])
    // The mutations reach the checks: many mutants are refused, and some still load.
    expect(counts.refused).toBeGreaterThan(200)
    expect(counts.accepted).toBeGreaterThan(20)
  })
})
