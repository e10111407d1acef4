import {describe, expect, it} from '@jest/globals'
import {parseOsvJson, parseOsvRecord} from '../src/osv-schema'
import {allOsvTexts} from './osv-fixtures'

describe('OSV record schema', () => {
  it('accepts every real record in the fixtures (GitHub, PyPA, Go, RustSec, osv.dev API form)', () => {
    const texts = allOsvTexts()
    expect(texts.size).toBe(157)
    const failures = [...texts]
      .map(([id, text]) => parseOsvJson(text, `${id}.json`))
      .filter(r => !r.ok)
    expect(failures).toEqual([])
  })

  it('keeps withdrawn, aliases, severity vectors and database severity', () => {
    const texts = allOsvTexts()
    const withdrawn = parseOsvJson(texts.get('GO-2022-0617')!, 'GO-2022-0617.json')
    expect(withdrawn.ok && withdrawn.record.withdrawn).toBeTruthy()
    const lodash = parseOsvJson(texts.get('GHSA-35jh-r3h4-6jhm')!, 'x.json')
    if (!lodash.ok) throw new Error('expected a record')
    expect(lodash.record.aliases).toEqual(['CVE-2021-23337'])
    expect(lodash.record.severity?.[0]?.type).toBe('CVSS_V3')
    expect(lodash.record.database_specific?.severity).toBe('HIGH')
  })

  it('names the file and the id of a bad record', () => {
    const bad = parseOsvRecord(
      {
        id: 'GHSA-bad',
        modified: '2024-01-01T00:00:00Z',
        affected: [{ranges: [{type: 'SEMVER', events: [{introduced: '0', fixed: '1.0.0'}]}]}]
      },
      'db/bad.json'
    )
    expect(bad.ok).toBe(false)
    if (bad.ok) return
    expect(bad.error.path).toBe('db/bad.json')
    expect(bad.error.message).toContain('GHSA-bad')
    expect(bad.error.message).toContain('affected.0.ranges.0.events.0')
    expect(bad.error.message).toContain('exactly one of introduced, fixed, last_affected or limit')
  })

  it('reports a record without an id or a range of unknown type', () => {
    const noId = parseOsvRecord({modified: 'x'}, 'a.json')
    expect(!noId.ok && noId.error.message).toContain('id')
    const badType = parseOsvRecord(
      {
        id: 'X-1',
        modified: 'x',
        affected: [{ranges: [{type: 'DATE', events: [{introduced: '0'}]}]}]
      },
      'b.json'
    )
    expect(!badType.ok && badType.error.message).toContain('affected.0.ranges.0.type')
  })

  it('keeps a record whose cosmetic fields are wrong or odd, dropping only those fields', () => {
    const lodash = JSON.parse(allOsvTexts().get('GHSA-35jh-r3h4-6jhm')!)
    const odd = {
      ...lodash,
      schema_version: 1,
      modified: {},
      published: false,
      summary: null,
      details: 12,
      aliases: ['CVE-2021-23337', 7],
      related: 'GHSA-x',
      severity: [{type: 'CVSS_V3'}, {score: 'x'}, ...lodash.severity],
      references: [{type: 'WEB'}, ...lodash.references],
      database_specific: [],
      extra: {anything: true},
      affected: lodash.affected.map((a: Record<string, unknown>) => ({
        ...a,
        severity: 'HIGH',
        database_specific: 'x',
        ecosystem_specific: 3
      }))
    }
    const parsed = parseOsvRecord(odd, 'odd.json')
    if (!parsed.ok) throw new Error(parsed.error.message)
    expect(parsed.record).toMatchObject({
      id: 'GHSA-35jh-r3h4-6jhm',
      modified: '',
      aliases: ['CVE-2021-23337'],
      severity: lodash.severity,
      references: lodash.references,
      extra: {anything: true}
    })
    expect(parsed.record.summary).toBeUndefined()
    expect(parsed.record.database_specific).toBeUndefined()
    expect(parsed.record.affected![0]!.ranges).toEqual(lodash.affected[0].ranges)
    expect(parsed.record.affected![0]!.severity).toBeUndefined()
  })

  it('still rejects what matching needs: the id, the affected packages, ranges and versions', () => {
    const base = {id: 'X-1', modified: 'x'}
    const bad = (affected: unknown) => parseOsvRecord({...base, affected: [affected]}, 'x.json')
    expect(parseOsvRecord({...base, id: ''}, 'x.json').ok).toBe(false)
    expect(bad({package: {name: 'a'}}).ok).toBe(false)
    expect(bad({ranges: [{type: 'ECOSYSTEM', events: [{introduced: 0}]}]}).ok).toBe(false)
    expect(bad({ranges: [{type: 'ECOSYSTEM'}]}).ok).toBe(false)
    expect(bad({versions: ['1.0', 2]}).ok).toBe(false)
    expect(parseOsvRecord({...base, affected: {}}, 'x.json').ok).toBe(false)
    expect(bad({package: {ecosystem: 'npm', name: 'a'}, versions: ['1.0']}).ok).toBe(true)
  })

  it('reads a record file that starts with a UTF-8 byte order mark', () => {
    const text = allOsvTexts().get('GHSA-35jh-r3h4-6jhm')!
    expect(parseOsvJson(`\uFEFF${text}`, 'x.json').ok).toBe(true)
  })

  it('turns invalid JSON into an error value naming the file', () => {
    const result = parseOsvJson('{"id": ', 'db/broken.json')
    expect(result).toEqual({
      ok: false,
      error: {path: 'db/broken.json', message: expect.stringContaining('not valid JSON')}
    })
  })
})
