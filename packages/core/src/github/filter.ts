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
    const {path, startLine, endLine} = finding.location
    if (touches(path, startLine, endLine)) return true
    // A removal inside the finding's resource (a dropped `securityContext:`) creates findings on
    // lines the PR did not touch. Only removals count: a line added elsewhere in a resource does
    // not make its older findings this PR's doing.
    if (finding.block && removedWithin(path, finding.block.startLine, finding.block.endLine))
      return true
    // A change to where its value comes from (a variable default, a tfvars line) changes it.
    return (finding.valueOrigins ?? []).some(
      o => touches(o.path, o.startLine, o.endLine) || removedWithin(o.path, o.startLine, o.endLine)
    )
  }

  function touches(path: string, start: number, end: number): boolean {
    const file = diff.files.get(repoFile(path))
    if (!file) return false
    if (mode === 'file' || file.wholeFile) return true
    if (mode === 'added') {
      for (let line = start; line <= end; line++) if (file.added.has(line)) return true
      return false
    }
    return file.hunks.some(h => h.start <= end && start <= h.end)
  }

  /** A removal right after the range's last line took away that range's last lines. */
  function removedWithin(path: string, start: number, end: number): boolean {
    const file = diff.files.get(repoFile(path))
    return file !== undefined && [...file.deleted].some(at => at > start && at <= end + 1)
  }
}
