import {describe, expect, it} from '@jest/globals'
import {mergeAliases} from '../src/merge'
import type {OsvRecord} from '../src/osv-schema'
import {osvRecord} from './osv-fixtures'

describe('alias merging', () => {
  // PYSEC-2023-74 (requests) names GHSA-j8r2-6x86-q33q as an alias; the GitHub record of the same
  // problem names the CVE. Built from the real PyPA record plus the GHSA id it points to.
  const pysec = osvRecord('PYSEC-2023-74')
  const ghsa: OsvRecord = {
    ...pysec,
    id: 'GHSA-j8r2-6x86-q33q',
    aliases: ['CVE-2023-32681'],
    summary: 'Unintended leak of Proxy-Authorization header in requests'
  }

  it('merges records sharing an id or alias into one advisory with the GHSA id', () => {
    const merged = mergeAliases([pysec, ghsa])
    expect(merged).toHaveLength(1)
    expect(merged[0]!.id).toBe('GHSA-j8r2-6x86-q33q')
    expect(merged[0]!.aliases).toEqual(['CVE-2023-32681', 'PYSEC-2023-74'])
    expect(merged[0]!.records).toHaveLength(2)
  })

  it('merges transitively through a shared CVE', () => {
    const osvOnly: OsvRecord = {...pysec, id: 'OSV-2023-1', aliases: ['CVE-2023-32681']}
    const unrelated = osvRecord('PYSEC-2018-28')
    const merged = mergeAliases([osvOnly, pysec, unrelated])
    // equally rich records: the smaller id wins, the other becomes an alias
    expect(merged.map(m => [m.id, m.aliases])).toEqual([
      ['OSV-2023-1', ['CVE-2023-32681', 'GHSA-j8r2-6x86-q33q', 'PYSEC-2023-74']],
      ['PYSEC-2018-28', ['CVE-2018-18074', 'GHSA-x84v-xcm2-53pg']]
    ])
  })

  it('without a GHSA id prefers the richest record, ties by smallest id', () => {
    const rust = osvRecord('RUSTSEC-2022-0013') // has a CVSS vector
    const bare: OsvRecord = {
      id: 'CVE-2022-24713',
      modified: rust.modified,
      aliases: ['RUSTSEC-2022-0013'],
      affected: rust.affected
    }
    expect(mergeAliases([bare, rust])[0]!.id).toBe('RUSTSEC-2022-0013')
  })

  it('collapses the same record given twice and keeps separate problems apart', () => {
    const a = osvRecord('GHSA-35jh-r3h4-6jhm')
    const b = osvRecord('GHSA-xvch-5gv4-984h')
    expect(mergeAliases([a, a, b]).map(m => m.id)).toEqual([
      'GHSA-35jh-r3h4-6jhm',
      'GHSA-xvch-5gv4-984h'
    ])
  })
})
