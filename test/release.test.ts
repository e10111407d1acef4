import {spawnSync} from 'node:child_process'
import {
  appendFileSync,
  cpSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  symlinkSync,
  writeFileSync
} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from '@jest/globals'
import {git} from './helpers/workspace'
// @ts-expect-error: a plain .mjs script, no declarations
import {pipeguardPins, pinToRelease} from '../scripts/release-pins.mjs'

const repo = join(import.meta.dirname, '..')
// What the release rewrites, taken from this work tree (so the test covers uncommitted edits too).
const PINNED = ['README.md', 'docs', 'examples', 'scripts/release.mjs', 'scripts/release-pins.mjs']

let root: string
let origin: string
let work: string

/** `node scripts/release.mjs ...args` in the throwaway clone. */
function release(...args: string[]): {status: number | null; out: string} {
  const result = spawnSync('node', ['scripts/release.mjs', ...args], {
    cwd: work,
    encoding: 'utf8'
  })
  return {status: result.status, out: `${result.stdout}${result.stderr}`}
}

/** Every pin of pipeguard in README.md, docs/ and examples/ of a checkout. */
function pinsIn(dir: string): string[] {
  const files = ['README.md'].concat(
    ...['docs', 'examples'].map(sub =>
      readdirSync(join(dir, sub), {recursive: true, withFileTypes: true})
        .filter(e => e.isFile() && /\.(md|ya?ml)$/.test(e.name))
        .map(e => join(e.parentPath, e.name).slice(dir.length + 1))
    )
  )
  return files.flatMap(file => pipeguardPins(readFileSync(join(dir, file), 'utf8')) as string[])
}

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'pg-release-'))
  origin = join(root, 'origin.git')
  work = join(root, 'work')
  // A throwaway "GitHub": a bare clone of this repository, and a checkout of it to release from.
  git(root, 'clone', '--quiet', '--bare', repo, origin)
  git(root, 'clone', '--quiet', origin, work)
  const identity: Array<[string, string]> = [
    ['user.name', 'release-test'],
    ['user.email', 'release@example.com'],
    ['commit.gpgsign', 'false'],
    ['tag.gpgsign', 'false']
  ]
  for (const [key, value] of identity) git(work, 'config', key, value)
  for (const path of PINNED)
    cpSync(join(repo, path), join(work, path), {recursive: true, force: true})
  git(work, 'add', '-A')
  git(work, 'commit', '--quiet', '--allow-empty', '-m', 'the release script and docs under test')
  git(work, 'push', '--quiet', 'origin', 'HEAD')
  // The build needs the installed dependencies; a symlink is untracked, so keep it out of status.
  symlinkSync(join(repo, 'node_modules'), join(work, 'node_modules'))
  appendFileSync(join(work, '.git', 'info', 'exclude'), '/node_modules\n')
}, 120_000)
afterAll(() => rmSync(root, {recursive: true, force: true}))

describe('scripts/release.mjs refuses', () => {
  it.each([
    ['1.2', /is not a version X\.Y\.Z/],
    ['01.2.3', /is not a version X\.Y\.Z/],
    ['1.2.3-rc.1', /is not a version X\.Y\.Z/]
  ])('the version %s', (version, message) => {
    const result = release(version)
    expect(result).toMatchObject({status: 2})
    expect(result.out).toMatch(message)
    expect(git(work, 'tag', '--list')).toBe('')
  })

  it('a dirty work tree, naming the file', () => {
    writeFileSync(join(work, 'stray.txt'), 'not committed\n')
    const result = release('1.0.0')
    rmSync(join(work, 'stray.txt'))
    expect(result.status).toBe(2)
    expect(result.out).toContain('?? stray.txt')
    expect(git(work, 'tag', '--list')).toBe('')
  })

  it('no version, or an unknown option', () => {
    expect(release().status).toBe(2)
    expect(release('1.0.0', '--force').out).toContain("Unknown option '--force'")
  })
})

describe('scripts/release.mjs in a throwaway clone', () => {
  let first: string

  it('commits the versions and dist/, tags vX.Y.Z and vX, re-pins docs and examples, and pushes with --push', () => {
    const before = pinsIn(work)
    expect(before.length).toBeGreaterThanOrEqual(8)
    const result = release('1.4.0', '--push')
    expect(result.out).toContain('released v1.4.0')
    expect(result.status).toBe(0)

    first = git(origin, 'rev-parse', 'v1.4.0^{commit}')
    expect(git(origin, 'rev-parse', 'v1^{commit}')).toBe(first)
    expect(git(origin, 'log', '-1', '--format=%s', first)).toBe('Release v1.4.0')
    expect(JSON.parse(git(origin, 'show', `${first}:package.json`)).version).toBe('1.4.0')
    expect(JSON.parse(git(origin, 'show', `${first}:packages/cli/package.json`))).toMatchObject({
      version: '1.4.0',
      dependencies: {'@pipeguard/core': '1.4.0'}
    })
    const lock = JSON.parse(git(origin, 'show', `${first}:package-lock.json`))
    expect(lock.packages['packages/core'].version).toBe('1.4.0')
    expect(git(origin, 'show', `${first}:packages/core/src/version.ts`)).toContain(
      "export const VERSION = '1.4.0'"
    )
    expect(git(origin, 'ls-tree', '--name-only', first, 'dist/')).toContain('dist/cli.js')

    // The branch tip pins every reference to the release commit, and nothing else.
    const branch = git(work, 'rev-parse', '--abbrev-ref', 'HEAD')
    expect(git(origin, 'rev-parse', `refs/heads/${branch}`)).toBe(git(work, 'rev-parse', 'HEAD'))
    const after = pinsIn(work)
    expect(after).toHaveLength(before.length)
    expect(new Set(after)).toEqual(new Set([`${first} # v1.4.0`, `${first} # frozen: v1.4.0`]))
    expect(readFileSync(join(work, 'examples/workflows/pr-gate.yml'), 'utf8')).toContain(
      `uses: pipeguard/pipeguard@${first} # v1.4.0\n`
    )
    expect(readFileSync(join(work, 'examples/workflows/org-scan-nightly.yml'), 'utf8')).toContain(
      `pipeguard-ref: ${first} # v1.4.0\n`
    )
    expect(git(work, 'status', '--porcelain')).toBe('')
  }, 120_000)

  it('a refused existing tag; the next release moves vX and keeps the old tag', () => {
    expect(release('1.4.0').out).toContain('the tag v1.4.0 exists already')
    const result = release('1.5.0')
    expect(result.status).toBe(0)
    expect(result.out).toContain('nothing pushed')
    const second = git(work, 'rev-parse', 'v1.5.0^{commit}')
    expect(git(work, 'rev-parse', 'v1^{commit}')).toBe(second)
    expect(git(work, 'rev-parse', 'v1.4.0^{commit}')).toBe(first)
    // Not pushed: the remote still has v1 at the first release.
    expect(git(origin, 'rev-parse', 'v1^{commit}')).toBe(first)
    expect(new Set(pinsIn(work))).toEqual(
      new Set([`${second} # v1.5.0`, `${second} # frozen: v1.5.0`])
    )
  }, 120_000)
})

describe('release pins', () => {
  const sha = 'a'.repeat(40)

  it('rewrites uses:, the pre-commit rev: and pipeguard-ref:, whatever they pinned before', () => {
    const text = [
      '      - uses: pipeguard/pipeguard@v0',
      '      - uses: pipeguard/pipeguard/actions/iac-lint@0123456789abcdef0123456789abcdef01234567 # v0.1.0',
      '- uses: pipeguard/pipeguard/actions/secret-scan@<sha> # v0.1.0',
      '  - repo: https://github.com/pipeguard/pipeguard',
      '    rev: v0                   # or a SHA',
      '      pipeguard-ref: v0'
    ].join('\n')
    expect(pinToRelease(text, {sha, version: '2.0.1'})).toBe(
      [
        `      - uses: pipeguard/pipeguard@${sha} # v2.0.1`,
        `      - uses: pipeguard/pipeguard/actions/iac-lint@${sha} # v2.0.1`,
        `- uses: pipeguard/pipeguard/actions/secret-scan@${sha} # v2.0.1`,
        '  - repo: https://github.com/pipeguard/pipeguard',
        `    rev: ${sha} # frozen: v2.0.1`,
        `      pipeguard-ref: ${sha} # v2.0.1`
      ].join('\n')
    )
  })

  it('leaves other actions and repositories alone', () => {
    const text = [
      '      - uses: actions/checkout@08c6903cd8c0fde910a37f88322edcfb5dd907a8 # v5.0.0',
      '      - uses: pipeguard/pipeguard-fork@v0',
      '  - repo: https://github.com/gitleaks/gitleaks',
      '    rev: v8.18.0'
    ].join('\n')
    expect(pinToRelease(text, {sha, version: '2.0.1'})).toBe(text)
  })

  it('docs and examples pin pipeguard only at its major tag or at the commit of a release tag', () => {
    const tags = git(repo, 'tag', '--list', 'v*.*.*').split('\n').filter(Boolean)
    for (const pin of pinsIn(repo)) {
      // The major tag, or the placeholder that shows the SHA form (rewritten by a release).
      if (/^v\d+$/.test(pin) || /^<sha> # v\d+\.\d+\.\d+$/.test(pin)) continue
      const m = /^([0-9a-f]{40}) # (?:frozen: )?(v\d+\.\d+\.\d+)$/.exec(pin)
      expect({pin, release: m && tags.includes(m[2]!)}).toEqual({pin, release: true})
      expect(git(repo, 'rev-parse', `${m![2]}^{commit}`)).toBe(m![1])
    }
  })
})
