import {rmSync} from 'node:fs'
import {afterAll, describe, expect, it} from '@jest/globals'
import {ConfigSchema, type ConfigInput, type GateChange} from '@pipeguard/core'
import {createSecretsScanner} from '@pipeguard/secrets'
import {TEST_RULES} from './helpers/fake'
import {tempDir} from './helpers/scan'

const root = tempDir('gate')
afterAll(() => rmSync(root, {recursive: true, force: true}))

const gate = createSecretsScanner({rules: TEST_RULES}).gate!

type Files = Record<string, string>

/** The secret scan's gate changes from `base` to `head` (file texts by path). */
function changes(
  base: Files,
  head: Files,
  configs: {base?: Partial<ConfigInput>; head?: Partial<ConfigInput>} = {}
): GateChange[] {
  const side = (files: Files, config: Partial<ConfigInput> = {}) => ({
    config: ConfigSchema.parse(config),
    text: (path: string) => files[path]
  })
  return gate.changes({root, base: side(base, configs.base), head: side(head, configs.head)})
}

const ACME = `[[rules]]\nid = "acme"\nregex = '''acme_[a-z0-9]{24}'''\nkeywords = ["acme_"]\n`
const EXTEND = '[extend]\nuseDefault = true\n'

describe('secret scan gate changes on a pull request', () => {
  it('lists its own files: the gitleaks config it reads and .gitleaksignore', () => {
    expect(gate.files(ConfigSchema.parse({}))).toEqual(['.gitleaks.toml', '.gitleaksignore'])
    expect(gate.files(ConfigSchema.parse({secrets: {gitleaksConfig: 'ci/gitleaks.toml'}}))).toEqual(
      ['ci/gitleaks.toml', '.gitleaksignore']
    )
  })

  it('a .gitleaks.toml without useDefault disables every built-in rule it does not define', () => {
    expect(changes({}, {'.gitleaks.toml': ACME})).toEqual([
      {
        file: '.gitleaks.toml',
        what: 'disables 3 secret rule(s)',
        subject: 'test-token, test-private-key, generic-test-password',
        how: 'it does not set [extend] useDefault = true, so its rules replace the built-in ones'
      }
    ])
  })

  it('a .gitleaks.toml that extends the built-in rules, or adds a rule, disables nothing', () => {
    expect(changes({}, {'.gitleaks.toml': EXTEND + ACME})).toEqual([])
    expect(changes({'.gitleaks.toml': ACME}, {'.gitleaks.toml': EXTEND + ACME})).toEqual([])
  })

  it('names the rules [extend] disabledRules turns off, in the file the config points at', () => {
    expect(
      changes(
        {'ci/gitleaks.toml': EXTEND},
        {'ci/gitleaks.toml': `${EXTEND}disabledRules = ["test-token"]\n`},
        {
          base: {secrets: {gitleaksConfig: 'ci/gitleaks.toml'}},
          head: {secrets: {gitleaksConfig: 'ci/gitleaks.toml'}}
        }
      )
    ).toEqual([
      {file: 'ci/gitleaks.toml', what: 'disables 1 secret rule(s)', subject: 'test-token'}
    ])
  })

  it('reports a changed rule and a new global allowlist with its description', () => {
    const head = `${EXTEND}${ACME.replace('{24}', '{40}')}\n[[allowlists]]\ndescription = "vendored code"\npaths = ['''vendor/.*''']\n`
    expect(changes({'.gitleaks.toml': EXTEND + ACME}, {'.gitleaks.toml': head})).toEqual([
      {
        file: '.gitleaks.toml',
        what: 'changes 1 secret rule(s) (regex, keywords, entropy, path or allowlists)',
        subject: 'acme'
      },
      {
        file: '.gitleaks.toml',
        what: 'adds a global allowlist to the secret scan',
        subject: 'paths: vendor/.*',
        reason: 'vendored code'
      }
    ])
  })

  it('counts fingerprints added to .gitleaksignore, and nothing for removed ones', () => {
    const fingerprints = ['a1:config.env:github-pat:3', 'b2:.env:test-token:1']
    expect(
      changes(
        {'.gitleaksignore': '# reviewed\n'},
        {'.gitleaksignore': `# reviewed\n${fingerprints.join('\n')}\n`}
      )
    ).toEqual([
      {
        file: '.gitleaksignore',
        what: 'ignores 2 more secret finding(s) by fingerprint',
        subject: fingerprints.join(', ')
      }
    ])
    expect(changes({'.gitleaksignore': fingerprints.join('\n')}, {})).toEqual([])
  })

  it('says nothing when a gitleaks config cannot be read on one side', () => {
    expect(changes({'.gitleaks.toml': 'not = [toml'}, {'.gitleaks.toml': ACME})).toEqual([])
  })
})
