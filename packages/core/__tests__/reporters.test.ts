import {describe, expect, it} from '@jest/globals'
import {githubMarkdown, linkTargets} from '../../../test/helpers/github-markdown'
import {sarifValidator} from '../../../test/helpers/sarif-schema'
import {defaultConfig} from '../src/config-schema'
import {createFinding} from '../src/finding'
import {applyPolicy} from '../src/policy'
import type {ScanReport} from '../src/report'
import {renderJson} from '../src/reporters/json'
import {renderMarkdown} from '../src/reporters/markdown'
import {buildSarif} from '../src/reporters/sarif'
import {renderTable, useColor} from '../src/reporters/table'

function report(): ScanReport {
  const findings = [
    createFinding({
      scanner: 'secrets',
      ruleId: 'github-pat',
      severity: 'critical',
      title: 'GitHub personal access token',
      message: 'GitHub token ghp_Ab12**** found',
      remediation: 'Revoke it at https://github.com/settings/tokens',
      path: 'src/[evil](http://x).ts',
      startLine: 4,
      fingerprintContent: 'x'
    }),
    createFinding({
      scanner: 'dependencies',
      ruleId: 'GHSA-jf85-cpcp-j695',
      severity: 'high',
      title: 'Prototype pollution in lodash',
      message: 'lodash 4.17.15 <img src=x> @maintainer',
      path: 'package-lock.json',
      startLine: 10,
      fingerprintContent: 'npm/lodash@4.17.15+GHSA-jf85-cpcp-j695',
      package: {ecosystem: 'npm', name: 'lodash', version: '4.17.15'},
      vulnerability: {
        id: 'GHSA-jf85-cpcp-j695',
        aliases: ['CVE-2019-10744'],
        fixedVersions: ['4.17.12']
      }
    })
  ]
  const policy = applyPolicy({findings, config: defaultConfig()})
  return {
    tool: {name: 'pipeguard', version: '0.1.0'},
    root: '/tmp/x',
    config: {failOn: 'high', mode: 'enforce'},
    findings: policy.findings,
    blocking: policy.blocking,
    errors: [{path: 'broken.tf', message: 'broken.tf:3: syntax error'}],
    skipped: [{path: 'img.png', reason: 'binary file'}],
    expiredIgnores: [],
    scanners: [
      {
        id: 'secrets',
        name: 'secrets',
        title: 'Secret scan',
        files: 3,
        findings: 1,
        durationMs: 5,
        notes: [],
        status: 'ok',
        reasons: []
      },
      {
        id: 'dependencies',
        name: 'deps',
        title: 'Dependency audit',
        files: 1,
        findings: 1,
        durationMs: 5,
        notes: [],
        status: 'ok',
        reasons: []
      }
    ],
    incomplete: [],
    exitCode: policy.exitCode
  }
}

describe('reporters', () => {
  it('json follows the contract', () => {
    const doc = JSON.parse(renderJson(report()))
    expect(doc.tool).toEqual({name: 'pipeguard', version: '0.1.0'})
    expect(doc.errors).toEqual([{path: 'broken.tf', message: 'broken.tf:3: syntax error'}])
    const dep = doc.findings.find((f: {scanner: string}) => f.scanner === 'dependencies')
    expect(dep).toMatchObject({
      ruleId: 'GHSA-jf85-cpcp-j695',
      severity: 'high',
      location: {path: 'package-lock.json', startLine: 10, endLine: 10},
      package: {ecosystem: 'npm', name: 'lodash', version: '4.17.15'},
      vulnerability: {
        id: 'GHSA-jf85-cpcp-j695',
        aliases: ['CVE-2019-10744'],
        fixedVersions: ['4.17.12']
      }
    })
    expect(typeof dep.fingerprint).toBe('string')
    expect(
      doc.findings.find((f: {scanner: string}) => f.scanner === 'secrets').package
    ).toBeUndefined()
  })

  it('shows a finding’s context and count in every format', () => {
    const base = report()
    const inTest = {
      ...base.findings.find(f => f.scanner === 'secrets')!,
      context: 'test' as const,
      count: 14
    }
    const withContext: ScanReport = {
      ...base,
      findings: [inTest, ...base.findings.filter(f => f.scanner !== 'secrets')]
    }
    const doc = JSON.parse(renderJson(withContext))
    expect(doc.findings.find((f: {scanner: string}) => f.scanner === 'secrets')).toMatchObject({
      context: 'test',
      count: 14
    })
    expect(doc.findings.find((f: {scanner: string}) => f.scanner === 'dependencies').context).toBe(
      undefined
    )
    expect(renderTable(withContext, {color: false})).toContain('(test, 14 times)')
    expect(renderMarkdown(withContext)).toContain('critical (test, 14 times)')
    const sarif = buildSarif(withContext) as {runs: Array<{results: Array<{properties: object}>}>}
    const results = sarif.runs.flatMap(run => run.results)
    expect(results.map(r => r.properties)).toContainEqual(
      expect.objectContaining({context: 'test', count: 14})
    )
    expect(renderTable(base, {color: false})).not.toContain('times)')
  })

  it('json keeps one finding per advisory and adds one remediation per package version and file', () => {
    const r = report()
    const lodash = r.findings[1]!
    const upgrade = {kind: 'fix' as const, version: '4.17.21', text: 'Upgrade lodash to 4.17.21.'}
    const second = {
      ...lodash,
      ruleId: 'GHSA-35jh-r3h4-6jhm',
      fingerprint: 'f2',
      vulnerability: {id: 'GHSA-35jh-r3h4-6jhm', aliases: [], fixedVersions: ['4.17.21']},
      upgrade
    }
    r.findings = [r.findings[0]!, {...lodash, upgrade}, second]
    const doc = JSON.parse(renderJson(r))
    expect(doc.findings).toHaveLength(3)
    expect(doc.findings[1].upgrade).toEqual(upgrade)
    expect(doc.remediations).toEqual([
      {
        package: {ecosystem: 'npm', name: 'lodash', version: '4.17.15'},
        path: 'package-lock.json',
        startLine: 10,
        advisories: ['GHSA-35jh-r3h4-6jhm', 'GHSA-jf85-cpcp-j695'],
        severity: 'high',
        upgrade,
        fingerprints: ['f2', lodash.fingerprint]
      }
    ])
    // The markdown shows the package once, both advisories linked.
    const md = renderMarkdown(r)
    expect(md.match(/`package-lock\.json:10`/g)).toHaveLength(1)
    expect(md).toContain('| Upgrade lodash to 4.17.21. |')
  })

  it('sarif validates against the official SARIF 2.1.0 schema', () => {
    const sarif = buildSarif(report())
    expect(sarifValidator()(sarif)).toEqual([])
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- walking a JSON document
    const run = (sarif.runs as Array<Record<string, any>>)[0]!
    expect(run.tool.driver.rules[0].help.text).toBe(
      'Revoke it at https://github.com/settings/tokens'
    )
    expect(run.tool.driver.rules[0].properties['security-severity']).toBe('9.5')
    expect(run.results[0].partialFingerprints.primaryLocationLineHash).toMatch(/^[0-9a-f]{32}$/)
    expect(run.results[0].locations[0].physicalLocation.artifactLocation.uri).toBe(
      'src/%5Bevil%5D(http%3A//x).ts'
    )
  })

  it('sarif: the actions give repository paths (scanned root in a subfolder), the CLI root paths', () => {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- walking a JSON document
    const uris = (sarif: Record<string, any>): string[] =>
      // eslint-disable-next-line @typescript-eslint/no-explicit-any -- walking a JSON document
      sarif.runs.flatMap((run: any) =>
        // eslint-disable-next-line @typescript-eslint/no-explicit-any -- walking a JSON document
        run.results.map((r: any) => r.locations[0].physicalLocation.artifactLocation.uri)
      )
    expect(uris(buildSarif(report()))).toEqual([
      'src/%5Bevil%5D(http%3A//x).ts',
      'package-lock.json'
    ])
    expect(uris(buildSarif(report(), {repoFile: path => `services/a b/${path}`}))).toEqual([
      'services/a%20b/src/%5Bevil%5D(http%3A//x).ts',
      'services/a%20b/package-lock.json'
    ])
  })

  it('every format names the other locations of a finding found in copies', () => {
    const base = report()
    const copies = Array.from({length: 7}, (_, i) => ({
      path: `env${i}/[x](http://e).yaml`,
      startLine: 3,
      endLine: 3
    }))
    const withCopies: ScanReport = {
      ...base,
      findings: base.findings.map((f, i) => (i === 0 ? {...f, relatedLocations: copies} : f))
    }
    expect(JSON.parse(renderJson(withCopies)).findings[0].relatedLocations).toEqual(copies)
    expect(JSON.parse(renderJson(base)).findings[0].relatedLocations).toBeUndefined()
    const sarif = buildSarif(withCopies)
    expect(sarifValidator()(sarif)).toEqual([])
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- walking a JSON document
    const result = (sarif.runs as Array<Record<string, any>>)[0]!.results[0]
    expect(result.relatedLocations).toHaveLength(7)
    expect(result.relatedLocations[6].physicalLocation.region).toEqual({startLine: 3, endLine: 3})
    const table = renderTable(withCopies, {color: false})
    expect(table).toContain('also at env0/[x](http://e).yaml:3, ')
    expect(table).toContain('env4/[x](http://e).yaml:3 (+2 more)')
    expect(table).not.toContain('env5/')
    const md = renderMarkdown(withCopies)
    expect(md).toContain('\\(+2 more\\)')
    expect(md).not.toContain('[x](http://e)')
  })

  it('markdown escapes untrusted text', () => {
    const md = renderMarkdown(report())
    expect(md).not.toContain('<img')
    const html = githubMarkdown().render(md)
    // A file name is code, exactly as written: copy-pasteable, no link, no autolink.
    expect(md).toContain('`src/[evil](http://x).ts:4`')
    expect(html).toContain('<code>src/[evil](http://x).ts:4</code>')
    // The one link is the advisory's page.
    expect(linkTargets(html)).toEqual(['https://github.com/advisories/GHSA-jf85-cpcp-j695'])
    expect(md).not.toMatch(/@maintainer/)
    expect(md).toContain('&lt;img src=x&gt;')
  })

  it('table has colour only when asked and strips control characters', () => {
    const r = report()
    r.findings[0]!.message = 'bad \x1b[31m escape'
    const plain = renderTable(r, {color: false})
    expect(plain).not.toContain('\x1b')
    expect(renderTable(r, {color: true})).toContain('\x1b[1;31m')
    expect(plain).toContain('✖ 2 blocking finding(s) at or above high')
  })

  it('table and markdown: no line of untrusted text starts or carries a workflow command', () => {
    const r = report()
    r.findings[0]!.location.path = 'x\n::error::pwn.tf'
    r.findings[0]!.message = '::add-mask::x'
    r.findings[1]!.ruleId = '##[set-output name=x]y'
    r.findings[1]!.message = 'a\r##vso[task.setvariable]b'
    r.errors.push({path: 'k8s/a.yaml', message: '::warning::forged'})
    r.scanners[0]!.notes.push('  ::stop-commands::t')
    for (const out of [
      renderTable(r, {color: false}),
      renderTable(r, {color: true}),
      renderMarkdown(r)
    ]) {
      expect(commandLines(out)).toEqual([])
      expect(out).toContain('add-mask')
    }
    const table = renderTable(r, {color: false})
    expect(table).toContain('\n  x?::error::pwn.tf\n')
    expect(table).toContain(`github-pat  :\u200b:add-mask::x`)
    expect(table).toContain(`#\u200b#[set-output name=x]y`)
  })

  it('uses colour only on a TTY without NO_COLOR', () => {
    expect(useColor({isTTY: true}, {})).toBe(true)
    expect(useColor({isTTY: false}, {})).toBe(false)
    expect(useColor({isTTY: true}, {NO_COLOR: '1'})).toBe(false)
  })
})

/** Lines a GitHub Actions or Azure Pipelines runner would take as a command. */
function commandLines(text: string): string[] {
  return text
    .split(/\r\n|\r|\n/)
    .filter(line => /^[\s\u0085]*::/.test(line) || /##(vso)?\[/i.test(line))
}
