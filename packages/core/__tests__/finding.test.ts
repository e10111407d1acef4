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

  it('defaults endLine to startLine', () => {
    expect(createFinding(base).location).toEqual({path: 'src/app.ts', startLine: 3, endLine: 3})
  })
})
