/** The part of a GitHub event payload that says which commits a run is about. */
export interface EventPayload {
  pull_request?: {base?: {sha?: string}; head?: {sha?: string}}
  before?: string
  after?: string
}

const ZERO_SHA = /^0+$/

/**
 * The commit range a secret scan should cover for a workflow event: a pull request's own commits
 * (`base..head`, so a secret added and removed again inside the PR is still caught), or a push's
 * new commits. Undefined when the event names no range (schedule, dispatch): scan the tree.
 */
export function historyRangeForEvent(
  eventName: string | undefined,
  payload: EventPayload
): string | undefined {
  if (eventName === 'pull_request' || eventName === 'pull_request_target') {
    const base = payload.pull_request?.base?.sha
    const head = payload.pull_request?.head?.sha
    return base && head ? `${base}..${head}` : undefined
  }
  if (
    eventName === 'push' &&
    payload.before &&
    payload.after &&
    !ZERO_SHA.test(payload.before) &&
    !ZERO_SHA.test(payload.after)
  ) {
    return `${payload.before}..${payload.after}`
  }
  return undefined
}
