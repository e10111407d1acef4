import {describe, expect, it} from '@jest/globals'
import {
  cvss2BaseScore,
  cvss3BaseScore,
  mergedSeverity,
  ratingV3,
  recordSeverity,
  roundUp
} from '../src/severity'
import {osvRecord} from './osv-fixtures'

describe('severity', () => {
  // Scores as published by the FIRST calculator / NVD for these vectors.
  it.each([
    ['CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', 9.8],
    ['CVSS:3.1/AV:N/AC:L/PR:H/UI:N/S:U/C:H/I:H/A:H', 7.2],
    ['CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N', 6.1],
    ['CVSS:3.1/AV:L/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H', 9.3],
    ['CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:L', 5.3],
    ['CVSS:3.0/AV:N/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H', 8.8],
    ['CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H', 10],
    ['CVSS:3.1/AV:P/AC:H/PR:H/UI:R/S:U/C:L/I:N/A:N', 1.6],
    ['CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:N/I:N/A:N', 0]
  ])('CVSS v3 base score of %s is %d', (vector, score) => {
    expect(cvss3BaseScore(vector)).toBe(score)
  })

  it('rejects malformed v3 vectors', () => {
    expect(cvss3BaseScore('CVSS:3.1/AV:X/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H')).toBeUndefined()
    expect(cvss3BaseScore('CVSS:3.1/AV:N/AC:L')).toBeUndefined()
    expect(
      cvss3BaseScore('CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N')
    ).toBeUndefined()
  })

  // CVSS v3.1 spec Appendix A: Roundup(4.02) = 4.1, Roundup(4.00) = 4.0
  it('rounds up as the v3.1 appendix specifies', () => {
    expect(roundUp(4.02)).toBe(4.1)
    expect(roundUp(4.0)).toBe(4.0)
    expect(roundUp(4.000001)).toBe(4.0)
  })

  it.each([
    ['AV:N/AC:L/Au:N/C:P/I:P/A:P', 7.5],
    ['AV:N/AC:M/Au:N/C:N/I:P/A:N', 4.3],
    ['AV:L/AC:L/Au:N/C:C/I:C/A:C', 7.2]
  ])('CVSS v2 base score of %s is %d', (vector, score) => {
    expect(cvss2BaseScore(vector)).toBe(score)
  })

  it('maps scores to the v3 qualitative ratings', () => {
    expect([9.8, 9.0, 8.9, 7.0, 6.9, 4.0, 3.9, 0.1, 0].map(ratingV3)).toEqual([
      'critical',
      'critical',
      'high',
      'high',
      'medium',
      'medium',
      'low',
      'low',
      'info'
    ])
  })

  it('computes the severity of real records from their vectors', () => {
    expect(recordSeverity(osvRecord('GHSA-35jh-r3h4-6jhm'))).toMatchObject({
      severity: 'high',
      score: 7.2,
      source: 'CVSS_V3'
    })
    expect(recordSeverity(osvRecord('GHSA-67hx-6x53-jw92'))).toMatchObject({
      severity: 'critical',
      score: 9.3
    })
    expect(recordSeverity(osvRecord('RUSTSEC-2017-0004')).source).toBe('CVSS_V3')
  })

  it('computes the CVSS v4 score of a v4-only record instead of the database word', () => {
    // GHSA-gcx4-mw62-g8wm (rollup) carries only CVSS:4.0/AV:N/AC:H/AT:N/PR:N/UI:N/VC:L/VI:L/VA:H/...
    expect(recordSeverity(osvRecord('GHSA-gcx4-mw62-g8wm'))).toMatchObject({
      severity: 'high',
      score: 8.3,
      source: 'CVSS_V4',
      vector: 'CVSS:4.0/AV:N/AC:H/AT:N/PR:N/UI:N/VC:L/VI:L/VA:H/SC:N/SI:N/SA:N'
    })
  })

  it('prefers the v3 vector when a record has both v3 and v4', () => {
    // GHSA-wm9w-rjj3-j356: v3.1 7.5, v4.0 8.7, both high
    expect(recordSeverity(osvRecord('GHSA-wm9w-rjj3-j356'))).toMatchObject({
      score: 7.5,
      source: 'CVSS_V3'
    })
  })

  it('falls back to the database word with a note when the only v4 vector is invalid', () => {
    const record = {
      ...osvRecord('GHSA-gcx4-mw62-g8wm'),
      severity: [{type: 'CVSS_V4' as const, score: 'CVSS:4.0/AV:N/AC:H'}]
    }
    const verdict = recordSeverity(record)
    expect(verdict).toMatchObject({severity: 'high', source: 'database'})
    expect(verdict.note).toContain('missing base metric')
  })

  it('uses GitHub MODERATE/LOW words when there is no vector', () => {
    expect(recordSeverity(osvRecord('GHSA-952p-6rrq-rcjv'))).toMatchObject({
      severity: 'medium',
      source: 'database'
    })
    expect(recordSeverity(osvRecord('GHSA-pxg6-pf52-xh8x'))).toMatchObject({
      severity: 'low',
      source: 'database'
    })
  })

  it('rates a record with no severity at all as unknown: high unless configured, and says so', () => {
    const verdict = recordSeverity(osvRecord('PYSEC-2021-109'))
    expect(verdict).toMatchObject({
      severity: 'high',
      source: 'unknown',
      assumed: 'severity unknown, treated as high'
    })
    expect(verdict.note).toContain('no severity')
    expect(recordSeverity(osvRecord('PYSEC-2021-109'), 'low')).toMatchObject({
      severity: 'low',
      assumed: 'severity unknown, treated as low'
    })
    expect(recordSeverity(osvRecord('GHSA-952p-6rrq-rcjv')).assumed).toBeUndefined()
  })

  it('takes the highest rating among looked-up alias records only when no merged record rates it', () => {
    const pysec = osvRecord('PYSEC-2018-32')
    const critical = {...osvRecord('GHSA-35jh-r3h4-6jhm'), id: 'GHSA-crit'} // CVSS 3.1 7.2 → high
    const moderate = osvRecord('GHSA-952p-6rrq-rcjv') // database MODERATE
    const verdict = mergedSeverity(pysec, [pysec], {aliasRecords: [moderate, critical]})
    expect(verdict).toMatchObject({
      severity: 'high',
      source: 'alias',
      aliasId: 'GHSA-crit',
      assumed: 'severity from alias GHSA-crit'
    })
    const unratedAlias = osvRecord('PYSEC-2021-109')
    expect(mergedSeverity(pysec, [pysec], {aliasRecords: [unratedAlias]}).source).toBe('unknown')
    const rated = osvRecord('GHSA-952p-6rrq-rcjv')
    expect(mergedSeverity(rated, [rated], {aliasRecords: [critical]})).toMatchObject({
      severity: 'medium',
      source: 'database'
    })
  })

  it('prefers a computed vector among merged records over the primary fallback', () => {
    const pysec = osvRecord('PYSEC-2021-109')
    const withVector = {...osvRecord('PYSEC-2023-192'), id: 'GHSA-test'}
    expect(mergedSeverity(pysec, [pysec, withVector]).source).toBe('CVSS_V3')
  })
})
