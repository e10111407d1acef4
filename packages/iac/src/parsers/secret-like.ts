/** Names under which people keep credentials (`DB_PASSWORD`, `GITHUB_TOKEN`, `AWS_SECRET_ACCESS_KEY`). */
const SECRET_NAME =
  /(passw(or)?d|passwd|secret|token|api[_-]?key|apikey|private[_-]?key|access[_-]?key|credential|auth[_-]?key|client[_-]?secret)/i
/** Names that merely point at a secret kept elsewhere. */
const REFERENCE_NAME = /(_FILE|_PATH|_DIR|_URL|_ENDPOINT|_NAME|_ID|_LENGTH|_TTL|_EXPIRY|_TIMEOUT)$/i

export function isSecretName(name: string): boolean {
  return SECRET_NAME.test(name) && !REFERENCE_NAME.test(name)
}

/**
 * Values that stand for a secret kept elsewhere or still to be filled in: a Docker/Compose secret
 * file (`/run/secrets/db_password`), `yourpassword` / `your-api-key`, "replace with your key",
 * or an upper-case name such as `GOOGLE_API_KEY_VAL` (real secrets mix case or digits).
 */
function isPlaceholder(v: string): boolean {
  return (
    /^\/run\/secrets\//.test(v) ||
    /^your[\s_-]?[a-z]/i.test(v) ||
    /\b(replace|change|insert|put|enter|fill)\b.{0,20}\b(your|here|with|in)\b/i.test(v) ||
    /^[A-Z][A-Z0-9]*(_[A-Z0-9]+)+$/.test(v)
  )
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
  return !isPlaceholder(v)
}
