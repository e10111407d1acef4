/** Names under which people keep credentials (`DB_PASSWORD`, `GITHUB_TOKEN`, `AWS_SECRET_ACCESS_KEY`). */
const SECRET_NAME =
  /(passw(or)?d|passwd|secret|token|api[_-]?key|apikey|private[_-]?key|access[_-]?key|credential|auth[_-]?key|client[_-]?secret)/i
/** Names that merely point at a secret kept elsewhere. */
const REFERENCE_NAME = /(_FILE|_PATH|_DIR|_URL|_ENDPOINT|_NAME|_ID|_LENGTH|_TTL|_EXPIRY|_TIMEOUT)$/i

export function isSecretName(name: string): boolean {
  return SECRET_NAME.test(name) && !REFERENCE_NAME.test(name)
}

/**
 * A literal that looks like a real value rather than an indirection (`${VAR}`, `$(VAR)`,
 * `{{ }}`), an empty string, a boolean or an obvious placeholder.
 */
export function isLiteralSecretValue(value: string): boolean {
  const v = value.trim()
  if (v.length < 4) return false
  if (
    /^(true|false|yes|no|null|none|changeme|change-me|placeholder|example|redacted|\*+|x+)$/i.test(
      v
    )
  )
    return false
  if (/\$\{|\$\(|\{\{|^\$[A-Za-z_]|^<.*>$/.test(v)) return false
  return true
}
