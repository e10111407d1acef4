/**
 * Seeded, deterministic mutations of real lockfiles through extractFile, the path every scanned
 * file takes: no exception escapes, no file takes longer than a bound, every failure is a located
 * error of ours (never an internal error), every package is well-formed, and a credential planted
 * in the text never reaches a message.
 */
import {readFileSync} from 'node:fs'
import {dirname, join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {describe, expect, it} from '@jest/globals'
import type {Extractor} from '../src/extractor'
import {EXTRACTORS} from '../src/extractors/index'
import {extractFile} from '../src/inventory'
import {PackageSchema} from '../src/package'
import {seededRandom} from '../../../test/helpers/seeded-random'

const FIXTURES = fileURLToPath(new URL('../../../test/fixtures/inventory/', import.meta.url))
const ITERATIONS = 200
/** Far above what any of these small files takes; a hang or a quadratic blow-up crosses it. */
const FILE_BUDGET_MS = 2000
/** Real files larger than this are cut to their first bytes (still real, and a truncation). */
const MAX_SEED_CHARS = 16_000

/** Seeds per extractor: real files (and the hand-made edge cases) under test/fixtures/inventory. */
const SEEDS: Record<string, string[]> = {
  'javascript/package-lock': [
    'npm/edge-cases/npm-v3/package-lock.json',
    'npm/edge-cases/npm-v1/package-lock.json'
  ],
  'javascript/yarn-lock': [
    'npm/vue2-yarn-v1/yarn.lock',
    'npm/edge-cases/yarn-v1/yarn.lock',
    'npm/edge-cases/yarn-berry/yarn.lock'
  ],
  'javascript/pnpm-lock': [
    'npm/vue2-pnpm-v6/pnpm-lock.yaml',
    'npm/edge-cases/pnpm-v9/pnpm-lock.yaml',
    'npm/edge-cases/pnpm-v9-env/pnpm-lock.yaml',
    'npm/edge-cases/pnpm-v5/pnpm-lock.yaml'
  ],
  'javascript/bun-lock': ['npm/edge-cases/bun/bun.lock'],
  'dart/pubspec-lock': ['pub/flutter-app/pubspec.lock', 'pub/edge/pubspec.lock'],
  'dotnet/packages-lock': ['nuget/edge/packages.lock.json'],
  'elixir/mix-lock': ['hex/phoenix-app/mix.lock', 'hex/edge/mix.lock'],
  'java/gradle-lockfile': [
    'maven/vulnerable-java-application/gradle.lockfile',
    'maven/gradle-edge/gradle.lockfile'
  ],
  'java/pom-xml': ['maven/pom-service/pom.xml', 'maven/pom-edge/pom.xml'],
  'go/go-mod': ['go/gitleaks/go.mod', 'go/edge/go.mod'],
  'php/composer-lock': ['packagist/edge/composer.lock'],
  'python/pdm-lock': ['pypi/edge/pdm/pdm.lock', 'pypi/edge/pdm-legacy/pdm.lock'],
  'python/pipfile-lock': ['pypi/pipenv-example/Pipfile.lock', 'pypi/edge/pipfile/Pipfile.lock'],
  'python/poetry-lock': ['pypi/edge/poetry-legacy/poetry.lock'],
  'python/requirements': [
    'pypi/healthchecks/requirements.txt',
    'pypi/edge/requirements/requirements.txt'
  ],
  'python/uv-lock': ['pypi/edge/uv-workspace/uv.lock'],
  'ruby/gemfile-lock': ['rubygems/devise/Gemfile.lock'],
  'rust/cargo-lock': ['crates.io/ripgrep/Cargo.lock', 'crates.io/edge-v3/Cargo.lock']
}

const TOKEN = 'Zf3kQ9pLx2Vt7Rw1Nc8Hy4Bm6Jd0Gs5A'
const CREDENTIAL = `https://ci:${TOKEN}@registry.example.com/pkg.tgz`
const STRUCTURE = ['"', "'", '{', '}', '[', ']', ':', ',', '=', '\n', ' ', '\t', '#', '-', '<', '>']
const INSERTS = [
  '<<<<<<< HEAD\n',
  '\n>>>>>>> other\n',
  '\n---\n',
  '${a}',
  '&a [*a, *a]\n',
  '[[package]]\n',
  '{"a":',
  '\uFEFF',
  '\u0000',
  '\r\n',
  'é€😀',
  CREDENTIAL,
  `\n  resolved "${CREDENTIAL}\n`,
  `\n-i${CREDENTIAL}\n`,
  'x'.repeat(2000),
  '['.repeat(300),
  '<a>'.repeat(300)
]

function mutate(text: string, next: () => number): string {
  const at = (length: number) => Math.floor(next() * (length + 1))
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!
  let out = text
  const rounds = 1 + Math.floor(next() * 4)
  for (let r = 0; r < rounds; r++) {
    const i = at(out.length)
    switch (Math.floor(next() * 6)) {
      case 0:
        out = out.slice(0, i) + pick(STRUCTURE) + out.slice(i + 1)
        break
      case 1:
        out = out.slice(0, i) + out.slice(i + 1 + Math.floor(next() * 64))
        break
      case 2: {
        const from = at(out.length)
        out = out.slice(0, i) + out.slice(from, from + Math.floor(next() * 200)) + out.slice(i)
        break
      }
      case 3:
        out = out.slice(0, i)
        break
      case 4: {
        const lines = out.split('\n')
        const a = at(lines.length - 1)
        const b = at(lines.length - 1)
        ;[lines[a], lines[b]] = [lines[b]!, lines[a]!]
        out = lines.join('\n')
        break
      }
      default:
        out = out.slice(0, i) + pick(INSERTS) + out.slice(i)
    }
  }
  return out
}

function seedText(path: string): string {
  const text = readFileSync(join(FIXTURES, path), 'utf8')
  return text.length > MAX_SEED_CHARS ? text.slice(0, MAX_SEED_CHARS) : text
}

function siblingsOf(extractor: Extractor, path: string): Record<string, string> {
  const siblings: Record<string, string> = {}
  for (const name of extractor.siblings ?? []) {
    try {
      siblings[name] = readFileSync(join(FIXTURES, dirname(path), name), 'utf8')
    } catch {
      // no such sibling in the fixture folder
    }
  }
  return siblings
}

describe('lockfile extractors under seeded mutation', () => {
  it('covers every extractor', () => {
    expect(Object.keys(SEEDS).sort()).toEqual(EXTRACTORS.map(e => e.name).sort())
  })

  for (const extractor of EXTRACTORS) {
    it(`${extractor.name}: ${ITERATIONS} mutations, each a result or a located error`, () => {
      const next = seededRandom(0x5eed ^ (extractor.name.length * 7919))
      const seeds = SEEDS[extractor.name]!.map(path => ({path, text: seedText(path)}))
      const slowest = {ms: 0, sample: ''}
      for (let n = 0; n < ITERATIONS; n++) {
        const seed = seeds[n % seeds.length]!
        const text = mutate(seed.text, next)
        const content = n % 5 === 0 ? Buffer.from(text, 'utf8') : text
        const started = performance.now()
        const result = extractFile(extractor, {
          path: seed.path,
          content,
          siblings: siblingsOf(extractor, seed.path),
          readRelative: relative => {
            try {
              return readFileSync(join(FIXTURES, relative), 'utf8')
            } catch {
              return undefined
            }
          }
        })
        const ms = performance.now() - started
        if (ms > slowest.ms) Object.assign(slowest, {ms, sample: text.slice(0, 200)})
        const where = `mutation ${n} of ${seed.path}`
        if (result.error) {
          expect({where, error: result.error}).toEqual({
            where,
            error: expect.stringMatching(
              new RegExp(`^${seed.path.replace(/\./g, '\\.')}(:\\d+)*: `)
            )
          })
          expect({where, error: result.error}).not.toEqual({
            where,
            error: expect.stringContaining('internal error')
          })
          expect(result.packages).toEqual([])
        }
        for (const pkg of result.packages) {
          const parsed = PackageSchema.safeParse(pkg)
          expect({where, pkg, ok: parsed.success}).toEqual({where, pkg, ok: true})
        }
        if (text.includes(CREDENTIAL)) {
          for (const message of [result.error ?? '', ...result.warnings])
            expect({where, message}).not.toEqual({where, message: expect.stringContaining(TOKEN)})
        }
      }
      expect(slowest.ms).toBeLessThan(FILE_BUDGET_MS)
    })
  }
})
