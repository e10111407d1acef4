import type {VersionScheme} from './scheme'
import {compareDigits, fallbackCompare} from './scheme'

/**
 * NuGet (NuGet.Versioning `NuGetVersion`): SemVer 2.0 extended to four numeric parts
 * (1.0 = 1.0.0 = 1.0.0.0), pre-release labels compared case-insensitively, build metadata
 * ignored. Hand-written because node-semver allows neither the fourth part nor case folding.
 */
const PATTERN =
  /^\s*[vV]?(\d+)(?:\.(\d+))?(?:\.(\d+))?(?:\.(\d+))?(?:-([0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?(?:\+[0-9A-Za-z.-]*)?\s*$/

interface NuGetVersion {
  parts: string[]
  release: string[]
}

function parse(version: string): NuGetVersion | null {
  const m = PATTERN.exec(version)
  if (!m) return null
  return {
    parts: [m[1]!, m[2] ?? '0', m[3] ?? '0', m[4] ?? '0'],
    release: m[5] ? m[5].split('.') : []
  }
}

function compareLabels(a: string[], b: string[]): number {
  if (a.length === 0 || b.length === 0) return b.length - a.length // a release is above its pre-releases
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i]
    const y = b[i]
    if (x === undefined) return -1
    if (y === undefined) return 1
    const xn = /^\d+$/.test(x)
    const yn = /^\d+$/.test(y)
    if (xn && yn) {
      const d = compareDigits(x, y)
      if (d) return Math.sign(d)
    } else if (xn !== yn) {
      return xn ? -1 : 1
    } else {
      const lx = x.toLowerCase()
      const ly = y.toLowerCase()
      if (lx !== ly) return lx < ly ? -1 : 1
    }
  }
  return 0
}

export function compareNuGetVersions(a: string, b: string): number {
  const x = parse(a)
  const y = parse(b)
  if (!x || !y) return x ? 1 : y ? -1 : fallbackCompare(a, b)
  for (let i = 0; i < 4; i++) {
    const d = compareDigits(x.parts[i]!, y.parts[i]!)
    if (d) return Math.sign(d)
  }
  return compareLabels(x.release, y.release)
}

export const nugetScheme: VersionScheme = {
  ecosystem: 'NuGet',
  isValid: version => parse(version) !== null,
  compare: compareNuGetVersions,
  // NuGet package ids are case-insensitive.
  normalizeName: name => name.toLowerCase()
}
