import {describe, expect, it} from '@jest/globals'
import {NpmLockGraph, parseNpmLock} from '../src/remediation/npm-lock-graph'
import {allows, semverRange} from '../src/remediation/npm-range'

/** A workspace project: the root, workspace packages/a (linked), and two versions of x. */
const WORKSPACE_LOCK = JSON.stringify({
  lockfileVersion: 3,
  packages: {
    '': {name: 'root', workspaces: ['packages/*'], devDependencies: {x: '^1.0.0'}},
    'packages/a': {name: 'a', version: '1.0.0', dependencies: {x: '^2.0.0', y: 'npm:z@^3.0.0'}},
    'node_modules/a': {resolved: 'packages/a', link: true},
    'node_modules/x': {version: '1.0.0', dev: true},
    'packages/a/node_modules/x': {version: '2.0.0'},
    'node_modules/y': {name: 'z', version: '3.1.0'}
  }
})

function graph(): NpmLockGraph {
  const parsed = parseNpmLock(WORKSPACE_LOCK, 'package-lock.json')
  if ('message' in parsed) throw new Error(parsed.message)
  return new NpmLockGraph(parsed.packages)
}

describe('package-lock install tree', () => {
  it("resolves as node does: the nearest node_modules, through a workspace's own first", () => {
    const g = graph()
    expect(g.resolve('', 'x')).toBe('node_modules/x')
    expect(g.resolve('packages/a', 'x')).toBe('packages/a/node_modules/x')
    expect(g.resolve('packages/a', 'y')).toBe('node_modules/y')
    expect(g.resolve('', 'missing')).toBeUndefined()
    // A link is the project's own code, not an installed package.
    expect(g.nodes.has('node_modules/a')).toBe(false)
    expect(g.nodes.get('node_modules/y')).toMatchObject({name: 'z', version: '3.1.0'})
  })

  it('knows every dependent of a location and the range each one asks for', () => {
    const g = graph()
    expect(g.incoming('node_modules/x')).toEqual([
      {from: '', range: '^1.0.0', field: 'devDependencies'}
    ])
    expect(g.incoming('packages/a/node_modules/x')).toEqual([
      {from: 'packages/a', range: '^2.0.0', field: 'dependencies'}
    ])
    expect(g.incoming('node_modules/y')).toEqual([
      {from: 'packages/a', range: 'npm:z@^3.0.0', field: 'dependencies'}
    ])
  })

  it('moves the edges of a package planned at another version', () => {
    const g = graph()
    g.setVersion('node_modules/y', '3.2.0', [{name: 'x', range: '^1.0.0', field: 'dependencies'}])
    expect(g.nodes.get('node_modules/y')!.version).toBe('3.2.0')
    expect(g.incoming('node_modules/x').map(e => e.from)).toEqual(['', 'node_modules/y'])
    g.setVersion('node_modules/y', '3.3.0', [])
    expect(g.incoming('node_modules/x').map(e => e.from)).toEqual([''])
  })
})

describe('dependency specs', () => {
  it.each([
    ['^1.2.0', '1.3.0', true],
    ['^1.2.0', '2.0.0', false],
    ['npm:z@^3.0.0', '3.1.0', true],
    ['npm:z@^3.0.0', '4.0.0', false],
    ['latest', '9.9.9', true],
    ['github:user/repo#abc', '1.0.0', false],
    ['file:../local', '1.0.0', false]
  ])('%s allows %s: %s', (spec, version, expected) => {
    expect(allows(spec, version)).toBe(expected)
  })

  it('has no semver range for git and file specs', () => {
    expect(semverRange('git+https://example.test/x.git')).toBeUndefined()
    expect(semverRange('^1')).toBe('^1')
  })
})
