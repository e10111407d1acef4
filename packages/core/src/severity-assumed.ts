import type {Finding} from './finding'

/**
 * A severity the finding's own source did not give (an advisory without one: the configured
 * `deps.unknown-severity`, or the rating of an alias looked up by id). The property holds why,
 * e.g. "severity unknown, treated as high". The scanner also says it in the message (which every
 * format shows); severity cells add "(assumed)" so an assumed rating never reads as a measured one.
 */
export const SEVERITY_ASSUMED_PROPERTY = 'severityAssumed'

export function severityAssumed(finding: Finding): string | undefined {
  return finding.properties?.[SEVERITY_ASSUMED_PROPERTY] || undefined
}

/** The severity as report cells show it: `high`, or `high (assumed)`. */
export function severityLabel(finding: Finding): string {
  return severityAssumed(finding) ? `${finding.severity} (assumed)` : finding.severity
}
