import semver from 'semver'
import type {VersionScheme} from './scheme'
import {compareSemver} from './semver-lenient'

/**
 * Pub: pub_semver orders like SemVer 2.0 except that build metadata counts: `1.0.0 < 1.0.0+1 <
 * 1.0.0+2` (pub_semver `Version.compareTo`). node-semver's compareBuild gives exactly that.
 */
export const pubScheme: VersionScheme = {
  ecosystem: 'Pub',
  isValid: version => semver.valid(version) !== null,
  compare: (a, b) => compareSemver(a, b, true),
  normalizeName: name => name
}
