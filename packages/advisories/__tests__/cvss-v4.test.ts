import {describe, expect, it} from '@jest/globals'
import {cvss4Score, macroVector, parseCvss4} from '../src/cvss-v4'

describe('CVSS v4.0 score', () => {
  // Scores as published: the v4.0 specification's and FIRST calculator's examples, and the scores
  // GitHub shows for real GHSA records (ids in the comments).
  it.each([
    ['CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N', 9.3],
    ['CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:H/SI:H/SA:H', 10],
    ['CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:N/VI:N/VA:N/SC:H/SI:H/SA:H', 7.9],
    ['CVSS:4.0/AV:L/AC:L/AT:P/PR:L/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N', 7.3],
    ['CVSS:4.0/AV:N/AC:L/AT:P/PR:N/UI:P/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N', 7.7],
    ['CVSS:4.0/AV:N/AC:L/AT:P/PR:N/UI:N/VC:H/VI:L/VA:L/SC:N/SI:N/SA:N', 8.3],
    ['CVSS:4.0/AV:L/AC:L/AT:N/PR:N/UI:A/VC:L/VI:N/VA:N/SC:N/SI:N/SA:N', 4.6],
    // CVE-2024-7657
    ['CVSS:4.0/AV:N/AC:L/AT:N/PR:L/UI:N/VC:N/VI:L/VA:N/SC:N/SI:N/SA:N', 5.3],
    ['CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:L/VI:L/VA:L/SC:N/SI:N/SA:N', 6.9],
    // GHSA-wm9w-rjj3-j356 (Tomcat, CVE-2024-34750)
    ['CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:N/VI:N/VA:H/SC:N/SI:N/SA:N', 8.7],
    // GHSA-qppj-fm5r-hxr3 (HTTP/2 rapid reset, CVE-2023-44487)
    ['CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:N/VI:N/VA:L/SC:N/SI:N/SA:N', 6.9],
    // GHSA-9cwx-2883-4wfx (vite, CVE-2024-45811)
    ['CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:L/VI:N/VA:N/SC:N/SI:N/SA:N', 6.9],
    // No impact on any system is 0 whatever the MacroVector.
    ['CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:N/VI:N/VA:N/SC:N/SI:N/SA:N', 0]
  ])('base score of %s is %d', (vector, score) => {
    expect(cvss4Score(vector)).toMatchObject({ok: true, score})
  })

  it.each([
    // Threat and environmental metrics from the specification's examples.
    ['CVSS:4.0/AV:N/AC:L/AT:P/PR:N/UI:P/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/E:U', 5.2],
    ['CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:H/SI:H/SA:H/E:U', 9.1],
    ['CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:H/SI:H/SA:H/MVI:L/MSA:S', 9.8],
    [
      'CVSS:4.0/AV:N/AC:L/AT:P/PR:N/UI:N/VC:H/VI:L/VA:L/SC:N/SI:N/SA:N/CR:H/IR:L/AR:L/MAV:N/MAC:H/MVC:H/MVI:L/MVA:L',
      8.1
    ],
    // E:X is "not defined" and scores as E:A.
    ['CVSS:4.0/AV:N/AC:L/AT:N/PR:L/UI:N/VC:L/VI:L/VA:L/SC:N/SI:N/SA:N/E:X', 5.3]
  ])('score with threat/environmental metrics of %s is %d', (vector, score) => {
    expect(cvss4Score(vector)).toMatchObject({ok: true, score})
  })

  it('sorts vectors into the MacroVectors of the specification tables', () => {
    const macro = (v: string): string => {
      const parsed = parseCvss4(v)
      if (!parsed.ok) throw new Error(parsed.message)
      return macroVector(parsed.metrics)
    }
    expect(macro('CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N')).toBe('000200')
    // AV:P is EQ1 level 2 even with PR:N and UI:N; AC:H is EQ2 level 1; E:P is EQ5 level 1.
    expect(macro('CVSS:4.0/AV:P/AC:H/AT:N/PR:N/UI:N/VC:L/VI:N/VA:H/SC:H/SI:N/SA:N/E:P')).toBe(
      '211110'
    )
    // MSI:S puts EQ4 at 0; AR:L with the only H in VA makes EQ6 1.
    expect(
      macro('CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:N/VI:N/VA:H/SC:N/SI:N/SA:N/AR:L/MSI:S')
    ).toBe('001001')
  })

  it('interpolates within a MacroVector: a less severe vector in the same class scores lower', () => {
    const top = cvss4Score('CVSS:4.0/AV:N/AC:H/AT:N/PR:N/UI:N/VC:H/VI:H/VA:L/SC:N/SI:N/SA:N')
    const lower = cvss4Score('CVSS:4.0/AV:N/AC:H/AT:N/PR:N/UI:N/VC:L/VI:L/VA:H/SC:N/SI:N/SA:N')
    expect(top).toMatchObject({ok: true, macroVector: '010200'})
    expect(lower).toMatchObject({ok: true, macroVector: '011200', score: 8.3})
  })

  it.each([
    ['CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', 'CVSS:4.0/'],
    ['CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N', 'missing base metric(s) SA'],
    ['CVSS:4.0/AV:X/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N', 'AV has value "X"'],
    ['CVSS:4.0/AC:L/AV:N/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N', 'out of the order'],
    ['CVSS:4.0/AV:N/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N', 'given twice'],
    ['CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/ZZ:1', 'unknown metric "ZZ"'],
    ['CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:S/SI:N/SA:N', 'SC has value "S"'],
    ['CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/', 'METRIC:VALUE'],
    ['', 'CVSS:4.0/']
  ])('rejects %j with an error naming the problem', (vector, message) => {
    const result = cvss4Score(vector)
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.message).toContain(message)
  })
})
