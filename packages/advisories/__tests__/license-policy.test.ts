import {describe, expect, it} from '@jest/globals'
import type {Package} from '@pipeguard/inventory'
import {licenseFindings} from '../src/license-policy'

const pkg = (name: string, license?: string): Package => ({
  ecosystem: 'npm',
  name,
  version: '1.0.0',
  purl: `pkg:npm/${name}@1.0.0`,
  direct: true,
  scope: 'prod',
  pinned: true,
  location: {path: 'package-lock.json', startLine: 10},
  dependencies: [],
  ...(license ? {license} : {})
})

const ids = (packages: Package[], policy: {allow?: string[]; deny?: string[]}): string[] =>
  licenseFindings(packages, policy).map(f => `${f.package!.name}:${f.ruleId}`)

describe('licence policy', () => {
  const packages = [
    pkg('mit', 'MIT'),
    pkg('gpl', 'GPL-3.0-only'),
    pkg('dual', '(MIT OR GPL-3.0-only)'),
    pkg('both', 'MIT AND GPL-3.0-only'),
    pkg('apache', 'Apache-2.0'),
    pkg('none'),
    pkg('odd', 'SEE LICENSE IN LICENSE.txt')
  ]

  it('allow: flags what the allowed licences cannot satisfy, including unparsable expressions', () => {
    expect(ids(packages, {allow: ['MIT', 'Apache-2.0']})).toEqual([
      'gpl:license-not-allowed',
      'both:license-not-allowed',
      'odd:license-not-allowed'
    ])
  })

  it('deny: flags only packages that cannot be used without a denied licence', () => {
    expect(ids(packages, {deny: ['GPL-3.0-only']})).toEqual([
      'gpl:license-denied',
      'both:license-denied'
    ])
  })

  it('judges nothing without a policy or without licence data', () => {
    expect(licenseFindings(packages, undefined)).toEqual([])
    expect(licenseFindings([pkg('none')], {allow: ['MIT']})).toEqual([])
  })

  it('writes a finding at the package with the licence and a remediation', () => {
    const [finding] = licenseFindings([pkg('gpl', 'GPL-3.0-only')], {deny: ['GPL-3.0-only']})
    expect(finding).toMatchObject({
      scanner: 'dependencies',
      ruleId: 'license-denied',
      location: {path: 'package-lock.json', startLine: 10},
      package: {ecosystem: 'npm', name: 'gpl', version: '1.0.0'},
      properties: {license: 'GPL-3.0-only'}
    })
    expect(finding!.message).toBe(
      'gpl 1.0.0 is licensed under GPL-3.0-only, which is denied by the licence policy (GPL-3.0-only)'
    )
  })
})
