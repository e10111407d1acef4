import semver from 'semver'
import type {VersionScheme} from './scheme'
import {compareSemver} from './semver-lenient'

/** Hex: Elixir's `Version` is SemVer 2.0; build metadata is ignored when comparing. */
export const hexScheme: VersionScheme = {
  ecosystem: 'Hex',
  isValid: version => semver.valid(version) !== null,
  compare: (a, b) => compareSemver(a, b),
  normalizeName: name => name
}
