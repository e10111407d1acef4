import {defineRule} from '../rule'
import {ALNUM, BASE64URL, fake} from './synthetic'

/** Shell variables, templates and documentation values. */
const TEMPLATED = [/\$\{|\$\(|\{\{|^\$[A-Za-z_]|^<.*>$|^%[A-Za-z_]+%$/, /^(?:\*+|x+|\.+)$/i]
const PLACEHOLDER_WORDS = [
  'password',
  'passwd',
  'changeme',
  'example',
  'placeholder',
  'your',
  'dummy',
  'redacted',
  'token'
]

const ROTATION =
  'Revoke the credential at the service the command calls, then pass it from a secret store or environment variable (`-H "Authorization: Bearer $TOKEN"`) instead of a literal.'

export const curlRules = [
  defineRule({
    id: 'curl-auth-header',
    description: 'Credential in a curl Authorization / API-key header',
    severity: 'high',
    regex:
      /\bcurl\b[^\n]{0,400}?\s(?:-H|--header)[ =]?\s*["'](?:Authorization:\s*(?:Bearer|Token|Basic|Api-Key)\s+|(?:X-)?(?:[A-Za-z]+-)?(?:Api-?Key|Token|Auth-Token):\s*)([A-Za-z0-9._~+/=-]{16,500})["']/i,
    keywords: ['curl'],
    entropy: 3.5,
    allowlist: {regexes: TEMPLATED, stopwords: PLACEHOLDER_WORDS},
    rotation: ROTATION,
    docs: 'https://curl.se/docs/manpage.html#-H',
    truePositives: [
      `curl -sS -H "Authorization: Bearer ${fake(BASE64URL, 40, 'curl-1')}" https://api.acme.dev/v1/orders`,
      `curl --header 'X-Api-Key: ${fake(ALNUM, 32, 'curl-2')}' https://metrics.acme.dev/ingest`
    ],
    falsePositives: [
      'curl -H "Authorization: Bearer $API_TOKEN" https://api.acme.dev/v1/orders',
      'curl -H "Authorization: Bearer <token>" https://api.acme.dev',
      'curl -H "Content-Type: application/json" https://api.acme.dev'
    ]
  }),
  defineRule({
    id: 'curl-auth-user',
    description: 'Password in a curl -u / --user argument',
    severity: 'high',
    regex:
      /\bcurl\b[^\n]{0,400}?\s(?:-u|--user)[ =]["']?[^\s:'"]{1,64}:([^\s'"]{6,100}?)["']?(?=\s|$)/i,
    keywords: ['curl'],
    entropy: 3,
    allowlist: {regexes: TEMPLATED, stopwords: PLACEHOLDER_WORDS},
    rotation: ROTATION,
    docs: 'https://curl.se/docs/manpage.html#-u',
    truePositives: [
      `curl -u deploy:${fake(ALNUM, 18, 'curl-3')} https://nexus.acme.dev/service/rest/v1/status`
    ],
    falsePositives: [
      'curl -u "$NEXUS_USER:$NEXUS_PASSWORD" https://nexus.acme.dev',
      'curl -u admin:password http://localhost:8081',
      'curl -u user: https://api.acme.dev'
    ]
  })
]
