import semver, {SemVer} from 'semver'

/**
 * node-semver parse that also accepts the short forms advisories use ("1.0", "2", a leading "v"):
 * they mean the same as the zero-padded version. Pre-release and build parts are kept.
 */
export function parseSemver(version: string): SemVer | null {
  let parsed = CACHE.get(version)
  if (parsed === undefined) {
    if (CACHE.size >= CACHE_LIMIT) CACHE.clear()
    parsed = parseUncached(version)
    CACHE.set(version, parsed)
  }
  return parsed
}

/** Matching compares the same few thousand version strings over and over: parse each once. */
const CACHE = new Map<string, SemVer | null>()
const CACHE_LIMIT = 50_000

function parseUncached(version: string): SemVer | null {
  const strict = semver.parse(version)
  if (strict) return strict
  const m = /^[vV]?(\d+)(?:\.(\d+))?(?:\.(\d+))?(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?$/.exec(
    version.trim()
  )
  if (!m) return null
  return semver.parse(`${m[1]}.${m[2] ?? '0'}.${m[3] ?? '0'}${m[4] ?? ''}${m[5] ?? ''}`)
}

/** semver precedence (build metadata ignored); invalid versions sort below valid ones, then by text. */
export function compareSemver(a: string, b: string, withBuild = false): number {
  const x = parseSemver(a)
  const y = parseSemver(b)
  if (x && y) return x.compare(y) || (withBuild ? x.compareBuild(y) : 0)
  if (x) return 1
  if (y) return -1
  return a < b ? -1 : a > b ? 1 : 0
}
