/** What an allowlist regex is tested against (gitleaks' `regexTarget`). */
export type RegexTarget = 'secret' | 'match' | 'line'

/**
 * gitleaks' allowlist model: with `OR` (default) any one matching criterion allows the finding;
 * with `AND` every criterion that is set must match.
 */
export interface Allowlist {
  description?: string
  condition: 'OR' | 'AND'
  regexTarget: RegexTarget
  regexes: Array<(text: string) => boolean>
  paths: Array<(path: string) => boolean>
  commits: string[]
  /** Lower-case; a secret containing one is allowed. */
  stopwords: string[]
  /** Global allowlists only: the rules it applies to (all when absent). */
  targetRules?: string[]
}

export interface AllowlistSubject {
  secret: string
  match: string
  line: string
  path: string
  commit?: string
}

export function isAllowed(allowlist: Allowlist, subject: AllowlistSubject): boolean {
  const checks: boolean[] = []
  if (allowlist.commits.length)
    checks.push(subject.commit !== undefined && allowlist.commits.includes(subject.commit))
  if (allowlist.paths.length) checks.push(allowlist.paths.some(test => test(subject.path)))
  if (allowlist.regexes.length) {
    const target =
      allowlist.regexTarget === 'secret'
        ? subject.secret
        : allowlist.regexTarget === 'match'
          ? subject.match
          : subject.line
    checks.push(allowlist.regexes.some(test => test(target)))
  }
  if (allowlist.stopwords.length) {
    const lower = subject.secret.toLowerCase()
    checks.push(allowlist.stopwords.some(word => lower.includes(word)))
  }
  if (checks.length === 0) return false
  return allowlist.condition === 'AND' ? checks.every(Boolean) : checks.some(Boolean)
}

/**
 * True when the allowlist excludes the whole file whatever is found in it: an `OR` list with a
 * matching path, or an `AND` list whose only criterion is paths. Lets the detector skip the rule.
 */
export function allowsWholePath(allowlist: Allowlist, path: string, commit?: string): boolean {
  if (allowlist.condition === 'OR') {
    if (allowlist.paths.some(test => test(path))) return true
    return commit !== undefined && allowlist.commits.includes(commit)
  }
  const onlyPathsAndCommits = allowlist.regexes.length === 0 && allowlist.stopwords.length === 0
  if (!onlyPathsAndCommits) return false
  const pathOk = allowlist.paths.length === 0 || allowlist.paths.some(test => test(path))
  const commitOk =
    allowlist.commits.length === 0 || (commit !== undefined && allowlist.commits.includes(commit))
  return pathOk && commitOk && (allowlist.paths.length > 0 || allowlist.commits.length > 0)
}
