import semver from 'semver'
import type {VersionScheme} from './scheme'
import {compareSemver} from './semver-lenient'

/** crates.io: Cargo uses SemVer 2.0 precedence; build metadata does not order. */
export const cargoScheme: VersionScheme = {
  ecosystem: 'crates.io',
  isValid: version => semver.valid(version) !== null,
  compare: (a, b) => compareSemver(a, b),
  // crates.io treats names as case-insensitive and `-`/`_` as the same crate.
  normalizeName: name => name.toLowerCase().replace(/_/g, '-')
}
