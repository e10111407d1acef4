import {randomBytes} from 'node:crypto'
import {describe, expect, it} from '@jest/globals'
import {credentialSpans, isRandomLooking, MASK, redact, redactCredentials} from '../src/redact'

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'
const BASE64 = ALNUM + '+/'
/**
 * A fresh random string of the alphabet, so no test secret is written in the sources; with
 * letters and digits in it whenever the alphabet has them, as real tokens of that length do.
 */
function random(length: number, alphabet = ALNUM): string {
  const out = [...randomBytes(length)].map(b => alphabet[b % alphabet.length]!)
  const digit = alphabet.match(/\d/g)
  const letter = alphabet.match(/[A-Za-z]/g)
  if (digit && letter && length > 3) {
    out[1] = digit[out[1]!.charCodeAt(0) % digit.length]!
    out[2] = letter[out[2]!.charCodeAt(0) % letter.length]!
  }
  return out.join('')
}
/** Whether `text` shows more than five consecutive characters of `secret`. */
const shows = (text: string, secret: string) =>
  [...secret].some((_, i) => i + 6 <= secret.length && text.includes(secret.slice(i, i + 6)))
const spanned = (text: string) => credentialSpans(text).map(([s, e]) => text.slice(s, e))

describe('redact', () => {
  it('keeps the public prefix and at most four characters', () => {
    expect(redact('ghp_abcdefghijklmnop', 4)).toBe('ghp_abcd****')
    expect(redact('hunter2')).toBe('hun****')
  })

  it('shows a webhook URL by its host and path words, not as http****', () => {
    const slack = `https://hooks.slack.com/services/T0${random(7, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567')}/B0${random(9, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567')}/${random(24, ALNUM)}`
    expect(redact(slack)).toBe(`https://hooks.slack.com/services/${slack.slice(33, 37)}****`)
    expect(redact(slack).startsWith('https://hooks.slack.com/services/T0')).toBe(true)
    const discord = `https://discord.com/api/webhooks/1${random(18, '0123456789')}/${random(68, ALNUM)}`
    expect(redact(discord)).toBe(`https://discord.com/api/webhooks/${discord.slice(33, 37)}****`)
  })

  it('never counts URL userinfo as public', () => {
    const url = `https://deploy:${random(20, ALNUM)}@git.example.com/repo.git`
    expect(redact(url)).toBe('http****')
  })
})

describe('redactCredentials', () => {
  it('shows a found secret as given and redacts the other credential on the line (CSV row)', () => {
    const keyId = `AKIA${random(16, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567')}`
    const secretKey = random(40, BASE64)
    const line = `deploy,${keyId},${secretKey}`
    const out = redactCredentials(line, [{start: 7, end: 27, replacement: redact(keyId, 4)}])
    expect(out).toMatch(
      new RegExp(`^deploy,${redact(keyId, 4).replace(/\*/g, '\\*')},\\S{4,5}\\*{4}$`)
    )
    expect(shows(out, secretKey)).toBe(false)
  })

  it('redacts a URL userinfo password, but not a reference or the fixed x-oauth-basic', () => {
    const password = random(12)
    expect(redactCredentials(`https://deploy:${password}@git.acme.dev/a.git`)).toBe(
      `https://deploy:${redact(password)}@git.acme.dev/a.git`
    )
    expect(spanned('https://${USER}:${PASS}@git.acme.dev')).toEqual([])
    const pat = `ghp_${random(36)}`
    const line = `https://${pat}:x-oauth-basic@github.com/acme/api`
    expect(redactCredentials(line, [{start: 8, end: 48, replacement: redact(pat, 4)}])).toBe(
      `https://${redact(pat, 4)}:x-oauth-basic@github.com/acme/api`
    )
  })

  it.each([
    ['dotenv', 'DB_PASSWORD=hunter2', 'hunter2'],
    ['Dockerfile ENV', 'ENV NODE_ENV=production DB_PASS=letmein1', 'letmein1'],
    ['YAML', '  client_secret: s3cr3t-value', 's3cr3t-value'],
    ['JSON', '{"user": "bob", "apiKey":"k-123456"}', 'k-123456'],
    ['Terraform', 'password = "Tr0ub4dor&3"', 'Tr0ub4dor&3'],
    [
      'quoted with blanks',
      "secret: 'correct horse battery staple'",
      'correct horse battery staple'
    ],
    ['properties', 'spring.datasource.password=changeit', 'changeit'],
    ['command line', 'mysql --user root --password hunter2 db', 'hunter2'],
    ['command line with =', 'login --api-key=k3y-v4lue', 'k3y-v4lue'],
    ['Authorization header', `Authorization: Bearer ${'t'.repeat(4)}${random(28)}`, undefined]
  ])('redacts the value of a credential assignment: %s', (_kind, line, value) => {
    const spans = spanned(line)
    expect(spans).toHaveLength(1)
    if (value) expect(spans[0]).toBe(value)
    expect(redactCredentials(line)).not.toContain(spans[0]!.slice(4))
  })

  it.each([
    'DB_PASSWORD_FILE=/run/secrets/db',
    'password: ${{ secrets.DB_PASSWORD }}',
    'GITHUB_TOKEN: $GITHUB_TOKEN',
    'password = "<your password>"',
    'the password is wrong',
    'io.jsonwebtoken:jjwt-api@0.11.2'
  ])('leaves a reference or a non-assignment alone: %s', line => {
    expect(spanned(line)).toEqual([])
  })

  it('redacts random-looking tokens: base64, hex digests, JWTs, prefixed token bodies', () => {
    const jwt = `eyJ${random(30)}.eyJ${random(40)}.${random(43, ALNUM + '-_')}`
    for (const token of [
      random(40, BASE64),
      random(40, '0123456789abcdef'),
      jwt,
      `sk_live_${random(24)}`
    ]) {
      const out = redactCredentials(`value ${token} end`)
      expect(out).toMatch(/^value \S+\*{4} end$/)
    }
  })

  it.each([
    'npm/lodash@4.17.20+GHSA-35jh-r3h4-6jhm',
    'Maven/org.apache.logging.log4j:log4j-core@2.14.1+GHSA-jfh8-c2jp-5v3q',
    'Go/github.com/acme/api@v0.0.0-20230415093012-8a2c4e1f9b3d+GO-2023-1234',
    'PyPI/django@3.2.0+PYSEC-2021-98',
    'conda/numpy@1.26.4-py310h06a4308_0+CVE-2024-12345',
    'id: 550e8400-e29b-41d4-a716-446655440000',
    'import {base64EncodedString} from "./sha256WithRSAEncryption"',
    'GET /api/v4/projects/42/trigger/pipeline',
    'see github.com/acme/api/blob/main/src/index.ts and registry.npmjs.org/lodash/-/lodash-4.17.21.tgz',
    'runs-on: ubuntu-22.04-arm64-runner'
  ])('leaves identifiers, versions, ids and paths alone: %s', text => {
    expect(redactCredentials(text)).toBe(text)
  })

  it('masks fully when asked (fingerprint input)', () => {
    expect(redactCredentials('DB_PASSWORD=hunter2 # prod', [], () => MASK)).toBe(
      'DB_PASSWORD=**** # prod'
    )
  })

  it('masks what a found span leaves of a longer random run', () => {
    const pat = `ghp_${random(36)}`
    const tail = random(30)
    const line = `x ${pat}/${tail}`
    expect(redactCredentials(line, [{start: 2, end: 42, replacement: 'ghp_****'}])).toBe(
      `x ghp_****/${redact(tail)}`
    )
  })
})

describe('isRandomLooking', () => {
  it('tells random parts from identifiers', () => {
    for (const part of [random(24), random(32, '0123456789abcdef'), 'Tr0ub4dor3Horse9Battery'])
      expect([part, isRandomLooking(part)]).toEqual([part, true])
    for (const part of [
      'someVeryLongFunctionName2',
      'base64EncodedString',
      'HTTP2ServerConfiguration',
      'ubuntu2204arm64runner',
      'v1beta1CustomResource',
      random(15)
    ])
      expect([part, isRandomLooking(part)]).toEqual([part, false])
  })
})
