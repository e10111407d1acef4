import {describe, expect, it} from '@jest/globals'
import {shannonEntropy} from '@pipeguard/core'
import {isGenericRuleId} from '../src/compiled-rule'
import {noiseReason} from '../src/noise'
import type {SecretRule} from '../src/rule'
import {CATCH_ALL_RULES, RULES} from '../src/rules/index'
import {BASE64, HEX, fake} from '../src/rules/synthetic'

/**
 * The rule-local part of detection (regex, secret group, entropy floor, rule allowlist, the rule's
 * own judgement) and the noise filter every rule gets, without the other rules.
 */
function ruleSecrets(rule: SecretRule, text: string): string[] {
  const re = new RegExp(rule.regex.source, rule.regex.flags + 'g')
  const found: string[] = []
  for (const match of text.matchAll(re)) {
    // The detector's choice: the configured group, else the first non-empty group, else the match.
    const secret =
      rule.secretGroup !== undefined
        ? match[rule.secretGroup]
        : (match.slice(1).find(Boolean) ?? match[0])
    if (secret === undefined || secret === '') continue
    if (rule.entropy !== undefined && shannonEntropy(secret) < rule.entropy) continue
    if (rule.allowlist?.regexes?.some(r => r.test(secret))) continue
    const lower = secret.toLowerCase()
    if (rule.allowlist?.stopwords?.some(w => lower.includes(w))) continue
    if (rule.notASecret?.(secret)) continue
    const line = lineOf(text, match.index + match[0].indexOf(secret))
    if (noiseReason(secret, {generic: isGenericRuleId(rule.id), line, match: match[0]})) continue
    found.push(secret)
  }
  return found
}

function lineOf(text: string, at: number): string {
  const start = text.lastIndexOf('\n', at - 1) + 1
  const end = text.indexOf('\n', at)
  return text.slice(start, end < 0 ? text.length : end)
}

describe('rule registry', () => {
  it('holds at least 150 rules', () => {
    expect(RULES.length).toBeGreaterThanOrEqual(150)
  })

  it('has unique kebab-case ids', () => {
    const ids = RULES.map(r => r.id)
    expect(new Set(ids).size).toBe(ids.length)
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/)
  })

  it('finds nothing in ordinary source and config text', () => {
    const text = [
      "import {readFile} from 'node:fs/promises'",
      'const token = await getToken(process.env.GITHUB_TOKEN)',
      'const passwordField = document.getElementById("password")',
      "apiKey: process.env.STRIPE_KEY ?? ''",
      '      - run: npm publish',
      '        env:',
      '          NODE_AUTH_TOKEN: ${{ secrets.NPM_TOKEN }}',
      'password: ${{ secrets.DB_PASSWORD }}',
      'export const API_KEY_HEADER = "X-Api-Key"',
      '  password = var.db_password',
      '        secretKeyRef: {name: billing-db, key: password}',
      '      POSTGRES_PASSWORD: postgres',
      `    "integrity": "sha512-${fake(BASE64, 86, 'neg-1')}=="`,
      `commit ${fake(HEX, 40, 'neg-2')}`,
      '  "id": "8c2d1f0e-5b4a-4c3d-9e8f-7a6b5c4d3e2f",',
      `image: node@sha256:${fake(HEX, 64, 'neg-3')}`,
      `ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI${fake(BASE64, 43, 'neg-4')} deploy@ci`,
      `<img src="data:image/png;base64,iVBORw0KGgo${fake(BASE64, 400, 'neg-5')}">`,
      'aws_access_key_id = AKIAIOSFODNN7EXAMPLE',
      'aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
      'DATABASE_URL=postgres://user:password@localhost:5432/app'
    ].join('\n')
    const hits = RULES.filter(rule => ruleSecrets(rule, text).length > 0).map(r => r.id)
    expect(hits).toEqual([])
  })

  it('leaves a value that a provider rule recognises to that rule', () => {
    const catchAll = new Set(CATCH_ALL_RULES.map(r => r.id))
    const providers = RULES.filter(r => !catchAll.has(r.id))
    let checked = 0
    for (const provider of providers) {
      for (const tp of provider.truePositives) {
        for (const secret of ruleSecrets(provider, tp)) {
          // Only formats recognisable on their own; `KEY=<32 hex>` needs the key name.
          if (!provider.regex.test(secret)) continue
          checked++
          for (const rule of CATCH_ALL_RULES)
            expect([rule.id, ruleSecrets(rule, tp)]).toEqual([rule.id, []])
        }
      }
    }
    expect(checked).toBeGreaterThan(100)
  })
})

describe.each(RULES.map(rule => [rule.id, rule] as const))('rule %s', (_id, rule) => {
  it('is well-formed', () => {
    expect(rule.description.length).toBeGreaterThan(0)
    expect(rule.rotation.length).toBeGreaterThan(20)
    expect(rule.regex.flags).not.toMatch(/[gy]/)
    expect(() => new RegExp(rule.regex.source, rule.regex.flags + 'g')).not.toThrow()
    expect(rule.keywords.length).toBeGreaterThan(0)
    for (const keyword of rule.keywords) expect(keyword).toBe(keyword.toLowerCase())
    expect(rule.truePositives.length).toBeGreaterThanOrEqual(1)
    expect(rule.falsePositives.length).toBeGreaterThanOrEqual(1)
    if (rule.docs !== undefined) expect(rule.docs).toMatch(/^https:\/\//)
  })

  it.each(rule.truePositives.map((tp, i) => [i, tp] as const))(
    'finds true positive #%d',
    (_i, tp) => {
      const lower = tp.toLowerCase()
      expect(rule.keywords.some(k => lower.includes(k))).toBe(true)
      const secrets = ruleSecrets(rule, tp)
      expect(secrets.length).toBeGreaterThanOrEqual(1)
      if (rule.prefixLength !== undefined) {
        for (const secret of secrets) expect(secret.length).toBeGreaterThan(rule.prefixLength + 4)
      }
    }
  )

  it.each(rule.falsePositives.map((fp, i) => [i, fp] as const))(
    'ignores false positive #%d',
    (_i, fp) => {
      expect(ruleSecrets(rule, fp)).toEqual([])
    }
  )
})

describe('regex performance', () => {
  it('runs every rule over a 200 KB base64-like line in well under a second', () => {
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=-_.'
    let state = 12345
    let line = ''
    while (line.length < 200_000) {
      state = (Math.imul(state, 1103515245) + 12345) >>> 0
      line += alphabet[(state >>> 16) % alphabet.length]
    }
    const started = performance.now()
    for (const rule of RULES) ruleSecrets(rule, line)
    const elapsed = performance.now() - started
    expect(elapsed).toBeLessThan(800)
  })

  it('stays fast on unterminated look-alikes (no closing quote, no END line, no @host)', () => {
    const run = 'Ab3+/'.repeat(400)
    const starts = [
      'password = "',
      "api_key: '",
      '-----BEGIN RSA PRIVATE KEY-----\n',
      '-----BEGIN PGP PRIVATE KEY BLOCK-----\n\n',
      'https://deploy:',
      'mongodb+srv://app:',
      'eyJhbGciOiJIUzI1NiJ9.eyJ',
      'AWS_SECRET_ACCESS_KEY=',
      'Server=db;User Id=sa;Password=',
      ' '.repeat(2000)
    ]
    const text = starts
      .map(s => s + run)
      .join('\n')
      .repeat(10)
    expect(text.length).toBeGreaterThan(200_000)
    const started = performance.now()
    for (const rule of RULES) ruleSecrets(rule, text)
    expect(performance.now() - started).toBeLessThan(800)
  })
})
