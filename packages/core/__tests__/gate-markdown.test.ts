import {describe, expect, it} from '@jest/globals'
import {escapeInlineCode} from '../src/escape'
import type {GateChange} from '../src/gate-changes'
import {GATE_CHANGES_SHOWN, gateChangeLines, scannerFactLines} from '../src/github/gate-markdown'
import type {ScanReport} from '../src/report'

describe('gate section of the PR comment and job summary', () => {
  it('is empty when the pull request weakens nothing', () => {
    expect(gateChangeLines([])).toEqual([])
  })

  it('lists each change with its subject, file and reason, and says it is not a block', () => {
    const lines = gateChangeLines([
      {
        file: '.gitleaks.toml',
        what: 'disables 290 secret rule(s)',
        subject: 'aws-access-key-id and 289 more',
        how: 'it does not set [extend] useDefault = true, so its rules replace the built-in ones'
      },
      {file: '.pipeguard.yml', what: 'excludes from every scanner', subject: '**', reason: 'slow'}
    ])
    expect(lines).toEqual([
      '#### ⚠️ This pull request weakens the gate',
      '',
      `- disables 290 secret rule(s) ${escapeInlineCode('aws-access-key-id and 289 more')}: it does not set [extend] useDefault = true, so its rules replace the built-in ones (${escapeInlineCode('.gitleaks.toml')})`,
      `- excludes from every scanner ${escapeInlineCode('**')} (${escapeInlineCode('.pipeguard.yml')}, reason: slow)`,
      '',
      '_A report for the reviewer, not a block: this pull request changes what the gate checks; the gate itself decides as before._',
      ''
    ])
  })

  it('escapes what the pull request author wrote: no HTML, mentions, links or new lines', () => {
    const line = gateChangeLines([
      {
        file: 'a`b.yml',
        what: 'excludes from every scanner',
        subject: '`**`\n- forged line',
        reason: '<!-- pipeguard:secret-scan --> ping @octocat [x](https://evil.example)\n- forged'
      }
    ])[2]!
    expect(line).not.toContain('\n')
    expect(line).not.toContain('<!--')
    expect(line).not.toMatch(/(?<!\\)\[x\]\(/)
    expect(line).not.toMatch(/(?<![\w\\])@octocat/)
    expect(line).toBe(
      `- excludes from every scanner ${escapeInlineCode('`**`\n- forged line')} (${escapeInlineCode('a`b.yml')}, reason: ${line.split(', reason: ')[1]}`
    )
  })

  it(`shows ${GATE_CHANGES_SHOWN} changes and counts the rest`, () => {
    const many: GateChange[] = Array.from({length: GATE_CHANGES_SHOWN + 4}, (_, i) => ({
      file: '.pipeguard.yml',
      what: 'turns off IaC check',
      subject: `PG-${i}`,
      reason: 'r'
    }))
    const lines = gateChangeLines(many)
    expect(lines.filter(l => l.startsWith('- turns off'))).toHaveLength(GATE_CHANGES_SHOWN)
    expect(lines).toContain('- … and 4 more changes')
  })
})

describe('what ran, in the job summary', () => {
  const report = (scanners: Array<{title: string; notes: string[]; files?: number}>) =>
    ({
      scanners: scanners.map(s => ({
        id: 'x',
        name: 'x',
        files: 3,
        durationMs: 1,
        findings: 0,
        ...s
      }))
    }) as unknown as ScanReport

  it('shows every scanner with its notes, so 0 rules is visible', () => {
    expect(
      scannerFactLines(
        report([
          {title: 'Secret scan', notes: ['0 rule(s) run (from .gitleaks.toml)', '3 file(s)']},
          {title: 'IaC lint', notes: []}
        ])
      )
    ).toEqual([
      '**What ran**',
      '',
      expect.stringMatching(/^- \*\*Secret scan\*\*: 0 rule.*from \.gitleaks\.toml.* · 3 file/),
      '- **IaC lint**: 3 file(s)',
      ''
    ])
  })

  it('escapes notes that quote file names', () => {
    const line = scannerFactLines(
      report([{title: 'IaC lint', notes: ['<img src=x>.tf:3: pipeguard:ignore has no reason']}])
    )[2]!
    expect(line).toBe('- **IaC lint**: &lt;img src=x&gt;.tf:3: pipeguard:ignore has no reason')
  })
})
