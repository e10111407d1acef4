import {describe, expect, it} from '@jest/globals'
import {codeTexts, githubMarkdown, linkTargets} from '../../../test/helpers/github-markdown'
import {createFinding, type Finding} from '../src/finding'
import {COMMENT_MAX_CHARS, marker, renderCommentBody} from '../src/github/comment'
import {blobUrl} from '../src/github/context'
import {fitRows, locationCell, safeLink, type RowContext} from '../src/github/markdown'
import {renderSummary, SUMMARY_MAX_BYTES} from '../src/github/summary'
import type {ScanReport} from '../src/report'
import type {Severity} from '../src/severity'

const github = {
  serverUrl: 'https://github.com',
  owner: 'acme',
  repo: 'app',
  sha: 'c0ffee'.padEnd(40, '0'),
  runUrl: 'https://github.com/acme/app/actions/runs/1'
}
const rows: RowContext = {github, repoFile: path => path}

let n = 0
const finding = (
  severity: Severity,
  extra: Partial<Parameters<typeof createFinding>[0]> = {}
): Finding =>
  createFinding({
    scanner: 'iac',
    ruleId: `rule-${severity}`,
    severity,
    title: 'Title',
    message: 'Something is wrong',
    remediation: 'Do the right thing',
    path: `file-${++n}.tf`,
    startLine: 3,
    fingerprintContent: String(n),
    status: 'new',
    ...extra
  } as Parameters<typeof createFinding>[0])

function report(findings: Finding[]): ScanReport {
  return {
    tool: {name: 'pipeguard', version: '0.1.0'},
    root: '/repo',
    config: {failOn: 'high', mode: 'enforce'},
    findings,
    blocking: findings.filter(
      f => f.status === 'new' && (f.severity === 'critical' || f.severity === 'high')
    ),
    errors: [],
    skipped: [],
    expiredIgnores: [],
    scanners: [
      {
        id: 'iac',
        name: 'iac',
        title: 'IaC lint',
        files: 3,
        findings: findings.length,
        durationMs: 1,
        notes: [],
        status: 'ok',
        reasons: []
      }
    ],
    incomplete: [],
    exitCode: 0
  }
}

describe('links', () => {
  it('point at the commit with a line anchor and encode every path segment', () => {
    expect(blobUrl(github, 'a b/(x).tf', 3, 5)).toBe(
      `https://github.com/acme/app/blob/${github.sha}/a%20b/%28x%29.tf#L3-L5`
    )
    expect(blobUrl(github, 'x.tf', 3, 3)).toBe(
      `https://github.com/acme/app/blob/${github.sha}/x.tf#L3`
    )
  })

  it('a hostile file name cannot close the link or inject markdown', () => {
    const f = finding('high', {path: 'evil](https://evil.example)<img src=x>`@admin.tf'})
    const cell = locationCell(f, rows)
    const html = githubMarkdown().renderInline(cell)
    expect(linkTargets(html)).toEqual([
      `https://github.com/acme/app/blob/${github.sha}/evil%5D%28https%3A//evil.example%29%3Cimg%20src%3Dx%3E%60%40admin.tf#L3`
    ])
    // The name stays code inside the one link; with a `<` in it, autolinks are broken as in text.
    expect(codeTexts(html)).toEqual([
      'evil](https:\u200b//evil.example)<img src=x>`@\u200badmin.tf:3'
    ])
    expect(html).not.toContain('<img')
  })

  it('safeLink accepts only http(s) and percent-encodes parentheses', () => {
    expect(safeLink('docs', 'javascript:alert(1)')).toBe('docs')
    expect(safeLink('docs', 'not a url')).toBe('docs')
    expect(safeLink('docs', 'https://example.com/a_(b)')).toBe(
      '[docs](https://example.com/a_%28b%29)'
    )
  })
})

describe('renderCommentBody', () => {
  it('starts with the hidden marker and escapes untrusted text', () => {
    const f = finding('critical', {
      message: '@octocat <script>alert(1)</script> [click](https://evil.example) ![x](y) #1'
    })
    const {body, dropped} = renderCommentBody({
      markerId: 'iac-lint',
      heading: 'pipeguard · IaC lint',
      verdict: 'v',
      sections: [{title: 'IaC lint', findings: [f]}],
      notes: [],
      rows,
      github
    })
    expect(body.startsWith(marker('iac-lint'))).toBe(true)
    expect(dropped).toBe(0)
    expect(body).not.toContain('<script>')
    expect(body).not.toMatch(/(^|[^\\])\[click\]\(/)
    expect(body).not.toMatch(/(^|\s)@octocat/)
    expect(body).toContain(`commit ${github.sha.slice(0, 7)}`)
  })

  it('stays under 65,536 characters by dropping the least severe rows and says how many', () => {
    const many = [
      ...Array.from({length: 200}, () => finding('low', {message: 'x'.repeat(900)})),
      ...Array.from({length: 5}, () => finding('critical', {message: 'y'.repeat(900)}))
    ]
    const {body, dropped} = renderCommentBody({
      markerId: 'iac-lint',
      heading: 'h',
      verdict: 'v',
      sections: [{title: 'IaC lint', findings: many}],
      notes: [],
      rows,
      github
    })
    expect(body.length).toBeLessThanOrEqual(COMMENT_MAX_CHARS)
    expect(dropped).toBeGreaterThan(0)
    expect(body).toContain(`${dropped} less severe finding(s) not shown here`)
    // Every critical survives; only low rows went.
    expect(body.match(/🟥 critical \|/g)?.length).toBe(5)
    expect(body.match(/🟦 low \|/g)?.length).toBe(200 - dropped)
  })

  it('groups by scanner when there is more than one section', () => {
    const {body} = renderCommentBody({
      markerId: 'pipeguard',
      heading: 'h',
      verdict: 'v',
      sections: [
        {title: 'Secret scan', findings: [finding('high')]},
        {title: 'IaC lint', findings: [finding('low')]}
      ],
      notes: [],
      rows,
      github
    })
    expect(body.indexOf('#### Secret scan')).toBeLessThan(body.indexOf('#### IaC lint'))
  })
})

describe('renderSummary', () => {
  it('has counts per scanner, a mermaid pie, status and fix hints', () => {
    const findings = [
      finding('critical'),
      finding('medium', {status: 'filtered'}),
      finding('medium', {status: 'existing', suppression: 'in the baseline'}),
      finding('low', {status: 'existing', suppression: 'already on the base branch'})
    ]
    const {markdown} = renderSummary({
      heading: 'pipeguard',
      report: report(findings),
      rows,
      notes: ['a note']
    })
    expect(markdown).toContain('| IaC lint | 1 | 0 | 2 | 1 | 0 | 4 |')
    expect(markdown).toContain(
      '```mermaid\npie showData title Findings by severity\n  "critical" : 1\n  "medium" : 2\n  "low" : 1\n```'
    )
    expect(markdown).toContain('| outside the diff |')
    expect(markdown).toContain('| baseline |')
    expect(markdown).toContain('| on the base branch |')
    expect(markdown).toContain(
      'Already there before this change: 1 in the baseline and 1 already on the base branch.'
    )
    expect(markdown).toContain('1 finding(s) lie outside the lines this change touched')
    expect(markdown).toContain('- `rule-critical`: Do the right thing')
    expect(markdown).toContain('a note')
  })

  it('a clean report says so and has no chart', () => {
    const {markdown} = renderSummary({heading: 'pipeguard', report: report([]), rows, notes: []})
    expect(markdown).toContain('No findings in 3 file(s).')
    expect(markdown).not.toContain('mermaid')
  })

  it('stays under 1 MiB in UTF-8 bytes with multi-byte text', () => {
    const findings = Array.from({length: 3000}, (_, i) =>
      finding(i % 2 ? 'low' : 'high', {message: '€'.repeat(300)})
    )
    const {markdown, dropped} = renderSummary({
      heading: 'pipeguard',
      report: report(findings),
      rows,
      notes: []
    })
    expect(Buffer.byteLength(markdown)).toBeLessThanOrEqual(SUMMARY_MAX_BYTES)
    expect(dropped).toBeGreaterThan(0)
    expect(markdown).toContain(`${dropped} less severe finding(s) left out`)
    // All low rows go before any high one.
    expect(markdown.match(/🟦 low \| `/g)).toBeNull()
    expect(markdown.match(/🟧 high \| `/g)?.length).toBe(3000 - dropped)
  })
})

describe('fitRows', () => {
  it('returns everything when it fits and fails loudly when even zero rows do not', () => {
    const fs = [finding('low'), finding('high')]
    expect(fitRows(fs, kept => kept.map(f => f.severity).join(','), 100)).toEqual({
      text: 'high,low',
      dropped: 0
    })
    expect(() => fitRows(fs, () => 'x'.repeat(10), 5)).toThrow('exceeds 5')
  })
})
