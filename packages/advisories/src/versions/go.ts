import type {VersionScheme} from './scheme'
import {compareSemver, parseSemver} from './semver-lenient'

/**
 * Go modules: semver with a `v` prefix (golang.org/ref/mod#versions). `+incompatible` is build
 * metadata and does not order. Pseudo-versions (`v0.0.0-20191109021931-daa7c04131f5`,
 * `v1.2.4-0.2019...`) are pre-releases whose timestamp identifier orders them by time, which plain
 * semver precedence already does. The standard library's `go1.21.0` tags are accepted too.
 */
function toSemver(version: string): string {
  return version
    .trim()
    .replace(/^go(?=\d)/, '')
    .replace(/^v/, '')
}

export const goScheme: VersionScheme = {
  ecosystem: 'Go',
  isValid: version => /^v?\d/.test(version.trim()) && parseSemver(toSemver(version)) !== null,
  compare: (a, b) => compareSemver(toSemver(a), toSemver(b)),
  // Module paths are case-sensitive.
  normalizeName: name => name
}
