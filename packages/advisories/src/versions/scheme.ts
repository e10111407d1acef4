import type {Ecosystem} from '@pipeguard/inventory'

/** One ecosystem's version ordering and package-name identity. */
export interface VersionScheme {
  ecosystem: Ecosystem
  /** True when the ecosystem's own parser accepts the version. */
  isValid(version: string): boolean
  /** Negative, zero or positive like Array.prototype.sort; invalid versions still get a total order. */
  compare(a: string, b: string): number
  /** The name as the ecosystem identifies a package (PEP 503 for PyPI, case-folded where names are case-insensitive). */
  normalizeName(name: string): string
}

export const exactName = (name: string): string => name

/** Orders digit runs numerically and everything else by code unit: the last resort for unparsable versions. */
export function fallbackCompare(a: string, b: string): number {
  const pa = a.match(/\d+|\D+/g) ?? []
  const pb = b.match(/\d+|\D+/g) ?? []
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = pa[i]
    const y = pb[i]
    if (x === undefined) return -1
    if (y === undefined) return 1
    const nx = /^\d/.test(x)
    const ny = /^\d/.test(y)
    if (nx && ny) {
      const d = compareDigits(x, y)
      if (d) return d
    } else if (x !== y) {
      return x < y ? -1 : 1
    }
  }
  return 0
}

/** Compares two digit strings of any length numerically. */
export function compareDigits(a: string, b: string): number {
  const x = a.replace(/^0+(?=\d)/, '')
  const y = b.replace(/^0+(?=\d)/, '')
  if (x.length !== y.length) return x.length - y.length
  return x < y ? -1 : x > y ? 1 : 0
}
