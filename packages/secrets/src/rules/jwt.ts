import {defineRule} from '../rule'
import {START} from './patterns'
import {BASE64URL, base64url, fake} from './synthetic'

/** The signature of jwt.io's sample token, which appears in countless tutorials. */
const JWT_IO_SAMPLE_SIGNATURE = /SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c$/

const jwt = (header: object, payload: object, seed: string, sigLength = 43) =>
  `${base64url(JSON.stringify(header))}.${base64url(JSON.stringify(payload))}.${fake(BASE64URL, sigLength, seed)}`

export const jwtRules = [
  defineRule({
    id: 'jwt',
    description:
      'JSON Web Token (signed: base64url JSON header with "eyJ", JSON payload, signature)',
    severity: 'medium',
    // A `.` followed by more base64url is a fourth part (not a JWS); a `.` ending a sentence is fine.
    regex: new RegExp(
      String.raw`${START}(eyJ[A-Za-z0-9_-]{12,4096}\.eyJ[A-Za-z0-9_-]{8,16384}\.[A-Za-z0-9_-]{22,2048})(?![A-Za-z0-9_=-]|\.[A-Za-z0-9_-])`
    ),
    keywords: ['eyj'],
    entropy: 4,
    prefixLength: 3,
    allowlist: {regexes: [JWT_IO_SAMPLE_SIGNATURE]},
    rotation:
      'Revoke the token at its issuer (for long-lived service tokens such as Supabase service_role keys, rotate the JWT signing secret / key pair) and let short-lived tokens expire.',
    docs: 'https://datatracker.ietf.org/doc/html/rfc7519',
    truePositives: [
      `Authorization: Bearer ${jwt({alg: 'HS256', typ: 'JWT'}, {sub: 'svc-billing', iat: 1735689600, exp: 1893456000}, 'jwt-1')}`,
      `SUPABASE_SERVICE_ROLE_KEY=${jwt({alg: 'HS256', typ: 'JWT'}, {iss: 'supabase', ref: 'abcdefghijklmnopqrst', role: 'service_role', iat: 1700000000, exp: 2015576000}, 'jwt-2')}`,
      `token: "${jwt({alg: 'RS256', kid: 'k1'}, {iss: 'https://auth.acme.dev', aud: 'api', sub: '42'}, 'jwt-3', 342)}"`,
      `The service token is ${jwt({alg: 'HS256'}, {sub: 'svc-ci', iat: 1735689600}, 'jwt-4')}.`
    ],
    falsePositives: [
      'token = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c"',
      `unsigned = "${base64url('{"alg":"none"}')}.${base64url('{"sub":"1"}')}."`,
      'header = "eyJhbGciOiJIUzI1NiJ9"',
      `four_parts = "${jwt({alg: 'HS256'}, {sub: 'svc-ci'}, 'jwt-5')}.${fake(BASE64URL, 30, 'jwt-6')}"`
    ]
  })
]
