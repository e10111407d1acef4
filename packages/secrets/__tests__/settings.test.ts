import {rmSync} from 'node:fs'
import {afterAll, describe, expect, it} from '@jest/globals'
import {ConfigSchema, type ConfigInput} from '@pipeguard/core'
import {loadSecretsSettings} from '@pipeguard/secrets'
import {TEST_RULES} from './helpers/fake'
import {tempDir, writeFiles} from './helpers/scan'

const roots: string[] = []
afterAll(() => roots.forEach(root => rmSync(root, {recursive: true, force: true})))

/** The notes and rule count of a root with these files and config. */
function settingsOf(files: Record<string, string>, config: Partial<ConfigInput> = {}) {
  const root = tempDir('settings')
  roots.push(root)
  writeFiles(root, files)
  const settings = loadSecretsSettings(root, ConfigSchema.parse(config), TEST_RULES)
  return {notes: settings.notes, rules: settings.detector.rules.map(r => r.id)}
}

const ACME_RULE = `[[rules]]\nid = "acme"\nregex = '''acme_[a-z0-9]{24}'''\nkeywords = ["acme_"]\n`

describe('secret rule set notes', () => {
  it('says how many rules run, and that they are the built-in ones', () => {
    expect(settingsOf({})).toEqual({
      notes: ['3 rule(s) run (built in)'],
      rules: ['test-token', 'test-private-key', 'generic-test-password']
    })
  })

  it('says when a .gitleaks.toml without useDefault replaces the built-in rules', () => {
    expect(settingsOf({'.gitleaks.toml': ACME_RULE})).toEqual({
      notes: [
        '1 rule(s) run (from .gitleaks.toml)',
        '3 built-in rule(s) do not run: .gitleaks.toml replaces them (it does not set [extend] useDefault = true)'
      ],
      rules: ['acme']
    })
  })

  it('says nothing is off when .gitleaks.toml extends the built-in rules', () => {
    expect(settingsOf({'.gitleaks.toml': `[extend]\nuseDefault = true\n\n${ACME_RULE}`})).toEqual({
      notes: ['4 rule(s) run (built in and from .gitleaks.toml)'],
      rules: ['test-token', 'test-private-key', 'generic-test-password', 'acme']
    })
  })

  it('counts the built-in rules that [extend] disabledRules and secrets.disable-rules turn off', () => {
    const {notes} = settingsOf(
      {
        'ci/gitleaks.toml': `[extend]\nuseDefault = true\ndisabledRules = ["test-private-key"]\n`
      },
      {
        secrets: {
          gitleaksConfig: 'ci/gitleaks.toml',
          disableRules: [{id: 'generic-test-password', reason: 'noisy'}]
        }
      }
    )
    expect(notes).toEqual([
      '1 rule(s) run (built in and from ci/gitleaks.toml)',
      '1 built-in rule(s) do not run: [extend] disabledRules in ci/gitleaks.toml',
      '1 rule(s) do not run: secrets.disable-rules'
    ])
  })

  it('shows 0 when every rule is off', () => {
    const off = ['test-token', 'test-private-key', 'generic-test-password'].map(id => ({
      id,
      reason: 'all off'
    }))
    expect(settingsOf({}, {secrets: {disableRules: off}}).notes[0]).toBe('0 rule(s) run (built in)')
  })
})
