import {spawnSync} from 'node:child_process'
import {cpSync, readFileSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {afterAll, describe, expect, it} from '@jest/globals'
import {codeTexts, githubMarkdown, linkTargets} from './helpers/github-markdown'
import {seededRandom} from './helpers/seeded-random'
import {makeWorkspace, removeWorkspace} from './helpers/workspace'

const repo = join(import.meta.dirname, '..')
const cli = join(repo, 'dist', 'cli.js')
const osv = join(repo, 'test', 'fixtures', 'advisories', 'osv')
const golden = join(repo, 'test', 'fixtures', 'render', 'golden')

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'

/** The same fake webhook on every run, so the golden output is stable; never a real one. */
function fakeSlackWebhook(): string {
  const next = seededRandom(20)
  const pick = (n: number, alphabet: string) =>
    Array.from({length: n}, () => alphabet[Math.floor(next() * alphabet.length)]).join('')
  const upper = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'
  return `https://hooks.slack.com/services/T${pick(8, upper)}/B${pick(10, upper)}/${pick(24, ALNUM)}`
}

const webhook = fakeSlackWebhook()
const root = makeWorkspace({'.env': `SLACK_WEBHOOK=${webhook}\n`})
cpSync(join(repo, 'test', 'fixtures', 'render', 'mixed'), root, {recursive: true})
afterAll(() => removeWorkspace(root))

function scan(...args: string[]): string {
  const result = spawnSync(
    process.execPath,
    [cli, 'scan', '.', '--advisory-db', osv, '--fail-on', 'critical', ...args],
    {cwd: root, encoding: 'utf8', env: {...process.env, NO_COLOR: '1'}}
  )
  expect(result.stderr).toBe('')
  expect(result.status).toBe(0)
  // Timings and the checkout's place vary from run to run.
  return result.stdout.replaceAll(osv, '<osv>').replace(/\d+ ms\b/g, 'N ms')
}

/** Compares with the committed file; UPDATE_GOLDEN=1 rewrites it (read the diff). */
function expectGolden(name: string, actual: string): void {
  const file = join(golden, name)
  if (process.env.UPDATE_GOLDEN === '1') writeFileSync(file, actual)
  expect(actual).toBe(readFileSync(file, 'utf8'))
}

describe('golden reports of a mixed sample (secret, django 3.2.0, Dockerfile)', () => {
  it('markdown: one django row fixed by 3.2.25, linked advisories, copy-pasteable hints', () => {
    const markdown = scan('--format', 'markdown')
    expectGolden('report.md', markdown)
    const html = githubMarkdown().render(markdown)
    // The fix hint's code is the raw text a reader pastes.
    expect(codeTexts(html)).toContain('FROM node:20.18-alpine@sha256:...')
    expect(markdown).not.toContain(webhook)
    expect(markdown).toContain('Upgrade django to 3.2.25.')
    const links = linkTargets(html)
    expect(links.filter(l => l.startsWith('https://osv.dev/vulnerability/PYSEC-'))).toHaveLength(10)
    expect(links).toContain('https://osv.dev/list?ecosystem=PyPI&q=django')
    expect(markdown.match(/requirements\.txt:1/g)).toHaveLength(1)
  })

  it('table: grouped by file, one line per finding, the fix under it with --verbose', () => {
    const table = scan('--verbose')
    expectGolden('report.txt', table)
    expect(table).not.toContain(webhook)
    expect(table).toContain('https://hooks.slack.com/services/T')
    expect(table).toContain('django 3.2.0: 25 advisories (fixed in 3.2.25)')
  })

  it('table: --show hides less severe findings but the gate and the totals count them', () => {
    const all = scan()
    const high = scan('--show', 'high')
    expect(all).not.toContain('fix:')
    expect(all).toContain('--verbose shows how to fix each finding.')
    expect(high).toMatch(/\d+ finding\(s\) below high not shown \(--show\); the gate counts them\./)
    expect(high.split('\n').at(-2)).toBe(all.split('\n').at(-2))
  })
})
