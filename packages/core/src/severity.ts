import {z} from 'zod'

export const SEVERITIES = ['critical', 'high', 'medium', 'low', 'info'] as const
export const SeveritySchema = z.enum(SEVERITIES)
export type Severity = z.infer<typeof SeveritySchema>

export const FailOnSchema = z.enum([...SEVERITIES, 'none'])
export type FailOn = z.infer<typeof FailOnSchema>

const RANK: Record<Severity, number> = {critical: 4, high: 3, medium: 2, low: 1, info: 0}

export function severityRank(severity: Severity): number {
  return RANK[severity]
}

/** Sorts most severe first. */
export function compareSeverity(a: Severity, b: Severity): number {
  return RANK[b] - RANK[a]
}

export function isAtOrAbove(severity: Severity, threshold: FailOn): boolean {
  if (threshold === 'none') return false
  return RANK[severity] >= RANK[threshold]
}

/** How every markdown report shows a severity. */
export const SEVERITY_ICON: Record<Severity, string> = {
  critical: '🟥',
  high: '🟧',
  medium: '🟨',
  low: '🟦',
  info: '⬜'
}

/** Count per severity, every severity present (zero when none). */
export function countBySeverity(
  items: ReadonlyArray<{severity: Severity}>
): Record<Severity, number> {
  const counts = Object.fromEntries(SEVERITIES.map(s => [s, 0])) as Record<Severity, number>
  for (const item of items) counts[item.severity]++
  return counts
}
