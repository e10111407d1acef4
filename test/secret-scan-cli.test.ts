import {spawnSync} from 'node:child_process'
import {createHash} from 'node:crypto'
import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from '@jest/globals'
import {makeWorkspace, randomToken, removeWorkspace} from './helpers/workspace'

const cli = join(import.meta.dirname, '..', 'dist', 'cli.js')
const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'
const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'
const DIGITS = '0123456789'

function pipeguard(args: string[]) {
  const result = spawnSync(process.execPath, [cli, ...args], {
    encoding: 'utf8',
    env: {...process.env, NO_COLOR: '1'}
  })
  return {code: result.status, stdout: result.stdout, stderr: result.stderr}
}

interface JsonFinding {
  ruleId: string
  fingerprint: string
  snippet?: string
  location: {path: string; startLine: number}
}

function scanJson(dir: string): {findings: JsonFinding[]; errors: unknown[]} {
  const run = pipeguard(['secrets', dir, '--format', 'json'])
  expect(run.stderr).toBe('')
  return JSON.parse(run.stdout)
}

const b64 = (text: string) => Buffer.from(text).toString('base64')
/** Base64url without padding, of a text chosen so the encoding uses `-` or `_`. */
function b64url(text: string): string {
  for (let pad = 0; ; pad++) {
    const encoded = Buffer.from(`${text}${' '.repeat(pad)}?>~`).toString('base64url')
    if (/[-_]/.test(encoded)) return encoded
  }
}
const slackBot = () =>
  `xoxb-${randomToken('', 12, DIGITS)}-${randomToken('', 12, DIGITS)}-${randomToken('', 24)}`

const workspaces: string[] = []
const workspace = (files: Record<string, string>): string => {
  const dir = makeWorkspace(files)
  workspaces.push(dir)
  return dir
}
afterAll(() => workspaces.forEach(removeWorkspace))

describe('secrets in every context (dist/cli.js)', () => {
  // Fresh secrets every run, one line per context: [line, rule that must find it there].
  const contexts: Array<[string, string, string]> = [
    [
      'URL user',
      `git clone https://${randomToken('ghp_', 36)}@github.com/acme/api.git`,
      'github-pat'
    ],
    [
      's3 userinfo (key id)',
      `SOURCE=s3://${randomToken('AKIA', 16, BASE32)}:${randomToken('', 40, BASE64)}@backups/db.tgz`,
      'aws-access-token'
    ],
    ['followed by .', `The deploy token is ${randomToken('glpat-', 20)}.`, 'gitlab-pat'],
    ['followed by :', `${randomToken('npm_', 36)}:x`, 'npm-access-token'],
    ['followed by #', `token=${randomToken('sk_live_', 32)}#prod`, 'stripe-access-token'],
    ['followed by ?', `https://api.acme.dev/${randomToken('ghp_', 36)}?page=2`, 'github-pat'],
    ['followed by %0A', `body=token%3D${slackBot()}%0Anext=1`, 'slack-bot-token'],
    [
      'path segment',
      `POST https://hooks.acme.dev/v1/${randomToken('glpat-', 20)}/trigger`,
      'gitlab-pat'
    ],
    ['base64url', `config: ${b64url(`GITHUB_TOKEN=${randomToken('ghp_', 36)}`)}`, 'github-pat'],
    [
      'base64url as a path segment',
      `https://acme.dev/download/${b64url(`token: ${randomToken('npm_', 36)}`)}`,
      'npm-access-token'
    ],
    [
      'triple base64',
      `blob: ${b64(b64(b64(`NPM_TOKEN=${randomToken('npm_', 36)}`)))}`,
      'npm-access-token'
    ]
  ]
  let report: ReturnType<typeof scanJson>
  beforeAll(() => {
    report = scanJson(
      workspace({'deploy/contexts.txt': contexts.map(([, line]) => line).join('\n') + '\n'})
    )
  })

  it.each(contexts.map(([name, , ruleId], i) => [name, i + 1, ruleId] as const))(
    '%s: line %i is found by %s',
    (_name, line, ruleId) => {
      const here = report.findings.filter(f => f.location.startLine === line)
      expect(here.map(f => f.ruleId)).toContain(ruleId)
    }
  )

  it('finds the AWS secret access key of the s3 URL too', () => {
    const here = report.findings.filter(f => f.location.startLine === 2)
    expect(here.map(f => f.ruleId).sort()).toEqual(['aws-access-token', 'aws-secret-access-key'])
  })
})

describe('no secret on a reported line is printed in clear (dist/cli.js)', () => {
  const secrets = {
    keyId: randomToken('AKIA', 16, BASE32),
    // A CSV export of IAM credentials: no rule sees the secret key without a key name.
    secretKey: randomToken('', 40, BASE64),
    pat: randomToken('ghp_', 36),
    password: randomToken('', 20)
  }
  const dir = workspace({
    'creds.csv': `User name,Access key ID,Secret access key\ndeploy,${secrets.keyId},${secrets.secretKey}\n`,
    'deploy/git.cfg': `url = https://${secrets.pat}:x-oauth-basic@github.com/acme/api.git\n`,
    'deploy/app.env': `PAT=${randomToken('ghp_', 36)} DB_PASSWORD=${secrets.password}\n`
  })

  it.each(['json', 'sarif', 'markdown', 'table'])('%s output', format => {
    const run = pipeguard(['secrets', dir, '--format', format])
    expect(run.code).toBe(1)
    expect(run.stdout).toContain('creds.csv')
    const leaked = Object.entries(secrets)
      .filter(([, value]) => run.stdout.includes(value) || run.stderr.includes(value))
      .map(([name]) => name)
    expect(leaked).toEqual([])
  })

  it('redacts the other credentials on the line in the JSON snippet', () => {
    const report = scanJson(dir)
    const snippet = (path: string) => report.findings.find(f => f.location.path === path)!.snippet!
    expect(snippet('creds.csv')).toMatch(/^deploy,AKIA[A-Z2-7]{4}\*{4},[A-Za-z0-9+/]{4,5}\*{4}$/)
    expect(snippet('deploy/git.cfg')).toMatch(
      /^url = https:\/\/ghp_\w{4}\*\*\*\*:x-oauth-basic@github\.com\/acme\/api\.git$/
    )
    expect(snippet('deploy/app.env')).not.toContain(secrets.password.slice(4))
  })
})

describe('a committed baseline does not reveal the secrets it lists (dist/cli.js)', () => {
  const path = 'config/db.env'
  const place = (password: string) => `# production database\nDB_PASSWORD=${password}\n`
  /** The old scheme: sha256 over scanner, rule, path and `rule:secret`, 32 hex characters. */
  const unsalted = (ruleId: string, secret: string) =>
    createHash('sha256')
      .update(['secrets', ruleId, path, `${ruleId}:${secret}`].join('\0'))
      .digest('hex')
      .slice(0, 32)

  const baselineOf = (password: string) => {
    const dir = workspace({[path]: place(password)})
    expect(pipeguard(['baseline', dir]).code).toBe(0)
    const text = readFileSync(join(dir, '.pipeguard-baseline.json'), 'utf8')
    return {
      text,
      findings: JSON.parse(text).findings as Array<{fingerprint: string; ruleId: string}>
    }
  }
  // Fixed values: a random suffix that reads as words ("Cuulde") moves the finding from
  // generic-env-secret to generic-config-password, and the rule id is part of the fingerprint.
  const password = 'Summer2024!Xq7pLm'
  const other = 'Winter2025?Rt4kZw'

  it('lists the finding without any hash a dictionary attack on the password could match', () => {
    const {text, findings} = baselineOf(password)
    expect(findings).toHaveLength(1)
    expect(text).not.toContain(password)
    const {ruleId, fingerprint} = findings[0]!
    const dictionary = ['hunter2', 'Summer2024!', password, other]
    const guesses = dictionary.flatMap(word => [
      unsalted(ruleId, word),
      ...['sha256', 'sha1', 'md5'].map(h => createHash(h).update(word).digest('hex'))
    ])
    expect(guesses.filter(g => fingerprint.includes(g.slice(0, 32)))).toEqual([])
  })

  it('an IaC finding on a line with a literal password does not hash the password either', () => {
    const iacFingerprint = (value: string) => {
      const dir = workspace({Dockerfile: `FROM node:20-alpine\nENV DB_PASSWORD=${value}\n`})
      const run = pipeguard(['iac', dir, '--format', 'json'])
      const report = JSON.parse(run.stdout) as {findings: JsonFinding[]}
      return report.findings.find(f => f.ruleId === 'PG-DOCKER-013')!.fingerprint
    }
    // The message shows the first characters redacted (Summ****); the rest never reaches the hash.
    const samePrefix = `Summer1999#${randomToken('', 6)}`
    expect(iacFingerprint(password)).toBe(iacFingerprint(samePrefix))
  })

  it('gives the same fingerprint for another password at the same place: it is computed without it', () => {
    expect(baselineOf(other).findings[0]!.fingerprint).toBe(
      baselineOf(password).findings[0]!.fingerprint
    )
  })
})
