import {createHash} from 'node:crypto'
import {sep} from 'node:path'
import {describe, expect, it} from '@jest/globals'
import {
  createFinding,
  disambiguateFingerprints,
  fingerprint,
  toPosix,
  type FindingInput
} from '../src/finding'

const base: FindingInput = {
  scanner: 'secrets',
  ruleId: 'github-pat',
  severity: 'high',
  title: 'GitHub token',
  message: 'found',
  path: 'src/app.ts',
  startLine: 3,
  fingerprintContent: 'const token = "x"'
}

describe('fingerprint', () => {
  it('does not depend on the line, so a moved finding keeps it', () => {
    expect(createFinding(base).fingerprint).toBe(
      createFinding({...base, startLine: 40}).fingerprint
    )
  })

  it('ignores indentation and whitespace changes', () => {
    expect(fingerprint('secrets', 'r', 'a.ts', '  token =  "x"\n')).toBe(
      fingerprint('secrets', 'r', 'a.ts', 'token = "x"')
    )
  })

  it('differs by scanner, rule, path and content', () => {
    const all = [
      fingerprint('secrets', 'r', 'a.ts', 'x'),
      fingerprint('iac', 'r', 'a.ts', 'x'),
      fingerprint('secrets', 'q', 'a.ts', 'x'),
      fingerprint('secrets', 'r', 'b.ts', 'x'),
      fingerprint('secrets', 'r', 'a.ts', 'y')
    ]
    expect(new Set(all).size).toBe(all.length)
  })

  it('uses posix paths so Windows and Linux runs agree', () => {
    expect(toPosix('infra\\net\\sg.tf', '\\')).toBe('infra/net/sg.tf')
    expect(fingerprint('iac', 'r', toPosix('a\\b.tf', '\\'), 'x')).toBe(
      fingerprint('iac', 'r', 'a/b.tf', 'x')
    )
  })

  it('keeps a backslash that is part of a file name on Linux and macOS', () => {
    expect(toPosix('infra/net\\sg.tf', '/')).toBe('infra/net\\sg.tf')
    if (sep === '/') {
      expect(createFinding({...base, path: 'net\\sg.tf'}).location.path).toBe('net\\sg.tf')
      expect(fingerprint('iac', 'r', 'a\\b.tf', 'x')).not.toBe(
        fingerprint('iac', 'r', 'a/b.tf', 'x')
      )
    }
  })

  it('gives repeated identical findings in one file distinct, stable fingerprints', () => {
    const one = createFinding({...base, startLine: 10})
    const two = createFinding({...base, startLine: 20})
    const out = disambiguateFingerprints([two, one])
    expect(out.map(f => f.location.startLine)).toEqual([10, 20])
    expect(out[0]!.fingerprint).toBe(one.fingerprint)
    expect(out[1]!.fingerprint).toBe(`${one.fingerprint}:1`)
  })

  it('masks credentials before hashing: a baseline holds no hash of a secret', () => {
    // An IaC finding's content: check id, resource and the offending line.
    const iac = (password: string) =>
      fingerprint(
        'iac',
        'PG-DOCKER-013',
        'Dockerfile',
        `PG-DOCKER-013\n\nENV DB_PASSWORD=${password}`
      )
    expect(iac('hunter2')).toBe(iac('correct-horse-battery-staple'))
    const unmasked = createHash('sha256')
      .update(
        ['iac', 'PG-DOCKER-013', 'Dockerfile', 'PG-DOCKER-013 ENV DB_PASSWORD=hunter2'].join('\0')
      )
      .digest('hex')
      .slice(0, 32)
    expect(iac('hunter2')).not.toBe(unmasked)
    expect(iac('hunter2')).not.toBe(fingerprint('iac', 'PG-DOCKER-013', 'Dockerfile', 'x'))
  })

  it('keeps package identities apart: nothing in them looks like a credential', () => {
    const ids = [
      'npm/lodash@4.17.20+GHSA-35jh-r3h4-6jhm',
      'npm/lodash@4.17.20+GHSA-p6mc-m468-83gw',
      'Maven/io.jsonwebtoken:jjwt-api@0.11.2+GHSA-xxxx-yyyy-zzzz',
      'Maven/io.jsonwebtoken:jjwt-api@0.11.2+GHSA-aaaa-bbbb-cccc',
      'Go/github.com/acme/api@v0.0.0-20230415093012-8a2c4e1f9b3d+GO-2023-1234',
      'Go/github.com/acme/api@v0.0.0-20230415093012-9b3d8a2c4e1f+GO-2023-1234'
    ]
    const prints = ids.map(id => fingerprint('dependencies', 'r', 'go.sum', id))
    expect(new Set(prints).size).toBe(ids.length)
  })

  it("redacts credentials in any scanner's snippet", () => {
    const snippet = createFinding({...base, snippet: 'DB_PASSWORD=hunter2 PORT=8080'}).snippet
    expect(snippet).toBe('DB_PASSWORD=hun**** PORT=8080')
  })

  it('defaults endLine to startLine', () => {
    expect(createFinding(base).location).toEqual({path: 'src/app.ts', startLine: 3, endLine: 3})
  })
})
