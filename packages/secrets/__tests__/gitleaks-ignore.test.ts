import {describe, expect, it} from '@jest/globals'
import {isIgnoredByGitleaks, isIgnoredFinding, parseGitleaksIgnore} from '../src/gitleaks-ignore'

describe('.gitleaksignore paths', () => {
  it('matches a file whose name holds a backslash at its real name', () => {
    const entries = parseGitleaksIgnore('net\\sg.tf:test-token:3\n')
    expect(isIgnoredByGitleaks(entries, 'net\\sg.tf', 'test-token', 3)).toBe(true)
    expect(isIgnoredByGitleaks(entries, 'other.tf', 'test-token', 3)).toBe(false)
  })

  it('still reads entries gitleaks wrote on Windows', () => {
    const entries = parseGitleaksIgnore('# reviewed\nsrc\\config.js:test-token:3\n')
    expect(isIgnoredByGitleaks(entries, 'src/config.js', 'test-token', 3)).toBe(true)
    expect(isIgnoredByGitleaks(entries, 'src/config.js', 'test-token', 4)).toBe(false)
  })
})

describe(".gitleaksignore with pipeguard's fingerprint", () => {
  const finding = {
    fingerprint: '0123456789abcdef0123456789abcdef',
    ruleId: 'test-token',
    location: {path: 'src/config.js', startLine: 3},
    commit: {sha: 'a'.repeat(40)}
  }

  it('accepts the fingerprint pipeguard reports, for a finding in history too', () => {
    const entries = parseGitleaksIgnore('# rotated 2026-12-01\n0123456789abcdef0123456789abcdef\n')
    expect(isIgnoredFinding(entries, finding)).toBe(true)
  })

  it('ignores nothing for another fingerprint, and still reads the gitleaks form', () => {
    expect(
      isIgnoredFinding(parseGitleaksIgnore('ffffffffffffffffffffffffffffffff\n'), finding)
    ).toBe(false)
    const gitleaks = parseGitleaksIgnore(`${'a'.repeat(40)}:src/config.js:test-token:3\n`)
    expect(isIgnoredFinding(gitleaks, finding)).toBe(true)
  })
})
