import type {Check, CheckResult} from './check'

/** What the engine runs: a built-in `Check` or a custom policy (which has no embedded examples). */
export type RunnableCheck<D = unknown> = Omit<Check<D>, 'fail' | 'pass'>

export interface CheckRun {
  check: RunnableCheck
  results: CheckResult[]
}

/** Runs every check of the document's platform; one failing check is an error, not a crash. */
export function runChecks(
  doc: unknown,
  checks: RunnableCheck[],
  onError: (check: RunnableCheck, error: unknown) => void
): CheckRun[] {
  const runs: CheckRun[] = []
  for (const check of checks) {
    try {
      runs.push({check, results: check.run(doc)})
    } catch (error) {
      onError(check, error)
    }
  }
  return runs
}

/** Drops configured check ids (case-insensitive; aliases count too). */
export function selectChecks(checks: RunnableCheck[], skip: string[]): RunnableCheck[] {
  const skipped = new Set(skip.map(s => s.toLowerCase()))
  return checks.filter(c => ![c.id, ...(c.aliases ?? [])].some(id => skipped.has(id.toLowerCase())))
}
