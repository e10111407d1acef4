import semver from 'semver'
import type {VersionScheme} from './scheme'
import {compareSemver} from './semver-lenient'

/** npm: node-semver precedence, pre-releases below their release (semver.org §11). */
export const npmScheme: VersionScheme = {
  ecosystem: 'npm',
  isValid: version => semver.valid(version) !== null,
  compare: (a, b) => compareSemver(a, b),
  // npm package names are lower-case by rule; legacy mixed-case names are distinct packages.
  normalizeName: name => name
}
