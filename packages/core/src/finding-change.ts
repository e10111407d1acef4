import type {Finding} from './finding'

/**
 * What a pull request did to a problem, for scanners that compare the head with the base
 * themselves (the dependency audit): kept in `Finding.properties[CHANGE_PROPERTY]`. `fixed` ones
 * are never findings of the run; they travel in `ScanOutput.resolved`.
 */
export const CHANGE_PROPERTY = 'change'
export const FINDING_CHANGES = ['introduced', 'fixed', 'present'] as const
export type FindingChange = (typeof FINDING_CHANGES)[number]

export function findingChange(finding: Finding): FindingChange | undefined {
  const value = finding.properties?.[CHANGE_PROPERTY]
  return (FINDING_CHANGES as readonly string[]).includes(value ?? '')
    ? (value as FindingChange)
    : undefined
}

/** The same finding tagged with its change. */
export function withChange(finding: Finding, change: FindingChange): Finding {
  return {...finding, properties: {...finding.properties, [CHANGE_PROPERTY]: change}}
}
