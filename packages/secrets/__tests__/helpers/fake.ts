import {compileRule, defineRule, type SecretRule} from '@pipeguard/secrets'

export const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'
export const BASE64 = ALNUM + '+/'

/**
 * Deterministic random-looking strings (mulberry32 seeded by a label): test secrets are built at
 * run time, so no complete token is written in the sources.
 */
export function fake(alphabet: string, length: number, seed: string): string {
  let state = 0x811c9dc5
  for (let i = 0; i < seed.length; i++)
    state = Math.imul(state ^ seed.charCodeAt(i), 0x01000193) >>> 0
  let out = ''
  for (let i = 0; i < length; i++) {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    out += alphabet[Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * alphabet.length)]
  }
  return out
}

/** A token of the test rule below: `tkn_` + 32 random characters. */
export const token = (seed: string): string => `tkn_${fake(ALNUM, 32, seed)}`

/** A small rule set with a known shape, independent of the built-in rules. */
export const TEST_RULES: SecretRule[] = [
  defineRule({
    id: 'test-token',
    description: 'Test token',
    severity: 'high',
    regex: /(?<![A-Za-z0-9_])(tkn_[A-Za-z0-9]{32})(?![A-Za-z0-9])/,
    keywords: ['tkn_'],
    entropy: 3,
    prefixLength: 4,
    rotation: 'Revoke it in the test console.',
    truePositives: [],
    falsePositives: []
  }),
  defineRule({
    id: 'test-private-key',
    description: 'Test private key',
    severity: 'critical',
    regex:
      /(-----BEGIN (?:RSA |EC |OPENSSH )?PRIVATE KEY-----[\s\S]{64,8192}?-----END (?:RSA |EC |OPENSSH )?PRIVATE KEY-----)/,
    keywords: ['-----begin'],
    rotation: 'Replace the key pair.',
    truePositives: [],
    falsePositives: []
  }),
  defineRule({
    id: 'generic-test-password',
    description: 'Password assignment',
    severity: 'medium',
    regex: /(?:password|secret)[\w.-]{0,20}\s*[:=]\s*["']([^\s"']{8,64})["']/i,
    keywords: ['password', 'secret'],
    entropy: 3.2,
    rotation: 'Change the password.',
    truePositives: [],
    falsePositives: []
  })
]

export const compiledTestRules = () => TEST_RULES.map(compileRule)

/** A PEM-shaped private key block with a random body (not a real key). */
export function pemBlock(seed: string, lines = 6): string {
  const body = Array.from({length: lines}, (_, i) => fake(BASE64, 64, `${seed}-${i}`))
  return ['-----BEGIN RSA PRIVATE KEY-----', ...body, '-----END RSA PRIVATE KEY-----'].join('\n')
}
