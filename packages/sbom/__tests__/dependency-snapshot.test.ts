import {describe, expect, it} from '@jest/globals'
import type {Package} from '@pipeguard/inventory'
import {buildDependencySnapshot} from '../src/dependency-snapshot'

function pkg(name: string, over: Partial<Package> = {}): Package {
  return {
    ecosystem: 'npm',
    name,
    version: '1.0.0',
    purl: `pkg:npm/${name}@1.0.0`,
    direct: false,
    scope: 'prod',
    pinned: true,
    location: {path: 'package-lock.json', startLine: 1},
    dependencies: [],
    ...over
  }
}

const ctx = {
  sha: 'a'.repeat(40),
  ref: 'refs/heads/main',
  correlator: 'ci_sbom_.',
  runId: '42',
  scanned: '2026-11-27T00:00:00Z',
  detector: {name: 'pipeguard', version: '0.1.0', url: 'https://github.com/pipeguard/pipeguard'}
}

describe('buildDependencySnapshot', () => {
  it('makes one manifest per lockfile with relationships, scopes and edges', () => {
    const snapshot = buildDependencySnapshot(
      [
        pkg('a', {direct: true, dependencies: ['pkg:npm/b@1.0.0', 'pkg:npm/elsewhere@1.0.0']}),
        pkg('b'),
        pkg('jest', {direct: true, scope: 'dev'}),
        pkg('django', {
          ecosystem: 'PyPI',
          purl: 'pkg:pypi/django@1.0.0',
          location: {path: 'api/requirements.txt', startLine: 3}
        }),
        pkg('loose', {pinned: false, version: '', purl: 'pkg:npm/loose'})
      ],
      ctx
    )
    expect(snapshot).toMatchObject({
      version: 0,
      sha: ctx.sha,
      ref: 'refs/heads/main',
      job: {correlator: 'ci_sbom_.', id: '42'}
    })
    expect(Object.keys(snapshot.manifests)).toEqual(['api/requirements.txt', 'package-lock.json'])
    const npm = snapshot.manifests['package-lock.json']!
    expect(npm.file.source_location).toBe('package-lock.json')
    expect(npm.resolved['pkg:npm/a@1.0.0']).toEqual({
      package_url: 'pkg:npm/a@1.0.0',
      relationship: 'direct',
      scope: 'runtime',
      dependencies: ['pkg:npm/b@1.0.0']
    })
    expect(npm.resolved['pkg:npm/b@1.0.0']!.relationship).toBe('indirect')
    expect(npm.resolved['pkg:npm/jest@1.0.0']!.scope).toBe('development')
    expect(npm.resolved['pkg:npm/loose']).toBeUndefined()
  })

  it('keeps the strongest relationship and scope for a package listed twice in one lockfile', () => {
    const snapshot = buildDependencySnapshot(
      [pkg('x', {scope: 'dev'}), pkg('x', {direct: true})],
      ctx
    )
    expect(snapshot.manifests['package-lock.json']!.resolved['pkg:npm/x@1.0.0']).toMatchObject({
      relationship: 'direct',
      scope: 'runtime'
    })
  })
  it('names each manifest by its repository path when the root is a subfolder', () => {
    const snapshot = buildDependencySnapshot(
      [pkg('a'), pkg('b', {location: {path: 'web/package-lock.json', startLine: 1}})],
      {...ctx, repoFile: path => `services/orders/${path}`}
    )
    expect(Object.keys(snapshot.manifests).sort()).toEqual([
      'services/orders/package-lock.json',
      'services/orders/web/package-lock.json'
    ])
    expect(snapshot.manifests['services/orders/web/package-lock.json']).toMatchObject({
      name: 'services/orders/web/package-lock.json',
      file: {source_location: 'services/orders/web/package-lock.json'}
    })
  })
})
