import {defineRule} from '../rule'
import {plainValueNoise} from '../noise'
import {ALNUM, fake} from './synthetic'

const ROTATION =
  'Change the password at the service it opens (database, broker, account), load it from a secret store or environment variable at runtime, and remove the literal from the file and its history.'

/** Not values: templates, references, tags, anchors, block scalars and secret-file paths. */
const NOT_A_VALUE = [/^[!|>&*%@]/, /<%|\{\{|\$\{|\$\(/, /^ENV\[|^env\./i]

const password = (seed: string) => `${fake(ALNUM, 12, seed)}#${fake(ALNUM, 3, `${seed}-2`)}`
const basic = (user: string, seed: string) =>
  Buffer.from(`${user}:${fake(ALNUM, 18, seed)}`).toString('base64')

/** `user:password` of a Basic credential, judged like any value found without a key name. */
function basicCredentialNoise(encoded: string): string | undefined {
  const decoded = Buffer.from(encoded, 'base64').toString('utf8')
  const colon = decoded.indexOf(':')
  if (colon < 0 || /[^\x20-\x7e]/.test(decoded)) return 'not a user:password pair'
  return plainValueNoise(decoded.slice(colon + 1))
}

export const configPasswordRules = [
  defineRule({
    id: 'generic-config-password',
    description:
      'Password in a config file without quotes: YAML `password:`, .ini / .properties `password=`',
    severity: 'high',
    regex:
      /^[ \t]*(?:export[ \t]+)?[\w.-]{0,40}?(?:password|passwd|pwd|passphrase)(?![\w-]*(?:file|path|url|name|env|length|policy|hash|salt|id)\b)[\w.-]{0,20}[ \t]*[:=][ \t]*([^\s"'\x60{}[\]()<>]{8,120})(?:[ \t]+[#;].*)?[ \t]*$/im,
    keywords: ['password', 'passwd', 'pwd', 'passphrase'],
    entropy: 3,
    allowlist: {regexes: NOT_A_VALUE},
    rotation: ROTATION,
    truePositives: [
      `production:\n  adapter: postgresql\n  username: billing\n  password: ${password('yml')}\n`,
      `[database]\nhost = db.internal\npassword = ${password('ini')}`,
      `spring.datasource.password=${password('properties')}`,
      `export PGPASSWORD=${password('pg')}`
    ],
    falsePositives: [
      'password: <%= ENV["DB_PASSWORD"] %>',
      '  password: ${DB_PASSWORD}',
      '  password: mypassword',
      '  password: SuperSecretPassword123!',
      'password_file: /run/secrets/db_password',
      'password=changeme123',
      '  password: !vault |'
    ]
  }),
  defineRule({
    id: 'http-basic-auth',
    description: 'HTTP Basic credentials (Authorization: Basic <base64 of user:password>)',
    severity: 'high',
    regex: /\bAuthorization:[ \t]*Basic[ \t]+([A-Za-z0-9+/]{8,}={0,2})(?![A-Za-z0-9+/=])/i,
    keywords: ['basic'],
    notASecret: basicCredentialNoise,
    rotation: ROTATION,
    docs: 'https://datatracker.ietf.org/doc/html/rfc7617',
    truePositives: [
      `GET https://api.acme.dev/v1/orders\nAuthorization: Basic ${basic('svc-orders', 'basic-1')}`,
      `  -H 'Authorization: Basic ${basic('deploy', 'basic-2')}' \\`
    ],
    falsePositives: [
      `Authorization: Basic ${Buffer.from('admin:admin').toString('base64')}`,
      `Authorization: Basic ${Buffer.from('user:password123').toString('base64')}`,
      'Authorization: Basic {{token}}'
    ]
  })
]
