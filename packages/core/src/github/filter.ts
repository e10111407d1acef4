import {z} from 'zod'
import type {Finding} from '../finding'
import {findingChange} from '../finding-change'
import type {PullRequestDiff} from './diff'

/** reviewdog's filter modes. */
export const FILTER_MODES = ['added', 'diff_context', 'file', 'nofilter'] as const
export const FilterModeSchema = z.enum(FILTER_MODES)
export type FilterMode = z.infer<typeof FilterModeSchema>

/**
 * The policy's `inScope` predicate for a diff: `added` keeps findings touching an added or changed
 * line, `diff_context` anything inside a hunk, `file` anything in a changed file; `nofilter` none.
 * `repoFile` maps the scanned root's paths to repository paths, as the diff names files.
 */
export function createScopeFilter(
  mode: FilterMode,
  diff: PullRequestDiff,
  repoFile: (path: string) => string = path => path
): ((finding: Finding) => boolean) | undefined {
  if (mode === 'nofilter') return undefined
  return finding => {
    // Found in one of the pull request's own commits (a history scan of base..head): the PR added
    // it, even when a later commit removed the line again and the final diff no longer shows it.
    if (finding.commit) return true
    // The scanner compared head with base itself (a dependency bump changes a lockfile line the
    // finding does not point at): its verdict is more precise than the changed lines.
    if (findingChange(finding) === 'introduced') return true
    const file = diff.files.get(repoFile(finding.location.path))
    if (!file) return false
    if (mode === 'file' || file.wholeFile) return true
    const {startLine, endLine} = finding.location
    if (mode === 'added') {
      for (let line = startLine; line <= endLine; line++) if (file.added.has(line)) return true
      return false
    }
    return file.hunks.some(h => h.start <= endLine && startLine <= h.end)
  }
}
