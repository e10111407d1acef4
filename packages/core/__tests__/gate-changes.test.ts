import {describe, expect, it} from '@jest/globals'
import {parseConfigText} from '../src/config-load'
import {addedEntries, baselineChanges, configChanges} from '../src/gate-changes'

const config = (text: string) => parseConfigText(text, '.pipeguard.yml')
const changes = (base: string, head: string) =>
  configChanges(config(base), config(head), '.pipeguard.yml').map(({file, ...rest}) => {
    expect(file).toBe('.pipeguard.yml')
    return rest
  })

describe('gate changes in .pipeguard.yml', () => {
  // [what the head does, base, head, the change reported]
  const weakening = [
    [
      'excludes a path',
      'exclude:\n  - {path: dist/**, reason: generated}\n',
      'exclude:\n  - {path: dist/**, reason: generated}\n  - {path: "**", reason: too slow}\n',
      {what: 'excludes from every scanner', subject: '**', reason: 'too slow'}
    ],
    [
      'ignores a rule',
      '',
      'ignore:\n  - {rule: github-pat, reason: rotated, expires: 2030-01-31}\n',
      {
        what: 'ignores findings',
        subject: 'github-pat in any file',
        reason: 'rotated',
        how: 'until 2030-01-31'
      }
    ],
    [
      'extends an ignore',
      'ignore:\n  - {path: a/**, reason: r, expires: 2026-01-31}\n',
      'ignore:\n  - {path: a/**, reason: r}\n',
      {
        what: 'ignores findings',
        subject: 'any rule in a/**',
        reason: 'r',
        how: 'with no expiry date'
      }
    ],
    [
      'allows secrets in a path',
      '',
      'secrets:\n  allow-paths: [{path: src/**, reason: fixtures}]\n',
      {what: 'allows secrets in', subject: 'src/**', reason: 'fixtures'}
    ],
    [
      'allows secrets by regex',
      '',
      'secrets:\n  allow-regexes: [{regex: ".*", reason: noisy}]\n',
      {what: 'allows secrets matching', subject: '.*', reason: 'noisy'}
    ],
    [
      'turns a secret rule off',
      '',
      'secrets:\n  disable-rules: [{id: github-pat, reason: noisy}]\n',
      {what: 'turns off secret rule', subject: 'github-pat', reason: 'noisy'}
    ],
    [
      'skips an IaC check',
      '',
      'iac:\n  skip-checks: [{id: PG-TF-001, reason: public site}]\n',
      {what: 'turns off IaC check', subject: 'PG-TF-001', reason: 'public site'}
    ],
    [
      'raises fail-on',
      'fail-on: high\n',
      'fail-on: none\n',
      {what: 'raises fail-on', subject: 'high → none'}
    ],
    [
      'switches to audit mode',
      '',
      'mode: audit\n',
      {what: 'switches to audit mode: no finding fails the run'}
    ],
    [
      'turns a scanner off',
      '',
      'iac:\n  enabled: false\n',
      {what: 'turns off the iac scanner', subject: 'iac.enabled: false'}
    ],
    [
      'drops a custom policy',
      'iac:\n  policies: [team.yml]\n',
      '',
      {what: 'stops running the custom IaC policies in', subject: 'team.yml'}
    ],
    [
      'raises the entropy floor',
      '',
      'secrets:\n  entropy: 5\n',
      {what: 'raises the entropy floor of the generic secret rule', subject: 'default → 5'}
    ],
    [
      'decodes fewer layers',
      'secrets:\n  max-decode-depth: 2\n',
      'secrets:\n  max-decode-depth: 0\n',
      {what: 'decodes fewer layers of encoded secrets', subject: 'max-decode-depth 2 → 0'}
    ],
    [
      'lowers max-file-size',
      '',
      'max-file-size: 10\n',
      {what: 'skips more files as too large', subject: 'max-file-size 5242880 → 10'}
    ],
    [
      'stops auditing dev dependencies',
      '',
      'deps:\n  include-dev: false\n',
      {what: 'stops auditing development dependencies', subject: 'deps.include-dev: false'}
    ],
    [
      'rates unknown severities lower',
      '',
      'deps:\n  unknown-severity: info\n',
      {
        what: 'rates vulnerabilities of unknown severity lower',
        subject: 'deps.unknown-severity high → info'
      }
    ],
    [
      'points at another advisory database',
      '',
      'deps:\n  advisory-db: empty-db\n',
      {what: 'reads advisories from another offline database', subject: 'empty-db'}
    ],
    [
      'points at another OSV server, shown without credentials',
      '',
      'deps:\n  osv-url: https://user:hunter2@osv.example/\n',
      {what: 'queries another advisory server', subject: 'https://osv.example/'}
    ],
    [
      'denies fewer licences',
      'deps:\n  licenses: {deny: [GPL-3.0-only, AGPL-3.0-only]}\n',
      'deps:\n  licenses: {deny: [GPL-3.0-only]}\n',
      {what: 'no longer denies the licences', subject: 'AGPL-3.0-only'}
    ],
    [
      'allows more licences',
      'deps:\n  licenses: {allow: [MIT]}\n',
      'deps:\n  licenses: {allow: [MIT, GPL-3.0-only]}\n',
      {what: 'also allows the licences', subject: 'GPL-3.0-only'}
    ],
    [
      'drops the licence policy',
      'deps:\n  licenses: {allow: [MIT]}\n',
      '',
      {what: 'drops the licence policy', subject: 'deps.licenses'}
    ]
  ] as const

  it.each(weakening)('reports a head that %s', (_, base, head, change) => {
    expect(changes(base, head)).toEqual([change])
  })

  it.each(weakening.map(([what, base, head]) => [what, base, head] as const))(
    'reports nothing when the base already %s, or the head undoes it',
    (_, base, head) => {
      expect(changes(head, head)).toEqual([])
      expect(changes(head, base)).toEqual([])
    }
  )

  it('reports nothing for changes that only make the gate stricter or say more', () => {
    expect(
      changes(
        'fail-on: high\nexclude:\n  - {path: dist/**, reason: generated}\nignore:\n  - {rule: x, reason: r, expires: 2027-01-31}\ndeps:\n  osv-url: https://osv.example/\n',
        'fail-on: low\nexclude:\n  - {path: dist/**, reason: "generated bundles, rebuilt in CI"}\nignore:\n  - {rule: x, reason: r, expires: 2026-01-31}\niac:\n  policies: [team.yml]\ndeps:\n  unknown-severity: critical\n'
      )
    ).toEqual([])
  })
})

describe('gate changes in the baseline and ignore files', () => {
  const baseline = (...fingerprints: string[]) =>
    JSON.stringify({
      version: 1,
      findings: fingerprints.map(fingerprint => ({fingerprint, ruleId: 'r', path: 'p'}))
    })

  it('counts findings added to the baseline, and nothing for removed ones', () => {
    expect(
      baselineChanges(baseline('a'), baseline('a', 'b', 'c'), '.pipeguard-baseline.json')
    ).toEqual([
      {
        file: '.pipeguard-baseline.json',
        what: 'adds 2 finding(s) to the baseline: they no longer fail the run'
      }
    ])
    expect(baselineChanges(undefined, baseline('a'), 'b.json')).toHaveLength(1)
    expect(baselineChanges(baseline('a', 'b'), baseline('a'), 'b.json')).toEqual([])
    expect(baselineChanges(baseline('a'), 'not json', 'b.json')).toEqual([])
  })

  it('lists the entries added to an ignore file, without comments, blanks or repeats', () => {
    expect(addedEntries('a\n# note\n', 'a\n\n# other note\nb\r\nb\n  c  \n')).toEqual(['b', 'c'])
    expect(addedEntries('a\nb\n', 'a\n')).toEqual([])
  })
})
