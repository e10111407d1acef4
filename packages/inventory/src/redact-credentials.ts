/**
 * Credentials a lockfile or manifest line can carry, masked before any of its text reaches a
 * message: URL userinfo (`https://user:token@registry`), auth settings (`_authToken=...`,
 * `password: ...`), token query parameters and well-known token formats (`ghp_...`, `npm_...`).
 */
const PATTERNS: ReadonlyArray<[RegExp, string]> = [
  [/([a-z][a-z0-9+.-]*:\/\/)[^\s/@'"]+@/gi, '$1****@'],
  [
    /(\b_?(?:authToken|auth|password|passwd|token|secret|api[_-]?key)\b["']?\s*[:=]\s*["']?)[^\s"',;&]+/gi,
    '$1****'
  ],
  [/([?&;](?:access_token|token|auth|key|sig|signature|password)=)[^&\s"']+/gi, '$1****'],
  [/\b(gh[pousr]_|github_pat_|npm_|glpat-|xox[abpr]-|pypi-|AKIA)[A-Za-z0-9_-]{8,}/g, '$1****']
]

export function redactCredentials(text: string): string {
  let out = text
  for (const [pattern, replacement] of PATTERNS) out = out.replace(pattern, replacement)
  return out
}

/** At most `max` characters of a line, credentials masked: what an error may quote of a file. */
export function excerpt(text: string, max = 40): string {
  const clean = redactCredentials(text)
  return clean.length > max ? `${clean.slice(0, max - 1)}…` : clean
}
