import type {VersionScheme} from './scheme'
import {compareDigits, fallbackCompare} from './scheme'

/**
 * RubyGems `Gem::Version` (rubygems/version.rb), hand-written because no npm library implements
 * it. A version is split into numeric and letter segments (`1.0.0.rc1` → 1,0,0,"rc",1); any letter
 * makes it a pre-release; `-` means `.pre.`. Comparison pads the shorter side with 0 and orders
 * a letter segment below a number, letters against letters by byte order; trailing zeros in the
 * numeric and the pre-release parts do not count (`canonical_segments`).
 */
const PATTERN = /^\s*[0-9]+(?:\.[0-9a-zA-Z]+)*(?:-[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?\s*$/

/** Digit runs stay strings so that numbers of any length compare exactly. */
type Segment = string

function segments(version: string): Segment[] {
  return canonical(
    version
      .trim()
      .replace(/-/g, '.pre.')
      .match(/[0-9]+|[a-z]+/gi) ?? []
  )
}

/** Drops trailing zeros of the release part and of the pre-release part, like `canonical_segments`. */
function canonical(parts: Segment[]): Segment[] {
  const firstLetter = parts.findIndex(p => !isNumber(p))
  const release = firstLetter === -1 ? parts : parts.slice(0, firstLetter)
  const pre = firstLetter === -1 ? [] : parts.slice(firstLetter)
  return [...dropTrailingZeros(release), ...dropTrailingZeros(pre)]
}

function dropTrailingZeros(parts: Segment[]): Segment[] {
  let end = parts.length
  while (end > 0 && isZero(parts[end - 1]!)) end--
  return parts.slice(0, end)
}

const isZero = (s: Segment): boolean => /^0+$/.test(s)
const isNumber = (s: Segment): boolean => /^\d+$/.test(s)

export function compareGemVersions(a: string, b: string): number {
  const x = segments(a)
  const y = segments(b)
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const l = x[i] ?? '0'
    const r = y[i] ?? '0'
    if (l === r) continue
    const ln = isNumber(l)
    const rn = isNumber(r)
    if (ln && rn) {
      const d = compareDigits(l, r)
      if (d) return d
      continue
    }
    if (!ln && rn) return -1
    if (ln && !rn) return 1
    return l < r ? -1 : 1
  }
  return 0
}

export const rubygemsScheme: VersionScheme = {
  ecosystem: 'RubyGems',
  isValid: version => PATTERN.test(version),
  compare: (a, b) => {
    const va = PATTERN.test(a)
    const vb = PATTERN.test(b)
    if (va && vb) return compareGemVersions(a, b)
    if (va) return 1
    if (vb) return -1
    return fallbackCompare(a, b)
  },
  // Gem names are case-sensitive on rubygems.org.
  normalizeName: name => name
}
