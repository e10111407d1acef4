/**
 * Deterministic, random-looking example secrets for the rules' `truePositives`. The examples are built at
 * runtime from a seed so no complete token literal ever appears in our sources (code hosts' push
 * protection would flag it) and every example is format-valid with realistic entropy.
 */

export const HEX = '0123456789abcdef'
export const HEX_UPPER = '0123456789ABCDEF'
export const DIGITS = '0123456789'
export const LOWER = 'abcdefghijklmnopqrstuvwxyz'
export const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'
export const ALNUM = DIGITS + UPPER + LOWER
export const LOWER_ALNUM = DIGITS + LOWER
export const UPPER_ALNUM = DIGITS + UPPER
export const BASE64 = ALNUM + '+/'
export const BASE64URL = ALNUM + '-_'
export const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'
export const BECH32 = 'qpzry9x8gf2tvdw0s3jn54khce6mua7l'

function seedOf(text: string): number {
  // FNV-1a: a stable 32-bit seed from the label.
  let hash = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i)
    hash = Math.imul(hash, 0x01000193)
  }
  return hash >>> 0
}

/** `length` characters of `alphabet`, pseudo-random but fixed for a given `seed` label (mulberry32). */
export function fake(alphabet: string, length: number, seed: string): string {
  let state = seedOf(seed)
  let out = ''
  for (let i = 0; i < length; i++) {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    const r = ((t ^ (t >>> 14)) >>> 0) / 4294967296
    out += alphabet[Math.floor(r * alphabet.length)]
  }
  return out
}

/** A random-looking UUID (lower-case hex). */
export function fakeUuid(seed: string): string {
  const h = fake(HEX, 32, seed)
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20)}`
}

/** Base64url (no padding) of a string, for building JWT-shaped examples. */
export function base64url(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64url')
}

/** `text` folded into lines of `width` characters. */
export function fold(text: string, width = 64): string {
  const lines: string[] = []
  for (let i = 0; i < text.length; i += width) lines.push(text.slice(i, i + width))
  return lines.join('\n')
}
