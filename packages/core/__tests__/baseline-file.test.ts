import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterAll, describe, expect, it} from '@jest/globals'
import {DEFAULT_BASELINE_FILE, loadBaseline, resolveBaselineFile} from '../src/baseline'
import {ConfigError} from '../src/errors'

const repo = mkdtempSync(join(tmpdir(), 'pipeguard-baseline-'))
const root = join(repo, 'services', 'orders')
mkdirSync(root, {recursive: true})
const baseline = (fingerprint: string): string =>
  JSON.stringify({version: 1, findings: [{fingerprint, ruleId: 'r', path: 'a.tf'}]})
writeFileSync(join(root, DEFAULT_BASELINE_FILE), baseline('committed'))
writeFileSync(join(root, 'configured.json'), baseline('configured'))
writeFileSync(join(repo, 'explicit.json'), baseline('explicit'))
afterAll(() => rmSync(repo, {recursive: true, force: true}))

describe('resolveBaselineFile / loadBaseline (the CLI and every action)', () => {
  it('picks the flag or input, else the config, else the committed default in the scanned root', () => {
    const explicit = {explicit: 'explicit.json', explicitBase: repo}
    expect(loadBaseline({root, ...explicit, configured: 'configured.json'})).toEqual(
      new Set(['explicit'])
    )
    expect(loadBaseline({root, explicitBase: repo, configured: 'configured.json'})).toEqual(
      new Set(['configured'])
    )
    expect(loadBaseline({root, explicitBase: repo})).toEqual(new Set(['committed']))
    expect(resolveBaselineFile({root, explicitBase: repo})).toEqual({
      file: join(root, DEFAULT_BASELINE_FILE),
      shownName: DEFAULT_BASELINE_FILE
    })
  })

  it('no default file: no baseline; a named file that is missing: a ConfigError', () => {
    expect(loadBaseline({root: repo, explicitBase: repo})).toBeUndefined()
    expect(() => loadBaseline({root, explicitBase: repo, configured: 'missing.json'})).toThrow(
      new ConfigError('missing.json: baseline file not found (create it with `pipeguard baseline`)')
    )
  })
})
