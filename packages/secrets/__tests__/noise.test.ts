import {describe, expect, it} from '@jest/globals'
import {Detector, hasInlineAllow, noiseReason} from '@pipeguard/secrets'
import {ALNUM, compiledTestRules, fake, token} from './helpers/fake'

const generic = (secret: string, line = `password = "${secret}"`) =>
  noiseReason(secret, {generic: true, line, match: line})
const provider = (secret: string) =>
  noiseReason(secret, {generic: false, line: secret, match: secret})

describe('noise control', () => {
  it.each([
    ['AWS documentation key', 'AKIAIOSFODNN7EXAMPLE'],
    ['masked', 'tkn_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'],
    ['angle placeholder', '<your-token>'],
    ['shell variable', '${API_TOKEN}'],
    ['GitHub Actions expression', '${{ secrets.API_TOKEN }}'],
    ['process.env', 'process.env.API_TOKEN'],
    ['os.environ', 'os.environ["API_TOKEN"]'],
    ['your-api-key-here', 'your-api-key-here'],
    ['changeme', 'changeme123456'],
    ['repeated characters', 'aaaaaaaaaaaaaaaaaaaa'],
    ['hand-typed sequence', 'abc123xyz456'],
    ['asterisks', 'sk_live_****************'],
    ['template', '{{ .Values.apiKey }}']
  ])('drops placeholders for every rule: %s', (_name, secret) => {
    expect(provider(secret)).toBeDefined()
  })

  it('drops public key material', () => {
    expect(
      noiseReason('AAAAB3NzaC1yc2EAAAADAQABAAABAQC7', {generic: false, line: '', match: ''})
    ).toBe('public key material')
    const body = fake(ALNUM, 40, 'pub')
    expect(
      noiseReason(body, {
        generic: false,
        line: '',
        match: `-----BEGIN PUBLIC KEY-----\n${body}\n-----END PUBLIC KEY-----`
      })
    ).toBe('public key material')
  })

  it.each([
    ['lockfile integrity', 'sha512-' + fake(ALNUM, 86, 'integrity') + '=='],
    ['UUID', '3f2b8c1e-9a4d-4e7b-8c2a-1d5e6f7a8b9c'],
    ['git commit id', '4b825dc642cb6eb9a060e54bf8d69288fbee4904'],
    ['environment variable name', 'DATABASE_PASSWORD_PROD'],
    ['identifier', 'getDatabasePasswordFromVault'],
    ['path', './config/secrets.json'],
    ['low entropy', 'aabbaabbaabb']
  ])('drops hash and identifier shapes for generic rules: %s', (_name, secret) => {
    expect(generic(secret)).toBeDefined()
  })

  it('keeps UUID-shaped and hex secrets for provider rules (some formats are UUIDs)', () => {
    expect(provider('3f2b8c1e-9a4d-4e7b-8c2a-1d5e6f7a8b9c')).toBeUndefined()
  })

  it('keeps real-looking random secrets', () => {
    for (let i = 0; i < 200; i++) expect(generic(fake(ALNUM, 24, `real-${i}`))).toBeUndefined()
    expect(provider(token('real'))).toBeUndefined()
  })

  it('drops a hex digest only next to a hash-like key', () => {
    const hex = fake('0123456789abcdef', 64, 'digest')
    expect(generic(hex, `checksum = "${hex}"`)).toBeDefined()
  })

  it('recognises inline allow comments', () => {
    expect(hasInlineAllow('x = 1 // pipeguard:allow')).toBe(true)
    expect(hasInlineAllow('x = 1 # gitleaks:allow')).toBe(true)
    expect(hasInlineAllow('x = 1')).toBe(false)
  })

  it('suppresses noise end to end through the detector', () => {
    const detector = new Detector({rules: compiledTestRules()})
    const text = [
      'password = "${DB_PASSWORD}"',
      'password: "<password>"',
      'secret = "your_secret_here"',
      'password = "changeme"',
      `tkn = "tkn_${'x'.repeat(32)}"`,
      `password = "${fake(ALNUM, 20, 'kept')}"`
    ].join('\n')
    expect(detector.detect({text, path: 'app.env'}).map(d => d.startLine)).toEqual([6])
  })
})
