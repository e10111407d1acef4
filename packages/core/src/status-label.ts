import type {Finding} from './finding'

/** The suppression of a finding whose fingerprint is in the baseline file. */
export const BASELINE_SUPPRESSION = 'in the baseline'

/** Where a finding that does not block comes from, in the same words in every output. */
export function statusLabel(f: Finding): string {
  switch (f.status) {
    case 'existing':
      return f.suppression === BASELINE_SUPPRESSION ? 'baseline' : 'on the base branch'
    case 'filtered':
      return 'outside the diff'
    case 'ignored':
      return 'ignored'
    default:
      return 'new'
  }
}

/** `existing` findings split by where they come from: the baseline file or the base branch. */
export function countExisting(findings: Finding[]): {baseline: number; baseBranch: number} {
  const existing = findings.filter(f => f.status === 'existing')
  const baseline = existing.filter(f => f.suppression === BASELINE_SUPPRESSION).length
  return {baseline, baseBranch: existing.length - baseline}
}

/** "2 in the baseline and 1 already on the base branch"; empty when there are none. */
export function existingText(findings: Finding[]): string {
  const {baseline, baseBranch} = countExisting(findings)
  return [
    baseline > 0 ? `${baseline} in the baseline` : '',
    baseBranch > 0 ? `${baseBranch} already on the base branch` : ''
  ]
    .filter(Boolean)
    .join(' and ')
}
