/**
 * The only form in which a secret may leave the scanner: the known public prefix plus at most
 * four characters, then asterisks (`ghp_Ab12****`).
 */
export function redact(secret: string, prefixLength = 0): string {
  const keep = Math.min(secret.length, prefixLength + 4, Math.floor(secret.length / 2))
  return `${secret.slice(0, Math.max(0, keep))}****`
}
