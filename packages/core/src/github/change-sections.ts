import type {Finding} from '../finding'
import {findingChange} from '../finding-change'
import type {CommentSection} from './comment'
import type {RowContext} from './markdown'

/**
 * The comment sections of one scanner run. A run whose findings say what the pull request changed
 * (`properties.change`, or fixed ones in `resolved`) gets three sections: introduced (blocking
 * first), fixed, still present, each shown when not empty; any other run keeps its single section
 * of actionable findings.
 */
export function runCommentSections(input: {
  title: string
  /** The run's findings that are not ignored. */
  findings: Finding[]
  /** What the comment shows for a run without change information (new, in-scope findings). */
  actionable: Finding[]
  blocking: Set<Finding>
  resolved?: Finding[]
  /** Links for the fixed ones, which are locations on the base commit. */
  baseRows?: RowContext
}): CommentSection[] {
  const resolved = input.resolved ?? []
  const tracked = input.findings.some(f => findingChange(f) !== undefined)
  if (!tracked && resolved.length === 0) return [{title: input.title, findings: input.actionable}]
  const introduced = input.actionable.filter(f => findingChange(f) !== 'present')
  const blockingFirst = [
    ...introduced.filter(f => input.blocking.has(f)),
    ...introduced.filter(f => !input.blocking.has(f))
  ]
  const present = input.findings.filter(f => findingChange(f) === 'present')
  return [
    {
      title: `${input.title}: introduced by this pull request`,
      findings: blockingFirst,
      description: `${blockingFirst.filter(f => input.blocking.has(f)).length} of ${blockingFirst.length} block this pull request.`
    },
    {
      title: `${input.title}: fixed by this pull request`,
      findings: resolved,
      description:
        'On the base branch, gone with this pull request (locations are on the base branch).',
      counted: false,
      ...(input.baseRows ? {rows: input.baseRows} : {})
    },
    {
      title: `${input.title}: still present (already on the base branch)`,
      findings: present,
      description: 'Not changed by this pull request; they do not block it.'
    }
  ]
}
