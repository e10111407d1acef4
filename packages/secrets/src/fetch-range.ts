import {readFileSync} from 'node:fs'
import {isAbsolute, join} from 'node:path'
import {ConfigError, errorMessage} from '@pipeguard/core'
import {git} from './git-run'

/** First `--deepen` step and how many doublings follow before the history is fetched whole. */
const FIRST_DEEPEN = 16
const DEEPEN_STEPS = 8

export interface RangeFetch {
  /** Git fetches run to complete the range (0: it was already complete). */
  fetches: number
}

/**
 * Makes every commit of a pull request's `base..head` present with its parent, so that each
 * commit's patch is exact: actions/checkout clones one commit deep by default, which holds
 * neither the PR's commits nor its base. Fetches both ends from `origin`, then deepens until
 * they meet (doubling, then unshallowing), as a bounded number of fetches. Throws a ConfigError
 * naming what is missing when the range cannot be completed: never a narrower scan in silence.
 */
export async function fetchRangeCommits(
  root: string,
  base: string,
  head: string
): Promise<RangeFetch> {
  let fetches = 0
  if (await rangeComplete(root, base, head)) return {fetches}
  const fetch = async (args: string[]): Promise<void> => {
    fetches++
    try {
      await git(root, [
        '-c',
        'protocol.version=2',
        'fetch',
        '--quiet',
        '--no-tags',
        '--no-recurse-submodules',
        ...args,
        'origin',
        base,
        head
      ])
    } catch (error) {
      throw new ConfigError(
        `the pull request's commits ${base}..${head} are not in the checkout and could not be ` +
          `fetched from origin (${firstLine(error)}): check out with \`fetch-depth: 0\``
      )
    }
  }
  const shallow = await isShallow(root)
  await fetch(shallow ? ['--depth=1'] : [])
  let deepen = FIRST_DEEPEN
  for (let step = 0; !(await rangeComplete(root, base, head)); step++) {
    if (!(await isShallow(root)) || step > DEEPEN_STEPS)
      throw new ConfigError(
        `the pull request's commits ${base}..${head} are incomplete in the checkout even after ` +
          `fetching from origin (no common ancestor): check out with \`fetch-depth: 0\``
      )
    await fetch(step === DEEPEN_STEPS ? ['--unshallow'] : [`--deepen=${deepen}`])
    deepen *= 2
  }
  return {fetches}
}

/**
 * Both ends are present, they share an ancestor, and no commit of the range is a shallow
 * boundary (one whose parent is missing would show its whole tree as added).
 */
export async function rangeComplete(root: string, base: string, head: string): Promise<boolean> {
  try {
    await git(root, ['cat-file', '-e', `${base}^{commit}`])
    await git(root, ['cat-file', '-e', `${head}^{commit}`])
    await git(root, ['merge-base', base, head])
  } catch {
    return false
  }
  const boundary = shallowCommits(root, await git(root, ['rev-parse', '--git-path', 'shallow']))
  if (boundary.size === 0) return true
  const commits = (await git(root, ['rev-list', `${base}..${head}`])).split('\n')
  return !commits.some(sha => boundary.has(sha.trim()))
}

async function isShallow(root: string): Promise<boolean> {
  return (await git(root, ['rev-parse', '--is-shallow-repository'])).trim() === 'true'
}

function shallowCommits(root: string, gitPathOutput: string): Set<string> {
  const path = gitPathOutput.trim()
  const file = isAbsolute(path) ? path : join(root, path)
  try {
    return new Set(readFileSync(file, 'utf8').split('\n').filter(Boolean))
  } catch {
    return new Set()
  }
}

function firstLine(error: unknown): string {
  const stderr = (error as {stderr?: unknown}).stderr
  const text = typeof stderr === 'string' && stderr.trim() ? stderr : errorMessage(error)
  return text.trim().split('\n')[0] ?? 'git fetch failed'
}
