import {describe, expect, it} from '@jest/globals'
import {compileRule, Detector, RULES, type SecretRule} from '@pipeguard/secrets'

// Every rule whose token carries its own distinctive prefix must find that token wherever a URL,
// a path or an encoded form puts it: gitleaks accepts these contexts, so must we.
const detector = new Detector({rules: RULES.map(compileRule)})
const detect = (text: string) => detector.detect({text, path: 'src/config.txt'})

/** The secret of a rule's first true positive, as the detector reports it. */
function exampleSecret(rule: SecretRule): string | undefined {
  return detect(rule.truePositives[0]!).find(d => d.rule.id === rule.id)?.secret
}

const PREFIXED = RULES.filter(rule => (rule.prefixLength ?? 0) > 0).flatMap(rule => {
  const secret = exampleSecret(rule)
  // Only tokens that carry their keyword: a prefix shared with ordinary words is not distinctive.
  return secret && rule.keywords.some(k => secret.toLowerCase().includes(k))
    ? [[rule.id, secret] as const]
    : []
})

const CONTEXTS: Array<[string, (secret: string) => string]> = [
  ['URL user', s => `git clone https://${s}@github.com/acme/api.git`],
  ['URL user with x-oauth-basic', s => `url = https://${s}:x-oauth-basic@github.com/acme/api`],
  ['s3 userinfo', s => `SOURCE=s3://${s}:c2VjcmV0LXBhcnQtb2YtdGhlLXVybA@backups/db.tgz`],
  ['path segment', s => `POST https://hooks.acme.dev/v1/${s}/trigger`],
  ['last path segment', s => `webhook: https://hooks.acme.dev/v1/${s}`],
  ['followed by .', s => `The token is ${s}.`],
  ['followed by :', s => `${s}:x`],
  ['followed by #', s => `token=${s}#comment`],
  ['followed by ?', s => `https://api.acme.dev/${s}?page=2`],
  ['followed by /', s => `${s}/`],
  ['followed by %0A', s => `body=token%3D${s}%0Anext`],
  ['after an escaped newline', s => `"text": "token\\n${s}\\n"`]
]

describe('prefixed tokens in every context', () => {
  it('covers the prefixed rule families', () => {
    const ids = PREFIXED.map(([id]) => id)
    for (const id of ['github-pat', 'gitlab-pat', 'slack-bot-token', 'stripe-access-token'])
      expect(ids).toContain(id)
    for (const id of ['npm-access-token', 'pypi-upload-token', 'aws-access-token'])
      expect(ids).toContain(id)
  })

  describe.each(CONTEXTS)('%s', (_context, embed) => {
    it.each(PREFIXED)('%s', (id, secret) => {
      const found = detect(embed(secret)).filter(d => d.rule.id === id)
      expect(found.map(d => d.secret.includes(secret))).toContain(true)
    })
  })
})
