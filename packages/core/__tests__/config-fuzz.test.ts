import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it} from '@jest/globals'
import {mutants} from '../../../test/helpers/config-mutations'
import {parseConfigText} from '../src/config-load'
import {ConfigError} from '../src/errors'

/** The fuzz loop stops here even if not every mutant was tried (the test stays under 20 s). */
const FUZZ_BUDGET_MS = 15000

const REPO = join(import.meta.dirname, '..', '..', '..')

/** The full example of the README's configuration section. */
function readmeExample(): string {
  const readme = readFileSync(join(REPO, 'README.md'), 'utf8')
  const start = readme.indexOf('```yaml\nfail-on:')
  return readme.slice(start + '```yaml\n'.length, readme.indexOf('```', start + 8))
}

const SEEDS = [
  readmeExample(),
  readFileSync(join(REPO, '.pipeguard.yml'), 'utf8'),
  [
    'fail-on: medium',
    'exclude:',
    '  - &vendored {path: vendor/**, reason: third-party code}',
    'ignore:',
    '  - {rule: CVE-2024-0001, reason: not reachable, expires: 2027-01-31}',
    'secrets:',
    '  allow-paths: [*vendored]',
    '  disable-rules: [{id: generic-api-key, reason: too noisy here}]',
    'iac:',
    '  skip-checks:',
    '    - id: PG-TF-001',
    '      reason: "public site"',
    ''
  ].join('\n')
]

type Outcome = {kind: 'accepted'} | {kind: 'refused'} | {kind: 'bad'; why: string}

/** Parses; a refusal must be a ConfigError whose every line names the file and reads clearly. */
function outcome(text: string): Outcome {
  try {
    parseConfigText(text, '.pipeguard.yml')
    return {kind: 'accepted'}
  } catch (error) {
    if (!(error instanceof ConfigError)) return {kind: 'bad', why: `crashed: ${String(error)}`}
    const unclear = error.message
      .split('\n')
      .find(line => !line.startsWith('.pipeguard.yml') || /undefined|\[object Object\]/.test(line))
    return unclear === undefined ? {kind: 'refused'} : {kind: 'bad', why: `unclear: ${unclear}`}
  }
}

describe('.pipeguard.yml parser fuzz', () => {
  it('accepts every seed as it is', () => {
    expect(SEEDS.map(seed => outcome(seed).kind)).toEqual(SEEDS.map(() => 'accepted'))
  })

  it('never crashes on seeded mutations: every failure is a ConfigError naming the file', () => {
    const failures: string[] = []
    const counts = {accepted: 0, refused: 0, bad: 0}
    // A fixed sequence of mutants; on a slow machine the time budget ends it early, after a prefix.
    const deadline = Date.now() + FUZZ_BUDGET_MS
    for (const {index, text} of mutants(SEEDS, 2000, 0x5eed)) {
      if (Date.now() > deadline) break
      const result = outcome(text)
      counts[result.kind]++
      if (result.kind === 'bad')
        failures.push(`mutant ${index}: ${result.why}\n${JSON.stringify(text)}`)
    }
    expect(failures.slice(0, 3)).toEqual([])
    // The mutations reach the checks: many mutants are refused, and some still parse.
    expect(counts.refused).toBeGreaterThan(200)
    expect(counts.accepted).toBeGreaterThan(20)
  })
})
