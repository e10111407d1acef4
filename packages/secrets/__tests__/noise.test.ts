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

  it.each([
    ['lockfile alias spec', 'npm:^3.9.0-beta1', 'token = "npm:^3.9.0-beta1"'],
    ['npm alias with name', 'npm:string-width@^4.2.0', 'token: "npm:string-width@^4.2.0"'],
    ['algorithm name', 'pbkdf2:sha256:600000', 'password_method = "pbkdf2:sha256:600000"'],
    ['typed digest', `sha256:${fake('0123456789abcdef', 64, 'typed')}`, 'token: "sha256:…"'],
    [
      'ISO timestamp',
      '2023-11-14T09:12:44.512+01:00',
      'token_refreshed: "2023-11-14T09:12:44.512+01:00"'
    ],
    [
      'property path',
      'StreamDescription.Shards[-1].ShardId',
      'token = get("StreamDescription.Shards[-1].ShardId")'
    ],
    ['publishable key', `pk_live_${fake(ALNUM, 24, 'pk')}`, 'apiKey: "pk_live_…"'],
    [
      'words with a policy suffix',
      'SuperSecretPassword123!',
      'db_password = "SuperSecretPassword123!"'
    ],
    ['leetspeak words', 'S3cr3tP4ssw0rdX', "$password = 'S3cr3tP4ssw0rdX';"],
    ['passphrase', 'Tr0ub4dor&3horse', 'password: "Tr0ub4dor&3horse"'],
    ['season and year', 'Summer2023!', 'password = "Summer2023!"']
  ])('drops non-secret shapes for generic rules: %s', (_name, secret, line) => {
    expect(generic(secret, line)).toBeDefined()
  })

  it('drops pagination and other non-credential token names, judged by the whole key', () => {
    const value = `b/${fake('0123456789', 56, 'page')}/s`
    const line = `"nextBackwardToken": "${value}"`
    expect(noiseReason(value, {generic: true, line, match: `Token": "${value}"`})).toBe(
      'token name that is not a credential'
    )
    const kept = `"accessToken": "${value}"`
    expect(noiseReason(value, {generic: true, line: kept, match: `Token": "${value}"`})).toBe(
      undefined
    )
  })

  it('drops a value on a comment line that shows an example, not on a plain comment', () => {
    const secret = fake(ALNUM, 20, 'comment')
    expect(generic(secret, `# For example: api_key = "${secret}"`)).toBe('example in a comment')
    expect(generic(secret, `# api_key = "${secret}"  (rotated monthly)`)).toBeUndefined()
  })

  it('keeps generated secrets: word-made values are rare among random strings', () => {
    // Mixed-case alphanumerics of 12 to 40 characters, the shape of generated passwords and keys.
    let dropped = 0
    for (let i = 0; i < 5000; i++) {
      const secret = fake(ALNUM, 12 + (i % 29), `random-${i}`)
      if (generic(secret)) dropped++
    }
    expect(dropped / 5000).toBeLessThan(0.005)
  })

  it('drops capitalised names standing for a value and Docker secret paths, for every rule', () => {
    expect(provider('PERSONAL_ACCESS_TOKEN')).toBe('capitalised name standing for a value')
    expect(provider('/run/secrets/db_password')).toBe('Docker or Kubernetes secret file path')
    expect(provider(`${fake('ABCDEFGHIJKLMNOPQRSTUVWXYZ', 8, 'u')}_${fake(ALNUM, 20, 'v')}`)).toBe(
      undefined
    )
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
