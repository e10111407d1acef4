import {mkdirSync, mkdtempSync, truncateSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {describe, expect, it} from '@jest/globals'
import {MAX_ALIAS_EXPANSION} from '../src/config-aliases'
import {loadConfig, MAX_CONFIG_BYTES, parseConfigText} from '../src/config-load'
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

const camel = (key: string): string => key.replace(/-(\w)/g, (_, c: string) => c.toUpperCase())
const escapeRe = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

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
      'fail-on: medium\nmax-file-size: 1024\nsecrets:\n  allow-paths:\n    - path: docs/**\n      reason: examples\ndeps:\n  include-dev: false\n',
      '.pipeguard.yml'
    )
    expect(config.failOn).toBe('medium')
    expect(config.maxFileSize).toBe(1024)
    expect(config.secrets.allowPaths).toEqual([{path: 'docs/**', reason: 'examples'}])
    expect(config.deps.includeDev).toBe(false)
  })

  it('rejects two spellings of one setting instead of silently keeping one', () => {
    expect(
      errorOf('iac:\n  skip-checks:\n    - id: PG-IAC-1\n      reason: a\n  skipChecks: []\n')
    ).toBe(
      '.pipeguard.yml: iac.skipChecks (line 5): "skip-checks" and "skipChecks" are the same setting; keep one (config keys are kebab-case: "skip-checks")'
    )
    expect(() => parseConfigText('iac:\n  skip-checks: []\n', '.pipeguard.yml')).not.toThrow()
  })

  it('reads deps.unknown-severity, high unless set, and refuses a word that is no severity', () => {
    expect(parseConfigText('deps: {}\n', '.pipeguard.yml').deps.unknownSeverity).toBe('high')
    const config = parseConfigText('deps:\n  unknown-severity: low\n', '.pipeguard.yml')
    expect(config.deps.unknownSeverity).toBe('low')
    expect(errorOf('deps:\n  unknown-severity: ignore\n')).toBe(
      '.pipeguard.yml: deps.unknown-severity: expected one of "critical", "high", "medium", "low", "info", got "ignore" (line 2)'
    )
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
    // A key YAML builds from a collection long enough to print on several lines stays on one.
    const complexKey = errorOf(
      '? deps:\n  advisory-db: ./osv\n  osv-url: https://api.osv.dev\n  include-dev: true\n  unknown-severity: high\n'
    )
    expect(complexKey).toMatch(/^\.pipeguard\.yml: unknown key "\{\\n {2}deps:,\\n/)
    expect(complexKey).not.toContain('\n')
    expect(errorOf('exclude:\n  - {path: a, reason: b, rebuilt in CI: c}\n')).toBe(
      '.pipeguard.yml: exclude[0]: unknown key "rebuilt in CI" (line 2)'
    )
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

  // Every way to switch part of the gate off: [key path, section, key, entry key, a value].
  const suppressionLists = [
    ['exclude', '', 'exclude', 'path', '**'],
    ['secrets.allow-paths', 'secrets', 'allow-paths', 'path', '**'],
    ['secrets.allow-regexes', 'secrets', 'allow-regexes', 'regex', '.*'],
    ['secrets.disable-rules', 'secrets', 'disable-rules', 'id', 'github-pat'],
    ['iac.skip-checks', 'iac', 'skip-checks', 'id', 'PG-TF-001']
  ] as const
  const yamlOf = (section: string, key: string, body: string): string =>
    section ? `${section}:\n${`${key}:${body}`.replace(/^/gm, '  ')}\n` : `${key}:${body}\n`

  it.each(suppressionLists)(
    '%s: an entry with a reason is accepted',
    (_, section, key, entryKey, value) => {
      const config = parseConfigText(
        yamlOf(section, key, `\n  - ${entryKey}: "${value}"\n    reason: reviewed in SEC-1`),
        'c.yml'
      ) as unknown as Record<string, Record<string, unknown>>
      const list = (section ? config[section]![camel(key)] : config[camel(key)]) as unknown[]
      expect(list).toEqual([{[entryKey]: value, reason: 'reviewed in SEC-1'}])
    }
  )

  it.each(suppressionLists)(
    '%s: an entry without a reason is refused',
    (where, section, key, entryKey, value) => {
      expect(errorOf(yamlOf(section, key, `\n  - ${entryKey}: "${value}"`))).toMatch(
        new RegExp(
          `^\\.pipeguard\\.yml: ${escapeRe(where)}\\[0\\]\\.reason: required: expected a string \\(line \\d\\)$`
        )
      )
    }
  )

  it.each(suppressionLists)(
    '%s: a blank reason is refused',
    (where, section, key, entryKey, value) => {
      expect(
        errorOf(yamlOf(section, key, `\n  - ${entryKey}: "${value}"\n    reason: "  "`))
      ).toContain(`${where}[0].reason: a reason must not be blank: say why`)
    }
  )

  it.each(suppressionLists)(
    '%s: a bare string says what to write instead',
    (where, section, key, entryKey, value) => {
      expect(errorOf(yamlOf(section, key, `\n  - "${value}"`))).toMatch(
        new RegExp(
          `^\\.pipeguard\\.yml: ${escapeRe(where)}\\[0\\]: ${escapeRe(`"${value}" needs a reason: write it as {${entryKey}: "${value}", reason: ...}`)} \\(line \\d\\)$`
        )
      )
      expect(errorOf(yamlOf(section, key, ` "${value}"`))).toContain(
        `${where}: "${value}" needs a reason: write it as a list entry {${entryKey}: "${value}", reason: ...}`
      )
    }
  )

  it('accepts unquoted YAML dates for expiry', () => {
    const config = parseConfigText(
      'ignore:\n  - rule: x\n    reason: r\n    expires: 2030-01-31\n',
      'c.yml'
    )
    expect(config.ignore[0]!.expires).toBe('2030-01-31')
  })

  it.each(['2099-02-30', '2023-02-29', '2026-13-01', '2026-04-31', '2026-00-10'])(
    'refuses the impossible date %s',
    date => {
      expect(errorOf(`ignore:\n  - rule: x\n    reason: r\n    expires: ${date}\n`)).toBe(
        `.pipeguard.yml: ignore[0].expires: "${date}" is not a date of the calendar (line 4)`
      )
    }
  )

  it('accepts a leap day and refuses a date-like string that is not YYYY-MM-DD', () => {
    const config = parseConfigText(
      'ignore:\n  - rule: x\n    reason: r\n    expires: 2028-02-29\n',
      'c.yml'
    )
    expect(config.ignore[0]!.expires).toBe('2028-02-29')
    expect(errorOf('ignore:\n  - rule: x\n    reason: r\n    expires: 2028-2-9\n')).toContain(
      'ignore[0].expires: expected a date like 2026-12-31'
    )
  })

  it('reads a YAML 1.1 document with the core schema: its dates do not roll over', () => {
    expect(
      errorOf('ignore:\n  - rule: x\n    reason: r\n    expires: !!timestamp 2099-02-30\n')
    ).toContain('ignore[0].expires: "2099-02-30" is not a date of the calendar (line 4)')
    expect(
      errorOf('%YAML 1.1\n---\nignore:\n  - rule: x\n    reason: r\n    expires: 2099-02-30\n')
    ).toContain('ignore[0].expires: "2099-02-30" is not a date of the calendar (line 6)')
  })

  it('refuses an alias bomb with the line of the alias that goes past the limit', () => {
    const lines = ['a: &a [x, x, x, x, x, x, x, x, x]']
    for (let i = 1; i <= 9; i++)
      lines.push(
        `b${i}: &b${i} [${Array(9)
          .fill(i === 1 ? '*a' : `*b${i - 1}`)
          .join(', ')}]`
      )
    expect(errorOf(lines.join('\n') + '\n')).toBe(
      `.pipeguard.yml:5: too many alias expansions (limit ${MAX_ALIAS_EXPANSION} values): aliases of aliases multiply`
    )
  })

  it('accepts a few aliases, and refuses a cyclic or unanchored one', () => {
    const config = parseConfigText(
      'exclude:\n  - &gen {path: gen/**, reason: generated}\nignore:\n  - {rule: x, path: gen/**, reason: *r}\n'.replace(
        '*r',
        'generated'
      ) +
        'iac:\n  skip-checks:\n    - {id: PG-TF-001, reason: &why public site}\n    - {id: PG-TF-002, reason: *why}\n',
      'c.yml'
    )
    expect(config.iac.skipChecks.map(c => c.reason)).toEqual(['public site', 'public site'])
    expect(errorOf('a: &a [*a]\n')).toBe(
      '.pipeguard.yml:1: alias *a refers to a value that contains it'
    )
    expect(errorOf('fail-on: high\nmode: *m\n')).toBe(
      '.pipeguard.yml:2: alias *m has no anchor &m before it'
    )
  })

  it('refuses duplicate keys, a second document and an oversized file', () => {
    expect(errorOf('fail-on: high\nfail-on: none\n')).toMatch(
      /^\.pipeguard\.yml:2: invalid YAML: Map keys must be unique/
    )
    expect(errorOf('fail-on: high\n---\nfail-on: none\n')).toBe(
      '.pipeguard.yml:2: a config file holds one YAML document; remove the second one (after `---`)'
    )
    expect(errorOf(`# ${'x'.repeat(MAX_CONFIG_BYTES)}\n`)).toBe(
      `.pipeguard.yml: the file is ${MAX_CONFIG_BYTES + 3} bytes; a config file may have at most ${MAX_CONFIG_BYTES}`
    )
  })

  it('treats __proto__ as the unknown key it is', () => {
    expect(errorOf('__proto__:\n  fail-on: none\n')).toContain('unknown key "__proto__"')
  })

  it('reports invalid YAML with its line', () => {
    expect(errorOf('fail-on: high\n  bad: [\n')).toMatch(/^\.pipeguard\.yml:\d+: invalid YAML/)
  })

  it.each(['- a\n- b\n', 'just text\n', '42\n', '!!binary aGVsbG8=\n'])(
    'rejects a top level that is not a mapping: %j',
    text => {
      expect(errorOf(text)).toBe('.pipeguard.yml: expected a mapping of settings at the top level')
    }
  )

  it('lets flags override the file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pg-config-'))
    writeFileSync(join(dir, '.pipeguard.yml'), 'fail-on: low\nmode: audit\n')
    const {config, file} = loadConfig(dir, undefined, {failOn: 'critical'})
    expect(file).toBe('.pipeguard.yml')
    expect(config.failOn).toBe('critical')
    expect(config.mode).toBe('audit')
  })

  it('refuses a config path that is a folder, or a file too large to read, before reading it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pg-config-'))
    mkdirSync(join(dir, '.pipeguard.yml'))
    expect(() => loadConfig(dir)).toThrow(
      new ConfigError('.pipeguard.yml: expected a config file, found something else')
    )
    writeFileSync(join(dir, 'big.yml'), '')
    truncateSync(join(dir, 'big.yml'), 3 * MAX_CONFIG_BYTES)
    expect(() => loadConfig(dir, 'big.yml')).toThrow(
      `big.yml: the file is ${3 * MAX_CONFIG_BYTES} bytes; a config file may have at most ${MAX_CONFIG_BYTES}`
    )
  })

  it('fails clearly when an explicit config file is missing', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pg-config-'))
    expect(() => loadConfig(dir, 'nope.yml')).toThrow('nope.yml: config file not found')
  })
})
