import semver from 'semver'

/**
 * The semver range a declared dependency allows, or undefined for specs that are not ranges
 * (git, file, URL, tag): those pin something this planner cannot reason about. An `npm:` alias
 * contributes its inner range.
 */
export function semverRange(spec: string): string | undefined {
  let range = spec.trim()
  if (range.startsWith('npm:')) {
    const inner = range.slice(4)
    const at = inner.indexOf('@', 1)
    range = at === -1 ? '*' : inner.slice(at + 1)
  }
  if (range === '' || range === 'latest') return '*'
  return semver.validRange(range) === null ? undefined : range
}

/** A spec satisfied by `version` (a non-range spec never is). */
export function allows(spec: string, version: string): boolean {
  const range = semverRange(spec)
  return range !== undefined && semver.satisfies(version, range)
}
