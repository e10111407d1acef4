import {ConfigError} from '@pipeguard/core'
import {fetchRangeCommits} from './fetch-range'
import {LOG_FORMAT, type AddedText} from './git-patch'
import {PLAIN_PATCH_FLAGS, git, requireGitRepo, streamPatches} from './git-run'

export interface HistoryStats {
  commits: number
  shallow: boolean
  /** Git fetches run to bring the range's missing commits from origin. */
  fetches: number
}

/**
 * Every line added by every commit reachable from any ref (`history === true`) or in a range
 * (`base..head`), oldest first. A secret added and later removed is still seen in the commit
 * that added it. Merge commits show no patch of their own, as in gitleaks' `git log -p`.
 * `fetchMissing` (the action on a shallow checkout) fetches a range's missing commits from origin.
 */
export async function scanHistory(
  root: string,
  history: true | string,
  onAdded: (added: AddedText) => void,
  fetchMissing = false
): Promise<HistoryStats> {
  await requireGitRepo(root, '--history')
  let fetches = 0
  if (fetchMissing && history !== true) {
    const ends = parseHistoryRange(history).ends
    if (ends.length === 2) fetches = (await fetchRangeCommits(root, ends[0]!, ends[1]!)).fetches
  }
  const shallow = (await git(root, ['rev-parse', '--is-shallow-repository'])).trim() === 'true'
  const revisions = history === true ? ['--all'] : [history]
  if (history !== true) await checkEnds(root, history, shallow)
  const commits = Number((await git(root, ['rev-list', '--count', ...revisions, '--'])).trim())
  if (commits === 0)
    throw new ConfigError(
      history === true
        ? `--history: the repository at ${root} has no commits`
        : `--history range "${history}" contains no commits (an empty or inverted range): ` +
            'expected BASE..HEAD where HEAD has commits that BASE does not'
    )
  await streamPatches(
    root,
    ['log', ...PLAIN_PATCH_FLAGS, '--reverse', `--format=${LOG_FORMAT}`, ...revisions, '--'],
    onAdded
  )
  return {commits, shallow, fetches}
}

/** The forms `--history=…` accepts: a commit (its whole ancestry) or BASE..HEAD / BASE...HEAD. */
export interface HistoryRange {
  ends: string[]
}

const RANGE_FORMS = 'expected BASE..HEAD, BASE...HEAD or one commit'

/**
 * Parses a `--history` range. Both ends must be written out: git reads an empty end as HEAD, so
 * `..HEAD` means HEAD..HEAD, a range that can never hold a commit.
 */
export function parseHistoryRange(range: string): HistoryRange {
  const fail = (why: string): never => {
    throw new ConfigError(`--history range "${range}": ${why}; ${RANGE_FORMS}`)
  }
  if (range === '') fail('empty')
  if (range.startsWith('-')) fail('starts with "-"')
  if (/\s/.test(range)) fail('contains white space')
  const dots = /\.{2,}/g
  const found = [...range.matchAll(dots)]
  if (found.length === 0) return {ends: [range]}
  if (found.length > 1 || found[0]![0].length > 3) fail('more than one ".." or "..."')
  const at = found[0]!.index
  const base = range.slice(0, at)
  const head = range.slice(at + found[0]![0].length)
  if (!base) fail('the base is missing (git would read it as HEAD: an empty range)')
  if (!head) fail('the head is missing')
  return {ends: [base, head]}
}

/**
 * A range must name commits of this repository: a missing end (shallow checkout) fails loudly,
 * never passes as "no findings". A base that is not an ancestor of the head is fine: a pull
 * request's base branch moves on, and `base..head` still lists exactly the PR's own commits.
 */
async function checkEnds(root: string, range: string, shallow: boolean): Promise<void> {
  for (const end of parseHistoryRange(range).ends) {
    try {
      await git(root, ['rev-parse', '--verify', '--quiet', `${end}^{commit}`])
    } catch {
      const hint = shallow
        ? ' The clone is shallow: fetch the history (actions/checkout with fetch-depth: 0).'
        : ''
      throw new ConfigError(
        `--history range "${range}": commit "${end}" is not in this repository.${hint}`
      )
    }
  }
}
