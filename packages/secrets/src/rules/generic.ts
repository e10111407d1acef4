import {defineRule} from '../rule'
import {ALNUM, BASE64, fake} from './synthetic'

/** Key names that hold a secret. */
const SECRET_KEY = String.raw`(?:password|passwd|passphrase|secret|token|api[_-]?key|apikey|access[_-]?key|auth[_-]?key|client[_-]?secret|private[_-]?key|credentials?)`
/** Key names that only talk about a secret (its URL, file, name, length ...). */
const NOT_A_VALUE = String.raw`(?<![_.-](?:url|uri|path|file|filename|name|type|field|id|len|length|policy|regex|pattern|prefix|env|var|ref|header|param|endpoint|expiry|expires|ttl|count|format|label|hint|placeholder|hash|digest|algorithm|version|mode|kind|provider|store|source|location|dir))`

/** Values that are templates, references or documentation. */
const NOT_A_SECRET = [
  /\$\{|\$\(|\{\{|%\(|^\$[A-Za-z_]|^<.*>$|^%[A-Za-z_]+%$/,
  /^(?:process\.env|os\.environ|env\.|ENV\[|secrets\.|vars\.)/i,
  /^[A-Z0-9]+(?:_[A-Z0-9]+)+$/,
  /^[a-z]+(?:[._-][a-z0-9]+)+$/,
  /^(?:https?:\/\/|\/|\.\/|~\/)/,
  /\.(?:json|pem|key|crt|txt|ya?ml|env|p12|pfx|jks)$/i,
  /\.\.\./
]
const STOPWORDS = [
  'example',
  'placeholder',
  'changeme',
  'change_me',
  'dummy',
  'sample',
  'redacted',
  'your_',
  'your-',
  'xxxx',
  '****',
  'todo',
  'fixme',
  'insert',
  'replace'
]

const KEYWORDS = [
  'password',
  'passwd',
  'passphrase',
  'secret',
  'token',
  'api_key',
  'api-key',
  'apikey',
  'access_key',
  'access-key',
  'accesskey',
  'auth_key',
  'auth-key',
  'authkey',
  'private_key',
  'private-key',
  'privatekey',
  'credential'
]

const ROTATION =
  'Rotate the credential at the service that issued it, load it from a secret store or environment variable at runtime, and remove the literal from the code and its history.'

/** Mixed letters and digits; a real random secret almost always has both. */
const MIXED = String.raw`(?=[^\s"'\x60]*\d)(?=[^\s"'\x60]*[A-Za-z])`

export const genericRules = [
  defineRule({
    id: 'generic-api-key',
    description:
      'Generic secret: a high-entropy quoted value assigned to a password / secret / token / API-key name',
    severity: 'medium',
    regex: new RegExp(
      String.raw`${SECRET_KEY}[\w.-]{0,20}${NOT_A_VALUE}["']?(?:\s{0,5}|[ \t]{0,40})(?::=|=>|=|:|(?<=["']\s{0,5}),)\s{0,5}(?:[A-Za-z_.]{1,30}\(\s{0,3})?["'\x60](${MIXED}[^\s"'\x60\\]{12,120})["'\x60]`,
      'i'
    ),
    keywords: KEYWORDS,
    entropy: 3.5,
    allowlist: {regexes: NOT_A_SECRET, stopwords: STOPWORDS},
    rotation: ROTATION,
    truePositives: [
      `const apiKey = "${fake(ALNUM, 32, 'gen-1')}"`,
      `  client_secret: '${fake(ALNUM, 40, 'gen-2')}'`,
      // Aligned Terraform / YAML attributes put many blanks before the operator.
      `  password          = "${fake(ALNUM, 18, 'gen-aligned')}"`,
      `DB_PASSWORD = "${fake(ALNUM, 16, 'gen-3')}#7"`,
      `"auth_token": "${fake(BASE64, 44, 'gen-4')}"`,
      `config.access_key = String("${fake(ALNUM, 24, 'gen-5')}")`,
      // PHP constants, as in wp-config.php.
      `define('DB_PASSWORD', '${fake(ALNUM, 16, 'gen-define')}');`,
      `$secret = '${fake(ALNUM, 20, 'gen-php')}';`,
      `PGPASSWORD='${fake(ALNUM, 16, 'gen-pg')}' psql -h db.internal -U app`
    ],
    falsePositives: [
      'password = "hunter2hunter2"',
      'const token = process.env.API_TOKEN',
      'api_key: "${{ secrets.API_KEY }}"',
      'secret_name = "prod/billing/db-password-v2"',
      'token_url = "https://oauth2.googleapis.com/token12345"',
      'password: "<your-password-1>"',
      'API_KEY = "YOUR_API_KEY_HERE_123"',
      'private_key_file = "./keys/deploy_2024.pem"',
      `password_hash = "$2b$12$${fake(ALNUM, 53, 'gen-6')}"`,
      'secret = "aaaaaaaaaaaaaaaa1"',
      "define('DB_PASSWORD', 'password_here');",
      'secretFieldSelector: "type!=kubernetes.io/service-account-token"',
      `publicToken = "${fake(ALNUM, 43, 'gen-public')}"`,
      `login(user, password, "${fake(ALNUM, 20, 'gen-args')}")`,
      '  "token": "npm:^3.9.0-beta1",',
      'password_method = "pbkdf2:sha256:600000"',
      'expires_token_at: "2024-01-31T23:59:59.999999Z"',
      'shard_token = get("StreamDescription.Shards[-1].ShardId")',
      `"nextForwardToken": "f/${fake('0123456789', 56, 'gen-page')}/s"`,
      `# Example: api_key = "${fake(ALNUM, 24, 'gen-comment')}"`,
      '  db_password = "SuperSecretPassword123!"',
      `publishableKey: "pk_live_${fake(ALNUM, 24, 'gen-pk')}"`
    ]
  }),
  defineRule({
    id: 'generic-env-secret',
    description:
      'Generic secret in a dotenv / shell assignment: SOMETHING_PASSWORD=<high-entropy value>',
    severity: 'medium',
    regex: new RegExp(
      String.raw`^(?:export[ \t]+)?[A-Z0-9_]*(?:PASSWORD|PASSWD|PASSPHRASE|SECRET|TOKEN|API_KEY|APIKEY|ACCESS_KEY|AUTH_KEY|PRIVATE_KEY)[A-Z0-9_]*(?<!_(?:URL|URI|PATH|FILE|NAME|TYPE|ID|ENDPOINT|HOST|PORT|USER|USERNAME|REGION|ALGORITHM|EXPIRY|EXPIRES|TTL|LENGTH|HASH|VERSION|DIR))=(${MIXED}[^\s"'\x60$#\\]{12,200})[ \t]*$`,
      'm'
    ),
    keywords: [
      'password',
      'passwd',
      'passphrase',
      'secret',
      'token',
      'api_key',
      'apikey',
      'access_key',
      'auth_key',
      'private_key'
    ],
    entropy: 3.5,
    allowlist: {regexes: NOT_A_SECRET, stopwords: STOPWORDS},
    rotation: ROTATION,
    truePositives: [
      `DB_PASSWORD=${fake(ALNUM, 18, 'env-1')}42`,
      `export PAYMENTS_API_KEY=${fake(ALNUM, 32, 'env-2')}`,
      `# app\nSESSION_SECRET=${fake(BASE64, 40, 'env-3')}\nPORT=8080`
    ],
    falsePositives: [
      'DB_PASSWORD=${DB_PASSWORD}',
      'TOKEN_URL=https://auth.acme.dev/oauth/token',
      'SECRET_NAME=prod-billing-db',
      'API_KEY=your-api-key-here-1',
      'ACCESS_KEY_ID=AKIA_SEE_VAULT_PATH'
    ]
  })
]
