import type {Check, CheckResult} from './check'

/** What the engine runs: a built-in `Check` or a custom policy (which has no embedded examples). */
export type RunnableCheck<D = unknown> = Omit<Check<D>, 'fail' | 'pass'>

/** One check result that survived suppression, with where it was found. */
export interface Emitted {
  check: RunnableCheck
  result: CheckResult
  path: string
}

export interface CheckRun {
  check: RunnableCheck
  results: CheckResult[]
}

/** What a platform's document model records about the object a check last read (a resource address). */
export interface SubjectTracker {
  subject: string | undefined
}

/**
 * Runs every check of the document's platform. A check that throws is reported through `onError`
 * with the object it was reading (when the model tracks one) and the other checks still run.
 */
export function runChecks(
  doc: unknown,
  checks: RunnableCheck[],
  onError: (check: RunnableCheck, error: unknown, subject: string | undefined) => void,
  tracker?: SubjectTracker
): CheckRun[] {
  const runs: CheckRun[] = []
  for (const check of checks) {
    if (tracker) tracker.subject = undefined
    try {
      runs.push({check, results: check.run(doc)})
    } catch (error) {
      onError(check, error, tracker?.subject)
    }
  }
  return runs
}

/** Drops configured check ids (case-insensitive; aliases count too). */
export function selectChecks(checks: RunnableCheck[], skip: string[]): RunnableCheck[] {
  const skipped = new Set(skip.map(s => s.toLowerCase()))
  return checks.filter(c => ![c.id, ...(c.aliases ?? [])].some(id => skipped.has(id.toLowerCase())))
}
