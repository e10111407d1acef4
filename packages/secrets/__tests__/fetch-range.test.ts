import {mkdirSync, rmSync} from 'node:fs'
import {join} from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from '@jest/globals'
import {ConfigError} from '@pipeguard/core'
import {fetchRangeCommits, rangeComplete} from '../src/fetch-range'
import {git, initRepo, tempDir, writeFiles} from './helpers/scan'

describe('fetchRangeCommits: a pull request range in a shallow clone', () => {
  const dir = tempDir('fetch-range')
  const origin = join(dir, 'origin')
  let base = ''
  let head = ''
  const clone = (name: string): string => {
    const to = join(dir, name)
    git(dir, 'clone', '-q', '--depth', '1', '--branch', 'feature', `file://${origin}`, to)
    return to
  }

  beforeAll(() => {
    mkdirSync(origin)
    initRepo(origin)
    writeFiles(origin, {'README.md': '# app\n'})
    git(origin, 'add', '.')
    git(origin, 'commit', '-q', '-m', 'initial')
    base = git(origin, 'rev-parse', 'HEAD').trim()
    git(origin, 'checkout', '-q', '-b', 'feature')
    // More PR commits than the first deepen step: the fetch has to deepen more than once.
    for (let i = 0; i < 40; i++) {
      writeFiles(origin, {'notes.txt': `${i}\n`})
      git(origin, 'add', '.')
      git(origin, 'commit', '-q', '-m', `note ${i}`)
    }
    head = git(origin, 'rev-parse', 'HEAD').trim()
  })
  afterAll(() => rmSync(dir, {recursive: true, force: true}))

  it('deepens until every commit of base..head has its parent, in a bounded number of fetches', async () => {
    const root = clone('deepen')
    expect(await rangeComplete(root, base, head)).toBe(false)
    const {fetches} = await fetchRangeCommits(root, base, head)
    expect(await rangeComplete(root, base, head)).toBe(true)
    expect(fetches).toBeGreaterThan(1)
    expect(fetches).toBeLessThanOrEqual(4)
    expect(git(root, 'rev-list', '--count', `${base}..${head}`).trim()).toBe('40')
  })

  it('fetches nothing when the range is already complete', async () => {
    expect(await fetchRangeCommits(origin, base, head)).toEqual({fetches: 0})
  })

  it('a range origin does not have fails with a ConfigError naming the range', async () => {
    const root = clone('missing')
    const unknown = 'f'.repeat(40)
    const error = await fetchRangeCommits(root, unknown, head).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ConfigError)
    expect((error as Error).message).toContain(
      `the pull request's commits ${unknown}..${head} are not in the checkout and could not be fetched from origin`
    )
  })
})
