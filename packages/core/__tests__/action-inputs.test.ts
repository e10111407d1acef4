import {existsSync, readFileSync} from 'node:fs'
import {describe, expect, it} from '@jest/globals'
import {parse} from 'yaml'
import {ACTION_INPUT_NAMES, readActionInputs} from '../src/action/action-inputs'
import {ConfigError} from '../src/errors'

const reader = (inputs: Record<string, string>) => (name: string) => inputs[name] ?? ''

describe('readActionInputs', () => {
  it('applies defaults when nothing is set', () => {
    expect(readActionInputs(reader({}))).toEqual({
      path: '.',
      comment: 'on-findings',
      annotations: true,
      checkRun: true
    })
  })

  it('reads kebab-case inputs into camelCase keys', () => {
    const inputs = readActionInputs(
      reader({
        'fail-on': 'medium',
        'filter-mode': 'diff_context',
        'check-run': 'False',
        annotations: 'TRUE',
        comment: 'always',
        'sarif-file': 'out.sarif',
        scanners: 'secrets, iac\ndeps',
        'github-token': 'ghs_x'
      })
    )
    expect(inputs).toMatchObject({
      failOn: 'medium',
      filterMode: 'diff_context',
      checkRun: false,
      annotations: true,
      comment: 'always',
      sarifFile: 'out.sarif',
      scanners: ['secrets', 'iac', 'deps'],
      githubToken: 'ghs_x'
    })
  })

  it('rejects bad values with the input name, the value and the choices', () => {
    expect(() => readActionInputs(reader({'fail-on': 'hgh'}))).toThrow(
      new ConfigError(
        'input "fail-on": expected one of critical, high, medium, low, info, none, got "hgh"'
      )
    )
    expect(() => readActionInputs(reader({'check-run': 'yes'}))).toThrow(
      'input "check-run": expected true or false, got "yes"'
    )
    expect(() => readActionInputs(reader({'filter-mode': 'lines'}))).toThrow(
      'input "filter-mode": expected one of added, diff_context, file, nofilter'
    )
    expect(() => readActionInputs(reader({'osv-url': 'ftp://x'}))).toThrow(
      'input "osv-url": expected an http(s) URL'
    )
  })

  it('every scanning action.yml declares the shared inputs, only inputs the schema knows, and the six outputs', () => {
    const shared = [
      'path',
      'config',
      'fail-on',
      'mode',
      'github-token',
      'comment',
      'annotations',
      'check-run',
      'filter-mode',
      'baseline',
      'sarif-file'
    ]
    for (const file of [
      'action.yml',
      'actions/secret-scan/action.yml',
      'actions/dependency-audit/action.yml',
      'actions/iac-lint/action.yml'
    ]) {
      const doc = parse(readFileSync(new URL(`../../../${file}`, import.meta.url), 'utf8')) as {
        inputs: Record<string, unknown>
        outputs: Record<string, unknown>
        runs: {using: string; main: string}
      }
      const names = Object.keys(doc.inputs)
      expect(
        names.filter(name => !ACTION_INPUT_NAMES.includes(name)).map(name => `${file}: ${name}`)
      ).toEqual([])
      expect(shared.filter(name => !names.includes(name)).map(name => `${file}: ${name}`)).toEqual(
        []
      )
      expect(Object.keys(doc.outputs).sort()).toEqual([
        'blocking',
        'errors',
        'findings',
        'incomplete',
        'report-file',
        'sarif-file'
      ])
      expect(doc.runs.using).toBe('node24')
      expect(existsSync(new URL(doc.runs.main, new URL(`../../../${file}`, import.meta.url)))).toBe(
        true
      )
      expect(doc.runs.main).toMatch(/^(\.\.\/\.\.\/)?dist\/[a-z-]+\/index\.js$/)
    }
  })
  it('docs/github-actions.md documents every input and output of every action.yml, the SBOM action apart', () => {
    const docs = readFileSync(new URL('../../../docs/github-actions.md', import.meta.url), 'utf8')
    const sbomAt = docs.indexOf('## The SBOM action')
    const scanning = docs.slice(0, sbomAt)
    const sbom = docs.slice(sbomAt, docs.indexOf('\n## ', sbomAt + 1))
    expect(sbomAt).toBeGreaterThan(0)
    const documented = (text: string, name: string): boolean => text.includes(`\`${name}\``)
    const missing = (file: string, text: string): string[] => {
      const doc = parse(readFileSync(new URL(`../../../${file}`, import.meta.url), 'utf8')) as {
        inputs: Record<string, unknown>
        outputs: Record<string, unknown>
      }
      return [...Object.keys(doc.inputs), ...Object.keys(doc.outputs)]
        .filter(name => !documented(text, name))
        .map(name => `${file}: ${name}`)
    }
    for (const file of [
      'action.yml',
      'actions/secret-scan/action.yml',
      'actions/dependency-audit/action.yml',
      'actions/iac-lint/action.yml'
    ])
      expect(missing(file, scanning)).toEqual([])
    expect(missing('actions/sbom/action.yml', sbom)).toEqual([])
    // The SBOM action has none of the scanning actions' gate inputs or outputs.
    expect(documented(sbom, 'fail-on') || documented(sbom, 'sarif-file')).toBe(false)
  })
})
