import {describe, expect, it} from '@jest/globals'
import {compileRule, defineRule, Detector} from '@pipeguard/secrets'
import {ALNUM, compiledTestRules, fake, pemBlock, TEST_RULES, token} from './helpers/fake'

const detect = (text: string, path = 'src/app.ts') =>
  new Detector({rules: compiledTestRules()}).detect({text, path})

describe('Detector', () => {
  it('finds a token and reports line, columns and a redacted snippet', () => {
    const secret = token('basic')
    const [d, ...rest] = detect(`// config\nconst key = "${secret}"\n`)
    expect(rest).toEqual([])
    expect(d).toMatchObject({
      secret,
      startLine: 2,
      endLine: 2,
      startColumn: 14,
      endColumn: 14 + secret.length
    })
    expect(d!.rule.id).toBe('test-token')
    expect(d!.snippet).toBe(`const key = "${secret.slice(0, 8)}****"`)
    expect(d!.snippet).not.toContain(secret)
  })

  it('never runs a rule whose keyword is absent (prefilter)', () => {
    const runs: string[] = []
    const detector = new Detector({rules: compiledTestRules(), onRegexRun: id => runs.push(id)})
    detector.detect({text: 'nothing to see here\n'.repeat(100), path: 'a.txt'})
    expect(runs).toEqual([])
    detector.detect({text: `x\nconst t = "${token('pf')}"\n`, path: 'a.txt'})
    expect(runs).toEqual(['test-token'])
  })

  it('runs the regex on a window around the keyword, not the whole file', () => {
    const scanned: number[] = []
    const detector = new Detector({
      rules: compiledTestRules(),
      onRegexRun: (_id, length) => scanned.push(length)
    })
    const filler = 'const value = compute(input) // ordinary code\n'.repeat(5000)
    const text = `${filler}const t = "${token('window')}"\n${filler}`
    expect(detector.detect({text, path: 'big.ts'})).toHaveLength(1)
    expect(scanned).toHaveLength(1)
    expect(scanned[0]!).toBeLessThan(2000)
  })

  it('keeps windows bounded on a single very long line (minified code)', () => {
    const line =
      'var a=1;'.repeat(200_000) + `var t="${token('minified')}";` + 'var b=2;'.repeat(200_000)
    const started = Date.now()
    const found = detect(line, 'dist/app.min.js')
    expect(found.map(d => d.startLine)).toEqual([1])
    expect(Date.now() - started).toBeLessThan(2000)
  })

  it('matches multi-line private keys with correct start and end lines', () => {
    const key = pemBlock('multi')
    const text = `# deploy key\n\nconst key = \`${key}\`\nmodule.exports = key\n`
    const [d] = detect(text, 'deploy.js')
    expect(d!.rule.id).toBe('test-private-key')
    expect(d!.startLine).toBe(3)
    expect(d!.endLine).toBe(10)
  })

  it('uses the configured secret group, else the first non-empty group', () => {
    const rule = compileRule(
      defineRule({
        ...TEST_RULES[0]!,
        id: 'grouped',
        regex: /(user|svc)_(?:id)?:(tkn_[A-Za-z0-9]{32})/,
        secretGroup: 2,
        keywords: ['tkn_']
      })
    )
    const secret = token('group')
    const [d] = new Detector({rules: [rule]}).detect({text: `auth svc_:${secret}`, path: 'x'})
    expect(d!.secret).toBe(secret)
  })

  it('drops secrets below the entropy floor', () => {
    expect(detect(`t = "tkn_${'ab'.repeat(16)}"`)).toEqual([])
  })

  it('honours inline pipeguard:allow and gitleaks:allow comments', () => {
    expect(detect(`t = "${token('allow1')}" // pipeguard:allow`)).toEqual([])
    expect(detect(`t = "${token('allow2')}" # gitleaks:allow`)).toEqual([])
    expect(detect(`t = "${token('allow3')}" // reviewed`)).toHaveLength(1)
  })

  it('applies rule allowlists (regexes, stopwords, paths)', () => {
    const secret = token('allowlist')
    const rule = compileRule(
      defineRule({
        ...TEST_RULES[0]!,
        allowlist: {
          regexes: [new RegExp(secret.slice(4, 12))],
          paths: [/^fixtures\//],
          stopwords: []
        }
      })
    )
    const detector = new Detector({rules: [rule]})
    expect(detector.detect({text: `t=${secret}`, path: 'src/a.ts'})).toEqual([])
    expect(detector.detect({text: `t=${token('other')}`, path: 'src/a.ts'})).toHaveLength(1)
    expect(detector.detect({text: `t=${token('other')}`, path: 'fixtures/a.ts'})).toEqual([])
  })

  it('applies global allowlists, limited to their target rules', () => {
    const detector = new Detector({
      rules: compiledTestRules(),
      allowlists: [
        {
          condition: 'OR',
          regexTarget: 'line',
          regexes: [line => line.includes('fixture')],
          paths: [],
          commits: [],
          stopwords: [],
          targetRules: ['test-token']
        }
      ]
    })
    expect(detector.detect({text: `fixture = "${token('g1')}"`, path: 'a'})).toEqual([])
    expect(
      detector
        .detect({text: `fixture_password = "${fake(ALNUM, 20, 'g2')}"`, path: 'a'})
        .map(d => d.rule.id)
    ).toEqual(['generic-test-password'])
  })

  it('prefers the provider rule over a generic rule on the same secret', () => {
    const found = detect(`password = "${token('overlap')}"`)
    expect(found.map(d => d.rule.id)).toEqual(['test-token'])
  })

  it('redacts every secret on a shared line in the snippet', () => {
    const a = token('two-a')
    const b = token('two-b')
    const found = detect(`pair = ["${a}", "${b}"]`)
    expect(found).toHaveLength(2)
    for (const d of found) {
      expect(d.snippet).not.toContain(a)
      expect(d.snippet).not.toContain(b)
    }
  })

  it('redacts what no rule found but looks like a credential on the line (CSV row, URL password)', () => {
    const secret = token('csv')
    const other = fake(ALNUM + '+/', 40, 'csv-other')
    const password = fake(ALNUM, 12, 'csv-pw')
    const [d] = detect(`svc,${secret},${other},https://svc:${password}@db.internal/x`)
    expect(d!.snippet).toBe(
      `svc,${secret.slice(0, 8)}****,${other.slice(0, 4)}****,https://svc:${password.slice(0, 4)}****@db.internal/x`
    )
  })

  it('redacts the tail of a multi-line secret that ends on the line of another finding', () => {
    const key = pemBlock('tail')
    const [, second] = detect(`${key} t="${token('after-key')}"`)
    const lastKeyLine = key.split('\n').at(-1)!
    expect(second!.snippet).not.toContain(lastKeyLine.slice(0, 20))
    expect(second!.snippet).not.toContain('PRIVATE KEY')
  })

  it('masks every secret and credential in the line its fingerprint is computed from', () => {
    const a = token('mask-a')
    const b = token('mask-b')
    const [d] = detect(`t = "${a}" # DB_PASSWORD=hunter2 ${fake(ALNUM, 30, 'mask-c')}`)
    expect(d!.maskedLine).toBe('t = "****" # DB_PASSWORD=**** ****')
    expect(
      detect(`t = "${b}" # DB_PASSWORD=letmein1 ${fake(ALNUM, 30, 'mask-d')}`)[0]!.maskedLine
    ).toBe(d!.maskedLine)
  })

  it('maps lines through lineNumbers for added-lines fragments', () => {
    const detector = new Detector({rules: compiledTestRules()})
    const [d] = detector.detect({
      text: `first\nt = "${token('mapped')}"`,
      path: 'a',
      lineNumbers: [10, 42]
    })
    expect(d!.startLine).toBe(42)
  })

  it('reports path-only rules only for matching files', () => {
    const rule = {
      ...compileRule(TEST_RULES[0]!),
      id: 'pem-file',
      pattern: undefined,
      path: (p: string) => p.endsWith('.pem')
    }
    const detector = new Detector({rules: [rule]})
    expect(detector.pathOnlyRules('certs/server.pem').map(r => r.id)).toEqual(['pem-file'])
    expect(detector.pathOnlyRules('src/server.ts')).toEqual([])
  })
})
