import type {PackageUpgrade} from '@pipeguard/core'
import {smallestFix, type PackageVersion} from './match'
import type {OsvRecord} from './osv-schema'

/** Ecosystems whose versions follow semver, where a 0.y release line breaks at every minor. */
const ZERO_MAJOR_BREAKS = new Set(['npm', 'crates.io', 'Pub', 'Hex'])

/**
 * The release line a version belongs to: upgrades within it are expected to be compatible.
 * The first number after any epoch (`1!2.0` → `1!2`); `0.y` in semver ecosystems, where the minor
 * is the breaking part.
 */
export function releaseLine(ecosystem: string, version: string): string {
  const epoch = /^(\d+)!/.exec(version)?.[1]
  const numbers = version.replace(/^\d+!/, '').match(/\d+/g) ?? []
  const major = (numbers[0] ?? '').replace(/^0+(?=\d)/, '')
  const line =
    major === '0' && ZERO_MAJOR_BREAKS.has(ecosystem) && numbers[1] !== undefined
      ? `0.${numbers[1].replace(/^0+(?=\d)/, '')}`
      : major
  return epoch ? `${epoch}!${line}` : line
}

/**
 * One upgrade for every advisory that affects one package version: the smallest release that
 * none of the records affects (so at or above each advisory's fix for the range the version is
 * in). `major` when that release leaves the current release line, `none` when no release fixes
 * them all.
 */
export function consolidatedUpgrade(
  records: OsvRecord[],
  pkg: PackageVersion,
  via: {direct: boolean; path: string[]}
): PackageUpgrade {
  const version = smallestFix(records, pkg)
  const kind =
    version === undefined
      ? 'none'
      : releaseLine(pkg.ecosystem, version) === releaseLine(pkg.ecosystem, pkg.version)
        ? 'fix'
        : 'major'
  return {
    kind,
    ...(version === undefined ? {} : {version}),
    text: upgradeText(kind, version, pkg, via)
  }
}

function upgradeText(
  kind: PackageUpgrade['kind'],
  version: string | undefined,
  pkg: PackageVersion,
  via: {direct: boolean; path: string[]}
): string {
  const parent = via.path[0] ?? pkg.name
  const through = via.direct
    ? ''
    : ` It comes in through ${via.path.join(' > ')}: upgrade ${parent} to a release that requires it, or pin ${pkg.name} with an override (npm overrides, yarn resolutions).`
  if (kind === 'none')
    return `No release of ${pkg.name} fixes every advisory yet: remove or replace ${pkg.name}, or ignore each advisory with a reason and an expiry date.${through}`
  const major =
    kind === 'major'
      ? ` (major upgrade needed: no ${releaseLine(pkg.ecosystem, pkg.version)}.x release fixes them all)`
      : ''
  return `Upgrade ${pkg.name} to ${version}${major}.${through}`
}
