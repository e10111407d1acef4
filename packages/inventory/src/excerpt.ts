import {redactCredentials} from '@pipeguard/core'

/**
 * At most `max` characters of a lockfile line for a message, credentials masked before it is cut
 * (a cut could otherwise leave part of a secret unrecognised).
 */
export function excerpt(text: string, max = 40): string {
  const clean = redactCredentials(text)
  return clean.length > max ? `${clean.slice(0, max - 1)}…` : clean
}
