import {describe, expect, it} from '@jest/globals'
import type {Package} from '@pipeguard/inventory'
import {sbomValidators} from '../../../test/helpers/sbom-schemas'
import {toComponents} from '../src/components'
import {ROOT_BOM_REF, buildCycloneDx} from '../src/cyclonedx'
import {parseIntegrity} from '../src/hashes'
import {licenseKind} from '../src/license'
import {diffComponents} from '../src/sbom-diff'
import type {SbomMeta} from '../src/sbom-meta'
import {normalizeRemote} from '../src/sbom-meta'
import {buildSpdx} from '../src/spdx'

const meta: SbomMeta = {
  name: 'demo',
  repositoryUrl: 'https://github.com/acme/demo',
  commit: '0123456789abcdef0123456789abcdef01234567',
  commitDate: '2026-11-01T10:00:00Z',
  toolName: 'pipeguard',
  toolVersion: '0.1.0'
}

function pkg(name: string, version: string, over: Partial<Package> = {}): Package {
  const purlName = name.startsWith('@') ? `%40${name.slice(1)}` : name
  return {
    ecosystem: 'npm',
    name,
    version,
    purl: `pkg:npm/${purlName}@${version}`,
    direct: false,
    scope: 'prod',
    pinned: true,
    location: {path: 'package-lock.json', startLine: 1},
    dependencies: [],
    ...over
  }
}

const packages: Package[] = [
  pkg('express', '4.18.2', {
    direct: true,
    license: 'MIT',
    dependencies: ['pkg:npm/body-parser@1.20.1'],
    integrity:
      'sha512-5/PsL6iGPdfQ/lKM1UuielYgv3BUoJfz1aUwU9vHZ+J7gyvwdQXFEBIEIaxeGf0GIcreATNyBExtalisDbuMqQ=='
  }),
  pkg('body-parser', '1.20.1', {license: 'MIT'}),
  pkg('@types/node', '20.1.0', {direct: true, scope: 'dev', license: '(MIT OR Apache-2.0)'}),
  pkg('left-pad', '1.3.0', {license: 'WTFPL License'}),
  pkg('body-parser', '1.20.1', {
    license: 'MIT',
    location: {path: 'packages/a/package-lock.json', startLine: 9}
  }),
  pkg('requests', '', {ecosystem: 'PyPI', purl: 'pkg:pypi/requests', pinned: false}),
  pkg('django', '4.2.1', {
    ecosystem: 'PyPI',
    purl: 'pkg:pypi/django@4.2.1',
    direct: true,
    integrity: 'sha256:' + 'ab'.repeat(32)
  })
]

describe('SBOM writers', () => {
  const validators = sbomValidators()
  const components = toComponents(packages)

  it('merges occurrences by purl and drops unpinned entries', () => {
    expect(components.map(c => c.purl)).toEqual([
      'pkg:npm/%40types/node@20.1.0',
      'pkg:npm/body-parser@1.20.1',
      'pkg:npm/express@4.18.2',
      'pkg:npm/left-pad@1.3.0',
      'pkg:pypi/django@4.2.1'
    ])
    expect(components[1]!.sources).toEqual(['package-lock.json', 'packages/a/package-lock.json'])
  })

  it('writes CycloneDX 1.6 and 1.5 that validate against the official schemas', () => {
    for (const version of ['1.6', '1.5'] as const) {
      const doc = JSON.parse(buildCycloneDx(components, meta, version))
      expect(validators.cyclonedx(version, doc)).toEqual([])
      expect(doc.specVersion).toBe(version)
    }
  })

  it('carries purls, scopes, hashes, licenses and the dependency graph with the root', () => {
    const doc = JSON.parse(buildCycloneDx(components, meta))
    const byRef = Object.fromEntries(
      doc.components.map((c: {'bom-ref': string}) => [c['bom-ref'], c])
    )
    const express = byRef['pkg:npm/express@4.18.2']
    expect(express).toMatchObject({
      name: 'express',
      version: '4.18.2',
      scope: 'required',
      licenses: [{license: {id: 'MIT'}}]
    })
    expect(express.hashes[0].alg).toBe('SHA-512')
    expect(express.hashes[0].content).toHaveLength(128)
    expect(byRef['pkg:npm/%40types/node@20.1.0']).toMatchObject({
      group: '@types',
      name: 'node',
      scope: 'excluded',
      licenses: [{expression: '(MIT OR Apache-2.0)'}]
    })
    expect(byRef['pkg:npm/left-pad@1.3.0'].licenses).toEqual([{license: {name: 'WTFPL License'}}])
    const deps = Object.fromEntries(
      doc.dependencies.map((d: {ref: string; dependsOn?: string[]}) => [d.ref, d.dependsOn ?? []])
    )
    expect(deps[ROOT_BOM_REF]).toEqual([
      'pkg:npm/%40types/node@20.1.0',
      'pkg:npm/express@4.18.2',
      'pkg:pypi/django@4.2.1'
    ])
    expect(deps['pkg:npm/express@4.18.2']).toEqual(['pkg:npm/body-parser@1.20.1'])
    expect(doc.metadata.component.name).toBe('demo')
    expect(doc.metadata.tools.components[0]).toMatchObject({name: 'pipeguard', version: '0.1.0'})
    expect(doc.metadata.timestamp).toBeUndefined()
  })

  it('is byte-identical for the same input, serial number included', () => {
    const a = buildCycloneDx(components, meta)
    expect(buildCycloneDx(toComponents([...packages].reverse()), meta)).toBe(a)
    expect(JSON.parse(a).serialNumber).toMatch(
      /^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/
    )
    expect(buildSpdx(components, meta)).toBe(buildSpdx(toComponents([...packages].reverse()), meta))
  })

  it('writes SPDX 2.3 that validates and relates the root to its packages', () => {
    const doc = JSON.parse(buildSpdx(components, meta))
    expect(validators.spdx(doc)).toEqual([])
    expect(doc.creationInfo.created).toBe('2026-11-01T10:00:00Z')
    const root = doc.packages[0]
    expect(root.downloadLocation).toBe(`git+https://github.com/acme/demo@${meta.commit}`)
    const express = doc.packages.find((p: {name: string}) => p.name === 'express')
    expect(express.externalRefs[0].referenceLocator).toBe('pkg:npm/express@4.18.2')
    expect(express.checksums[0].algorithm).toBe('SHA512')
    const rel = doc.relationships
    expect(rel).toContainEqual({
      spdxElementId: 'SPDXRef-DOCUMENT',
      relationshipType: 'DESCRIBES',
      relatedSpdxElement: root.SPDXID
    })
    expect(rel).toContainEqual({
      spdxElementId: root.SPDXID,
      relationshipType: 'DEPENDS_ON',
      relatedSpdxElement: express.SPDXID
    })
    const types = doc.packages.find((p: {name: string}) => p.name === '@types/node')
    expect(rel).toContainEqual({
      spdxElementId: types.SPDXID,
      relationshipType: 'DEV_DEPENDENCY_OF',
      relatedSpdxElement: root.SPDXID
    })
  })

  it('parses lockfile integrity spellings into hex hashes', () => {
    expect(parseIntegrity('sha1-' + Buffer.alloc(20, 1).toString('base64'), 'npm')).toEqual([
      {cyclonedx: 'SHA-1', spdx: 'SHA1', hex: '01'.repeat(20)}
    ])
    expect(parseIntegrity('sha256:' + 'AB'.repeat(32), 'PyPI')[0]!.hex).toBe('ab'.repeat(32))
    expect(parseIntegrity('cd'.repeat(32), 'crates.io')[0]!.cyclonedx).toBe('SHA-256')
    expect(parseIntegrity('h1:abc=', 'Go')).toEqual([])
    expect(parseIntegrity('sha512-tooShort', 'npm')).toEqual([])
  })

  it('classifies licenses', () => {
    expect(licenseKind('mit')).toEqual({kind: 'id', value: 'MIT'})
    expect(licenseKind('MIT OR Apache-2.0')).toEqual({
      kind: 'expression',
      value: 'MIT OR Apache-2.0'
    })
    expect(licenseKind('Custom License')).toEqual({kind: 'name', value: 'Custom License'})
    expect(licenseKind('  ')).toBeUndefined()
  })

  it('diffs two inventories into added, removed, changed and license changes', () => {
    const base = toComponents([
      pkg('a', '1.0.0'),
      pkg('b', '1.0.0', {license: 'MIT'}),
      pkg('c', '1.0.0')
    ])
    const head = toComponents([
      pkg('a', '1.1.0'),
      pkg('b', '1.0.0', {license: 'GPL-3.0-only'}),
      pkg('d', '2.0.0')
    ])
    const diff = diffComponents(base, head)
    expect(diff.added.map(c => c.purl)).toEqual(['pkg:npm/d@2.0.0'])
    expect(diff.removed.map(c => c.purl)).toEqual(['pkg:npm/c@1.0.0'])
    expect(diff.changed.map(c => `${c.before.version}->${c.after.version}`)).toEqual([
      '1.0.0->1.1.0'
    ])
    expect(diff.licenseChanged.map(c => `${c.before.license}->${c.after.license}`)).toEqual([
      'MIT->GPL-3.0-only'
    ])
  })

  it('normalizes git remotes without credentials', () => {
    expect(normalizeRemote('git@github.com:acme/demo.git')).toBe('https://github.com/acme/demo')
    expect(normalizeRemote('https://x-access-token:abc@github.com/acme/demo.git')).toBe(
      'https://github.com/acme/demo'
    )
    expect(normalizeRemote('file:///tmp/x')).toBeUndefined()
  })
})

describe('componentName', () => {
  it('splits purls into CycloneDX group and name like packageurl-js does', async () => {
    const {componentName} = await import('../src/cyclonedx')
    const {PackageURL} = await import('packageurl-js')
    for (const [ecosystem, purl] of [
      ['Maven', 'pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1'],
      ['Go', 'pkg:golang/github.com/spf13/cobra@v1.8.0'],
      ['Packagist', 'pkg:composer/laravel/framework@10.0.0'],
      ['PyPI', 'pkg:pypi/django@4.2.1'],
      ['NuGet', 'pkg:nuget/Newtonsoft.Json@13.0.1'],
      ['Go', 'pkg:golang/golang.org/x/net@v0.0.0-20220722155237-a158d28d115b']
    ] as const) {
      const parsed = PackageURL.fromString(purl)
      expect(componentName({ecosystem, name: 'ignored', purl})).toEqual(
        parsed.namespace ? {group: parsed.namespace, name: parsed.name} : {name: parsed.name}
      )
    }
    expect(
      componentName({ecosystem: 'npm', name: '@types/node', purl: 'pkg:npm/%40types/node@20.1.0'})
    ).toEqual({group: '@types', name: 'node'})
    expect(
      componentName({ecosystem: 'npm', name: 'JSONStream', purl: 'pkg:npm/jsonstream@1.3.5'})
    ).toEqual({name: 'JSONStream'})
  })
})
