import {describe, expect, it} from '@jest/globals'
import {isIgnoredByGitleaks, parseGitleaksIgnore} from '../src/gitleaks-ignore'

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
