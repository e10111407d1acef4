import {mkdtempSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {describe, expect, it} from '@jest/globals'
import {loadConfig, parseConfigText} from '../src/config-load'
import {ConfigError} from '../src/errors'

function errorOf(text: string): string {
  try {
    parseConfigText(text, '.pipeguard.yml')
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError)
    return (error as Error).message
  }
  throw new Error('expected a ConfigError')
}

describe('config', () => {
  it('defaults everything when there is no file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pg-config-'))
    const {config, file} = loadConfig(dir)
    expect(file).toBeUndefined()
    expect(config.failOn).toBe('high')
    expect(config.mode).toBe('enforce')
    expect(config.maxFileSize).toBe(5 * 1024 * 1024)
  })

  it('reads kebab-case keys into the camelCase model', () => {
    const config = parseConfigText(
      'fail-on: medium\nmax-file-size: 1024\nsecrets:\n  allow-paths: ["docs/**"]\ndeps:\n  include-dev: false\n',
      '.pipeguard.yml'
    )
    expect(config.failOn).toBe('medium')
    expect(config.maxFileSize).toBe(1024)
    expect(config.secrets.allowPaths).toEqual(['docs/**'])
    expect(config.deps.includeDev).toBe(false)
  })

  it('names the file, the key path and what was expected', () => {
    expect(errorOf('secrets:\n  entropy: high\n')).toBe(
      '.pipeguard.yml: secrets.entropy: expected a number, got "high" (line 2)'
    )
  })

  it('rejects unknown keys with a did-you-mean hint', () => {
    expect(errorOf('fail-onn: high\n')).toBe(
      '.pipeguard.yml: unknown key "fail-onn" (did you mean "fail-on"?) (line 1)'
    )
    expect(errorOf('secrets:\n  entropi: 3\n')).toContain(
      'secrets: unknown key "entropi" (did you mean "entropy"?)'
    )
    expect(errorOf('zzz: 1\n')).toBe('.pipeguard.yml: unknown key "zzz" (line 1)')
  })

  it('lists the allowed values of an enum', () => {
    expect(errorOf('fail-on: severe\n')).toContain(
      'fail-on: expected one of "critical", "high", "medium", "low", "info", "none", got "severe"'
    )
  })

  it('requires a reason on every ignore and a rule or path', () => {
    expect(errorOf('ignore:\n  - rule: x\n')).toContain(
      'ignore[0].reason: required: expected a string'
    )
    expect(errorOf('ignore:\n  - reason: because\n')).toContain(
      'an ignore entry needs a rule, a path or both'
    )
  })

  it('accepts unquoted YAML dates for expiry', () => {
    const config = parseConfigText(
      'ignore:\n  - rule: x\n    reason: r\n    expires: 2030-01-31\n',
      'c.yml'
    )
    expect(config.ignore[0]!.expires).toBe('2030-01-31')
  })

  it('reports invalid YAML with its line', () => {
    expect(errorOf('fail-on: high\n  bad: [\n')).toMatch(/^\.pipeguard\.yml:\d+: invalid YAML/)
  })

  it('rejects a top level that is not a mapping', () => {
    expect(errorOf('- a\n- b\n')).toBe(
      '.pipeguard.yml: expected a mapping of settings at the top level'
    )
  })

  it('lets flags override the file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pg-config-'))
    writeFileSync(join(dir, '.pipeguard.yml'), 'fail-on: low\nmode: audit\n')
    const {config, file} = loadConfig(dir, undefined, {failOn: 'critical'})
    expect(file).toBe('.pipeguard.yml')
    expect(config.failOn).toBe('critical')
    expect(config.mode).toBe('audit')
  })

  it('fails clearly when an explicit config file is missing', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pg-config-'))
    expect(() => loadConfig(dir, 'nope.yml')).toThrow('nope.yml: config file not found')
  })
})
