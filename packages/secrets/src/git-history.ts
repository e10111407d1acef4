import {ConfigError} from '@pipeguard/core'
import {LOG_FORMAT, type AddedText} from './git-patch'
import {PLAIN_PATCH_FLAGS, git, requireGitRepo, streamPatches} from './git-run'

export interface HistoryStats {
  commits: number
  shallow: boolean
}

/**
 * Every line added by every commit reachable from any ref (`history === true`) or in a range
 * (`base..head`), oldest first. A secret added and later removed is still seen in the commit
 * that added it. Merge commits show no patch of their own, as in gitleaks' `git log -p`.
 */
export async function scanHistory(
  root: string,
  history: true | string,
  onAdded: (added: AddedText) => void
): Promise<HistoryStats> {
  await requireGitRepo(root, '--history')
  const shallow = (await git(root, ['rev-parse', '--is-shallow-repository'])).trim() === 'true'
  const revisions = history === true ? ['--all'] : [history]
  if (history !== true) await checkRange(root, history, shallow)
  let commits = 0
  const seen = new Set<string>()
  await streamPatches(
    root,
    ['log', ...PLAIN_PATCH_FLAGS, '--reverse', `--format=${LOG_FORMAT}`, ...revisions, '--'],
    added => {
      if (added.commit && !seen.has(added.commit.sha)) {
        seen.add(added.commit.sha)
        commits++
      }
      onAdded(added)
    }
  )
  const total = Number((await git(root, ['rev-list', '--count', ...revisions, '--'])).trim())
  return {commits: Number.isFinite(total) ? total : commits, shallow}
}

/** A range whose ends are missing (shallow checkout) must fail loudly, never pass as "no findings". */
async function checkRange(root: string, range: string, shallow: boolean): Promise<void> {
  if (range.startsWith('-'))
    throw new ConfigError(`--history range "${range}" is not a revision range`)
  const ends = range.split(/\.{2,3}/).filter(Boolean)
  for (const end of ends) {
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
