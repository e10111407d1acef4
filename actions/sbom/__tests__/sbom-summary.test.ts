import {describe, expect, it} from '@jest/globals'
import type {SbomComponent} from '@pipeguard/sbom'
import {SUMMARY_ERROR_ROWS, renderSbomSummary, type SbomSummaryFacts} from '../src/sbom-summary'

const component = (name: string, ecosystem: string): SbomComponent => ({
  purl: `pkg:${ecosystem.toLowerCase()}/${name}@1.0.0`,
  ecosystem,
  name,
  version: '1.0.0',
  scope: 'prod',
  direct: true,
  dependencies: [],
  sources: ['package-lock.json']
})

const facts = (over: Partial<SbomSummaryFacts> = {}): SbomSummaryFacts => ({
  format: 'cyclonedx-json',
  file: '/repo/out/sbom.cdx.json',
  workspace: '/repo',
  components: [component('lodash', 'npm'), component('ms', 'npm'), component('django', 'PyPI')],
  errors: [],
  notes: [],
  ...over
})

describe('renderSbomSummary', () => {
  it('a complete SBOM: count, file at its repository path, components per ecosystem', () => {
    const text = renderSbomSummary(facts({notes: ['Submitted 2 manifest(s).']}))
    expect(text).toContain('3 component(s).')
    expect(text).toContain('cyclonedx-json written to `out/sbom.cdx.json`.')
    expect(text).toContain('| npm | 2 |\n| PyPI | 1 |')
    expect(text).toContain('Submitted 2 manifest(s).')
    expect(text).not.toContain('incomplete')
    expect(text).not.toContain('Dependency changes')
  })

  it('an unreadable lockfile: says incomplete first, lists it escaped, caps the rows', () => {
    const errors = Array.from({length: SUMMARY_ERROR_ROWS + 3}, (_, i) => ({
      path: `svc/<img src=x>${i}/package-lock.json`,
      message: 'line 2: expected "}" @admin'
    }))
    const text = renderSbomSummary(facts({errors}))
    expect(text.split('\n')[2]).toBe(
      `⛔ **The SBOM is incomplete**: ${errors.length} file(s) could not be read. 3 component(s) from the rest.`
    )
    expect(text).not.toContain('<img')
    expect(text).not.toMatch(/(^|[^\\w])@admin/)
    expect(text.match(/^- <code>/gm)).toHaveLength(SUMMARY_ERROR_ROWS)
    expect(text).toContain('- … and 3 more (see the annotations)')
  })

  it('a pull request: the dependency changes section', () => {
    const text = renderSbomSummary(facts({diff: '**1** added.\n'}))
    expect(text).toContain('#### Dependency changes in this pull request\n\n**1** added.\n')
  })
})
