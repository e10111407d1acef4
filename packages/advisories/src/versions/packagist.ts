import type {VersionScheme} from './scheme'
import {compareDigits} from './scheme'

/**
 * Packagist: Composer normalizes a version (composer/semver `VersionParser::normalize`) and then
 * orders it with PHP's `version_compare`. Both are hand-written here because no npm library
 * implements them. Stability order: dev < alpha = a < beta = b < RC = rc < (release) < patch = pl = p.
 */
const MODIFIER = '[._-]?(?:(stable|beta|b|RC|rc|alpha|a|patch|pl|p)((?:[.-]?\\d+)*)?)?([.-]?dev)?'
const CLASSICAL = new RegExp(`^v?(\\d{1,5})(\\.\\d+)?(\\.\\d+)?(\\.\\d+)?${MODIFIER}$`, 'i')
const DATE = new RegExp(`^v?(\\d{4}(?:[.:-]?\\d{2}){1,6}(?:[.:-]?\\d{1,3}){0,2})${MODIFIER}$`, 'i')

/** composer/semver `VersionParser::normalize` for the version forms advisories and lockfiles use. */
export function normalizeComposerVersion(input: string): string | null {
  let version = input.trim().replace(/@(stable|rc|beta|alpha|dev)$/i, '')
  version = version.replace(/\+.*$/, '') // build metadata
  if (/^(?:dev-)?(?:master|trunk|default)$/i.test(version))
    return 'dev-' + version.replace(/^dev-/i, '')
  if (/^dev-/i.test(version)) return 'dev-' + version.slice(4)
  let m = CLASSICAL.exec(version)
  let numeric: string
  let index: number
  if (m) {
    numeric = [m[1], m[2] ?? '.0', m[3] ?? '.0', m[4] ?? '.0'].join('')
    index = 5
  } else {
    m = DATE.exec(version)
    if (!m) {
      const branch = /^(.*?)[.-]?dev$/i.exec(version)
      return branch ? normalizeBranch(branch[1]!) : null
    }
    numeric = m[1]!.replace(/\D/g, '.')
    index = 2
  }
  const stability = m[index]
  if (stability !== undefined && stability.toLowerCase() !== 'stable') {
    numeric += `-${expandStability(stability)}${(m[index + 1] ?? '').replace(/^[.-]/, '')}`
  }
  if (m[index + 2]) numeric += '-dev'
  return numeric
}

function normalizeBranch(name: string): string | null {
  const m = /^v?(\d+)(\.(?:\d+|[xX*]))?(\.(?:\d+|[xX*]))?(\.(?:\d+|[xX*]))?$/.exec(name)
  if (!m) return null
  const parts = [m[1], m[2], m[3], m[4]].map(p => (p === undefined ? '.x' : p))
  return (parts.join('').replace(/[xX*]/g, '9999999') + '-dev').replace(/^\./, '')
}

function expandStability(s: string): string {
  const lower = s.toLowerCase()
  if (lower === 'a') return 'alpha'
  if (lower === 'b') return 'beta'
  if (lower === 'p' || lower === 'pl') return 'patch'
  if (lower === 'rc') return 'RC'
  return lower
}

/** PHP's php_canonicalize_version: `-`, `_`, `+` become `.`, and a `.` goes between digits and letters. */
function canonicalize(version: string): string[] {
  let out = version[0] ?? ''
  const isDigit = (c: string): boolean => c >= '0' && c <= '9'
  const isSpecial = (c: string): boolean => c === '-' || c === '_' || c === '+'
  for (let i = 1; i < version.length; i++) {
    const c = version[i]!
    const prev = version[i - 1]!
    if (isSpecial(c) || !/[0-9A-Za-z.]/.test(c)) {
      if (!out.endsWith('.')) out += '.'
    } else if (c !== '.' && prev !== '.' && isDigit(prev) !== isDigit(c)) {
      if (!out.endsWith('.')) out += '.'
      out += c
    } else {
      out += c
    }
  }
  return out.split('.').filter(p => p !== '')
}

/** PHP's special forms, matched by prefix like `compare_special_version_forms`; "#" stands for a number. */
const SPECIAL_FORMS: Array<[string, number]> = [
  ['dev', 0],
  ['alpha', 1],
  ['a', 1],
  ['beta', 2],
  ['b', 2],
  ['RC', 3],
  ['rc', 3],
  ['#', 4],
  ['pl', 5],
  ['p', 5]
]

function specialForm(part: string): number {
  for (const [name, rank] of SPECIAL_FORMS) if (part.startsWith(name)) return rank
  return -1
}

const NUMBER = '#N#'

/** PHP `version_compare` on two version strings. */
export function phpVersionCompare(a: string, b: string): number {
  const x = canonicalize(a)
  const y = canonicalize(b)
  const n = Math.min(x.length, y.length)
  for (let i = 0; i < n; i++) {
    const d = comparePart(x[i]!, y[i]!)
    if (d) return d
  }
  if (x.length > n) return /^\d/.test(x[n]!) ? 1 : comparePart(x[n]!, NUMBER)
  if (y.length > n) return /^\d/.test(y[n]!) ? -1 : comparePart(NUMBER, y[n]!)
  return 0
}

function comparePart(l: string, r: string): number {
  const ld = /^\d+$/.test(l)
  const rd = /^\d+$/.test(r)
  if (ld && rd) return Math.sign(compareDigits(l, r))
  const fl = ld ? specialForm(NUMBER) : specialForm(l)
  const fr = rd ? specialForm(NUMBER) : specialForm(r)
  return Math.sign(fl - fr)
}

export const packagistScheme: VersionScheme = {
  ecosystem: 'Packagist',
  isValid: version => normalizeComposerVersion(version) !== null,
  compare: (a, b) =>
    phpVersionCompare(normalizeComposerVersion(a) ?? a, normalizeComposerVersion(b) ?? b),
  // Composer package names are case-insensitive (lower-cased on Packagist).
  normalizeName: name => name.toLowerCase()
}
