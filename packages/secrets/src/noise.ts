import {createHash} from 'node:crypto'
import {shannonEntropy} from '@pipeguard/core'
import {isHumanChosen} from './human-chosen'

/**
 * Global noise control: values that look like secrets to a regex but are placeholders,
 * references to a secret store, hashes, identifiers or public material. Returns why a candidate is
 * noise, or undefined when it should be reported. Provider rules (precise formats) get the
 * placeholder checks; generic rules also get the shape checks, since a provider format may
 * legitimately be a UUID or 40 hex characters.
 */
export function noiseReason(
  secret: string,
  context: {generic: boolean; line: string; match: string}
): string | undefined {
  const placeholder = placeholderReason(secret)
  if (placeholder) return placeholder
  if (KNOWN_PUBLIC_SHA256.has(createHash('sha256').update(secret).digest('hex')))
    return 'published example credential'
  if (PUBLIC_MATERIAL.test(context.match) || PUBLIC_KEY_VALUE.test(secret))
    return 'public key material'
  if (!context.generic) return undefined
  return genericReason(secret, context.line, context.match)
}

/**
 * Credentials vendors publish for local emulators and docs, kept as SHA-256 so the values
 * themselves are not in our sources: the Azure Storage emulator (Azurite) account key.
 */
const KNOWN_PUBLIC_SHA256 = new Set([
  '0011cc25eb4320717494d2703e8cba85743e71b500283c21c8b88147992f9059'
])

/** Words that mark documentation values; AKIAIOSFODNN7EXAMPLE is AWS' own. */
const PLACEHOLDER_WORDS = [
  'example',
  'placeholder',
  'changeme',
  'change_me',
  'change-me',
  'your_',
  'your-',
  'yourkey',
  'yoursecret',
  'yourtoken',
  'dummy',
  'redacted',
  'replace_me',
  'replaceme',
  'replace-me',
  'insert_',
  'insert-',
  'sample',
  'notreal',
  'not_real',
  'not-a-real',
  'fake',
  'here_',
  '_here',
  '-here'
]

const PLACEHOLDER_PATTERNS: Array<[RegExp, string]> = [
  [/\$\{[^}]*\}?|\$\(|\{\{|\}\}|%\([a-z_]+\)s|#\{/i, 'template or variable reference'],
  [/^\$[A-Za-z_][A-Za-z0-9_]*$|^%[A-Za-z_]+%$|^@[A-Za-z_]+@$/, 'variable reference'],
  [
    /process\.env|os\.environ|os\.getenv|getenv\(|ENV\[|System\.getenv|Environment\.GetEnvironmentVariable/i,
    'environment lookup'
  ],
  [/<[^<>\s]{1,64}>/, 'angle-bracket placeholder'],
  [/x{4,}|X{4,}|\*{3,}|\.{3,}|#{4,}|•{2,}|_{5,}|-{5,}/, 'masked or filler characters'],
  [/(.)\1{7,}/, 'one character repeated'],
  // `https://USERNAME:PERSONAL_ACCESS_TOKEN@…`: a name in capitals stands for the value.
  [/^[A-Z]{2,}(?:_[A-Z]{2,})+$/, 'capitalised name standing for a value'],
  [/\/run\/secrets\//, 'Docker or Kubernetes secret file path'],
  [/^(?:true|false|null|nil|none|undefined|string|password|secret|token)$/i, 'keyword, not a value']
]

function placeholderReason(secret: string): string | undefined {
  const lower = secret.toLowerCase()
  for (const word of PLACEHOLDER_WORDS)
    if (lower.includes(word)) return `placeholder word "${word}"`
  // A key block's armour lines are dashes and its body legitimately has runs like AAAAAAAA.
  if (secret.includes('-----BEGIN'))
    return PEM_FILLER.test(pemBody(secret)) ? 'masked key body' : undefined
  for (const [pattern, reason] of PLACEHOLDER_PATTERNS) if (pattern.test(secret)) return reason
  if (new Set(secret).size <= 3) return 'too few distinct characters'
  if (isSequence(lower)) return 'sequential characters'
  return undefined
}

const PEM_FILLER = /x{6,}|X{6,}|\.{3,}|<[^<>]{1,64}>|\*{3,}/

function pemBody(secret: string): string {
  return secret
    .split(/\r?\n/)
    .filter(line => !line.startsWith('-----'))
    .join('')
}

/** `abcdefg`, `1234567` runs, or two short ones (`abc123xyz456`): typical hand-typed fakes. */
function isSequence(lower: string): boolean {
  if (/0123456|1234567|abcdefg|qwerty|asdfgh/.test(lower)) return true
  return (lower.match(/abc|123|xyz|456|789|def/g)?.length ?? 0) >= 3
}

const PUBLIC_MATERIAL =
  /-----BEGIN (?:[A-Z]+ )?(?:PUBLIC KEY|CERTIFICATE)-----|-----BEGIN PGP PUBLIC KEY BLOCK-----/
const PUBLIC_KEY_VALUE =
  /^(?:ssh-(?:rsa|ed25519|dss)|ecdsa-sha2-nistp\d+) |^AAAA(?:B3NzaC1|C3NzaC1|E2VjZHNh)/

/** Stopwords for generic rules: identifiers and code words that sit next to `key`/`token`. */
const GENERIC_STOPWORDS = [
  'function',
  'return',
  'const ',
  'config',
  'settings',
  'default',
  'localhost',
  'test_',
  '_test',
  'mock',
  'lorem',
  'ipsum',
  'foobar',
  'secret_key_base_for_test'
]

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
const GIT_SHA = /^[0-9a-f]{40}$|^[0-9a-f]{7,12}$/
const INTEGRITY = /^sha(?:1|256|384|512)-[A-Za-z0-9+/]+={0,2}$/
const HASH_CONTEXT =
  /\b(?:integrity|checksum|sha(?:1|256|384|512)?|digest|commit|revision|rev|hash|etag|nonce|uuid|guid|id)\b\s*["']?\s*[:=]/i
const ENV_NAME = /^[A-Z][A-Z0-9_]*$/
const FILE_OR_URL =
  /^(?:\.{0,2}\/|[a-z]+:\/\/|[A-Za-z]:\\)|\.(?:js|ts|json|ya?ml|txt|md|png|html|css|py|rb|go|java)$/
/** camelCase, PascalCase, snake_case or dotted names made of word-like parts (3+ lower-case letters). */
const IDENTIFIER =
  /^[a-z]{2,}(?:[A-Z][a-z]{2,})+\d{0,3}$|^[A-Z][a-z]{2,}(?:[A-Z][a-z]{2,})+\d{0,3}$|^[a-z]{2,}(?:[_.:/-][a-z]{2,})+\d{0,3}$/

/** Generic-rule floor applied on top of the rule's own, so `token = "abc"` never fires. */
export const GENERIC_MIN_ENTROPY = 3

/** An ISO 8601 date-time (`2023-04-05T12:34:56.789+01:00`). */
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}/
/**
 * A value typed by a short lower-case prefix: a package spec (`npm:^3.9`, `npm:name@1.2`), an
 * algorithm or a digest (`pbkdf2:sha256:600000`, `sha256:<hex>`), a URN or an ARN.
 */
const TYPED_VALUE =
  /^[a-z][a-z0-9+.-]{1,15}:(?:[\^~<>=*]|\d+\.\d|[0-9a-f]{32,}$|[a-z0-9]{2,12}(?::|$)|[a-z@][\w.-]*@)/
/** A property path or subscript in code (`StreamDescription.Shards[-1].ShardId`). */
const EXPRESSION =
  /^[A-Za-z_$][A-Za-z_$]*\d{0,2}(?:\??\.[A-Za-z_$][A-Za-z_$]*\d{0,2}|\[[^\]]{0,40}\])+(?:\(\))?$/
/**
 * Keys that name a token which is not a credential: pagination, counters, CSRF, tokenizers, public
 * tokens and keys (meant for clients), credential ids.
 */
const NOT_A_CREDENTIAL_KEY =
  /(?:next|prev|previous|page|continuation|sync|forward|backward|output|input|max|csrf|xsrf|idempotency|pagination|cursor|resume)[_.-]?token|token[_.-]?(?:type|count|limit|usage|izer|ize)|public[_.-]?(?:token|key)|credential[_.-]?id/i
/** Publishable keys and public OAuth client ids are meant to be shipped in client code. */
const PUBLIC_CLIENT_VALUE = /^pk_(?:live|test)_|\.apps\.googleusercontent\.com$/
/** A comment line that shows an example. */
const EXAMPLE_COMMENT =
  /^\s*(?:#|\/\/|\/?\*|--|;|<!--|rem\s).*\b(?:example|e\.g\.|for instance|sample)\b/i

function genericReason(secret: string, line: string, match: string): string | undefined {
  const lower = secret.toLowerCase()
  for (const word of GENERIC_STOPWORDS) if (lower.includes(word)) return `stopword "${word.trim()}"`
  if (NOT_A_CREDENTIAL_KEY.test(keyName(line, match))) return 'token name that is not a credential'
  if (EXAMPLE_COMMENT.test(line)) return 'example in a comment'
  if (TIMESTAMP.test(secret)) return 'timestamp'
  if (TYPED_VALUE.test(secret)) return 'package spec, algorithm, digest or resource name'
  if (EXPRESSION.test(secret) || /[!=]=|&&|\|\|/.test(secret)) return 'code expression'
  if (PUBLIC_CLIENT_VALUE.test(secret)) return 'publishable key or public client id'
  if (INTEGRITY.test(secret)) return 'lockfile integrity hash'
  if (UUID.test(secret)) return 'UUID'
  if (GIT_SHA.test(secret)) return 'git commit id'
  if (/^[0-9a-f]{32,128}$/i.test(secret) && HASH_CONTEXT.test(line)) return 'hash or identifier'
  if (ENV_NAME.test(secret)) return 'environment variable name'
  if (FILE_OR_URL.test(secret)) return 'path or URL'
  if (IDENTIFIER.test(secret)) return 'identifier'
  if (/^\d+$/.test(secret)) return 'number'
  if (shannonEntropy(secret) < GENERIC_MIN_ENTROPY) return 'low entropy'
  if (isHumanChosen(secret))
    return 'made of words (a placeholder or a default, not a generated secret)'
  return undefined
}

/**
 * Why a value found without a key name's help (a decoded Kubernetes Secret value, the password of
 * a Basic credential) is not a secret: placeholders, every generic shape, host names and short values.
 */
export function plainValueNoise(value: string): string | undefined {
  if (value.length < 8) return 'too short'
  if (/^(?:[a-z0-9-]{1,30}\.)+[a-z]{2,12}(?::\d+)?(?:\/\S*)?$/i.test(value) || /:\/\//.test(value))
    return 'host name or address'
  return placeholderReason(value) ?? genericReason(value, '', '')
}

/** The whole key the match starts in: a generic rule matches from `token` in `nextBackwardToken`. */
function keyName(line: string, match: string): string {
  const at = line.indexOf(match)
  const before = at > 0 ? (/[\w.-]*$/.exec(line.slice(0, at))?.[0] ?? '') : ''
  return before + (/^[\w.-]*/.exec(match)?.[0] ?? '')
}

/** Inline suppression on the line: ours, and gitleaks' so existing comments keep working. */
export function hasInlineAllow(line: string): boolean {
  return line.includes('pipeguard:allow') || line.includes('gitleaks:allow')
}
