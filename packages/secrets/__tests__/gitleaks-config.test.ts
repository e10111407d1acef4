import {mkdtempSync, readdirSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterAll, describe, expect, it} from '@jest/globals'
import {ConfigError} from '@pipeguard/core'
import {compileRule, Detector, loadGitleaksConfig, RULES} from '@pipeguard/secrets'
import {ALNUM, fake} from './helpers/fake'

const FIXTURES = join(
  import.meta.dirname,
  '..',
  '..',
  '..',
  'test',
  'fixtures',
  'secrets',
  'gitleaks'
)
const CONFIG = join(FIXTURES, 'testdata', 'config')
// gitleaks resolves `[extend] path` against its working directory; its tests run from config/.
const options = {defaults: RULES.map(compileRule), baseDirs: [join(FIXTURES, 'config')]}
const load = (name: string) => loadGitleaksConfig(join(CONFIG, name), options)
const ids = (name: string) =>
  load(name)
    .rules.map(r => r.id)
    .sort()

describe('gitleaks config', () => {
  const valid = readdirSync(join(CONFIG, 'valid')).filter(f => f.endsWith('.toml'))
  const invalid = readdirSync(join(CONFIG, 'invalid')).filter(f => f.endsWith('.toml'))

  it.each(valid)('loads valid/%s', file => {
    expect(() => load(`valid/${file}`)).not.toThrow()
  })

  it.each(invalid)('rejects invalid/%s with a ConfigError naming the file', file => {
    let error: unknown
    try {
      load(`invalid/${file}`)
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(ConfigError)
    expect((error as Error).message).toContain(`invalid/${file}`)
  })

  it.each([
    [
      'allowlist_global_empty.toml',
      'must contain at least one check for: commits, paths, regexes, or stopwords'
    ],
    [
      'allowlist_global_old_and_new.toml',
      '[allowlist] is deprecated, it cannot be used alongside [[allowlists]]'
    ],
    ['allowlist_global_regextarget.toml', 'unknown allowlist |regexTarget| "mtach"'],
    ['allowlist_global_target_rule_id.toml', 'targetRules references unknown rule "github-pat"'],
    [
      'allowlist_rule_empty.toml',
      'rule "example": allowlist 1: [[allowlists]] must contain at least one check'
    ],
    ['allowlist_rule_old_and_new.toml', 'rule "example": [rules.allowlist] is deprecated'],
    [
      'allowlist_rule_regextarget.toml',
      'rule "example": allowlist 1: unknown allowlist |regexTarget|'
    ],
    [
      'extend_invalid_base.toml',
      '[extend] path "../testdata/config/invalid/does_not_exist.toml" does not exist'
    ],
    ['extend_invalid_ruleid.toml', 'rule |id| is missing or empty'],
    [
      'rule_bad_entropy_group.toml',
      'rule "discord-api-key": invalid regex secret group 5, max regex secret group 3'
    ],
    ['rule_missing_id.toml', 'rule |id| is missing or empty, regex: (?i)(discord'],
    ['rule_no_regex_or_path.toml', 'rule "discord-api-key": both |regex| and |path| are empty']
  ])('explains why invalid/%s is rejected', (file, message) => {
    expect(() => load(`invalid/${file}`)).toThrow(message)
  })

  it('loads gitleaks’ own default config (222 rules, Go RE2 syntax) with the RE2 engine', () => {
    const config = loadGitleaksConfig(join(FIXTURES, 'gitleaks.toml'), options)
    expect(config.rules).toHaveLength(222)
    expect(config.allowlists.length).toBeGreaterThan(0)
  })

  it('follows [extend] path up to depth 2, like gitleaks', () => {
    expect(ids('valid/extend.toml')).toEqual([
      'aws-access-key',
      'aws-secret-key',
      'aws-secret-key-again'
    ])
  })

  it('drops [extend] disabledRules', () => {
    expect(ids('valid/extend_disabled.toml')).toEqual(['aws-secret-key', 'pypi-upload-token'])
  })

  it('lets a rule override the fields of the rule it extends', () => {
    const rule = (name: string) => load(`valid/${name}`).rules.find(r => r.id === 'aws-access-key')!
    expect(rule('extend_rule_override_description.toml').description).toBe('Puppy Doggy')
    expect(rule('extend_rule_override_entropy.toml').entropy).toBe(999)
    expect(rule('extend_rule_override_keywords.toml').keywords).toEqual(['puppy'])
    expect(rule('extend_rule_override_regex.toml').pattern!.source).toBe('(?:a)')
    expect(rule('extend_rule_override_secret_group.toml').secretGroup).toBe(2)
    expect(rule('extend_rule_override_path.toml').path!('src/puppy.txt')).toBe(true)
    // The override keeps what it does not set.
    expect(rule('extend_rule_override_description.toml').pattern!.source).toContain('AKIA')
  })

  it('appends allowlists of an extending rule to the base rule’s', () => {
    const rule = load('valid/extend_rule_allowlist_and.toml').rules.find(
      r => r.id === 'aws-secret-key-again-again'
    )!
    expect(rule.allowlists.map(a => a.condition)).toEqual(['OR', 'AND'])
  })

  it('[extend] useDefault brings in the built-in rules', () => {
    const config = load('valid/allowlist_rule_extend_default.toml')
    expect(config.rules.map(r => r.id).sort()).toEqual(RULES.map(r => r.id).sort())
  })

  it('accepts a path-only rule', () => {
    const [rule] = load('valid/rule_path_only.toml').rules
    expect(rule!.pattern).toBeUndefined()
    expect(rule!.path!('src/app.py')).toBe(true)
  })
})

describe('gitleaks rules in the detector', () => {
  const dirs: string[] = []
  afterAll(() => dirs.forEach(dir => rmSync(dir, {recursive: true, force: true})))
  const detectorFor = (toml: string) => {
    const dir = mkdtempSync(join(tmpdir(), 'pg-gitleaks-'))
    dirs.push(dir)
    const file = join(dir, '.gitleaks.toml')
    writeFileSync(file, toml)
    const config = loadGitleaksConfig(file, {defaults: []})
    return new Detector({rules: config.rules, allowlists: config.allowlists})
  }
  const secret = fake(ALNUM, 32, 'gitleaks')

  it('runs Go RE2 syntax: (?i), named groups (?P<name>...), \\z', () => {
    const detector = detectorFor(`[[rules]]
id = "acme-key"
description = "Acme key"
regex = '''(?i)acme[_-]?key\\s*=\\s*"(?P<key>[a-z0-9]{32})"\\z'''
secretGroup = 1
keywords = ["ACME"]
`)
    const [d] = detector.detect({text: `ACME_KEY = "${secret}"`, path: 'a.env'})
    expect(d).toMatchObject({secret, startLine: 1})
    expect(d!.rule.description).toBe('Acme key')
    expect(detector.detect({text: `ACME_KEY = "${secret}"\nmore`, path: 'a.env'})).toEqual([])
  })

  it('applies AND allowlists only when every criterion matches, with regexTarget line', () => {
    const detector = detectorFor(`[[rules]]
id = "acme-key"
regex = '''acme_key = "([A-Za-z0-9]{32})"'''
keywords = ["acme_key"]
[[rules.allowlists]]
condition = "AND"
paths = ['''^test/''']
regexTarget = "line"
regexes = ['''fixture''']
`)
    const line = `acme_key = "${secret}" # fixture`
    expect(detector.detect({text: line, path: 'test/a.py'})).toEqual([])
    expect(detector.detect({text: line, path: 'src/a.py'})).toHaveLength(1)
    expect(detector.detect({text: `acme_key = "${secret}"`, path: 'test/a.py'})).toHaveLength(1)
  })

  it('applies global allowlists: stopwords, commits and targetRules', () => {
    const detector = detectorFor(`[[rules]]
id = "acme-key"
regex = '''acme_key = "([A-Za-z0-9]{32})"'''
[[rules]]
id = "other-key"
regex = '''other_key = "([A-Za-z0-9]{32})"'''
[[allowlists]]
commits = ["abc123"]
[[allowlists]]
targetRules = ["acme-key"]
stopwords = ["${secret.slice(3, 9).toLowerCase()}"]
`)
    expect(detector.detect({text: `acme_key = "${secret}"`, path: 'a'})).toEqual([])
    expect(detector.detect({text: `other_key = "${secret}"`, path: 'a'})).toHaveLength(1)
    expect(detector.detect({text: `other_key = "${secret}"`, path: 'a', commit: 'abc123'})).toEqual(
      []
    )
  })

  it('cannot hang on a catastrophic-backtracking user regex (RE2, linear time)', () => {
    const detector = detectorFor(`[[rules]]
id = "evil"
regex = '''(a+)+$'''
`)
    const started = Date.now()
    detector.detect({text: 'a'.repeat(50_000) + 'b', path: 'a'})
    expect(Date.now() - started).toBeLessThan(3000)
  })

  it('rejects a regex RE2 does not support, naming the rule', () => {
    expect(() =>
      detectorFor(`[[rules]]
id = "lookbehind"
regex = '''(?<=x)y'''
`)
    ).toThrow(/rule "lookbehind": invalid regex/)
  })

  it('turns bad TOML into a ConfigError', () => {
    expect(() => detectorFor('[[rules]\nid = 1')).toThrow(ConfigError)
    expect(() => detectorFor('[[rules]]\nid = 1')).toThrow(/rules\.0\.id/)
  })
})
