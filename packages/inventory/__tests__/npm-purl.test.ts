import {describe, expect, it} from '@jest/globals'
import {PackageURL} from 'packageurl-js'
import {bunLock} from '../src/extractors/bun-lock'
import {npmPackageLock} from '../src/extractors/npm-package-lock'
import {pnpmLock} from '../src/extractors/pnpm-lock'
import {yarnLock} from '../src/extractors/yarn-lock'
import {npmPurl} from '../src/javascript/npm-purl'
import {extractOnce} from './js-fixtures'

function reference(name: string, version: string): string {
  const slash = name.startsWith('@') ? name.indexOf('/') : -1
  const namespace = slash > 0 ? name.slice(0, slash) : undefined
  return new PackageURL(
    'npm',
    namespace,
    slash > 0 ? name.slice(slash + 1) : name,
    version || undefined,
    undefined,
    undefined
  ).toString()
}

describe('npmPurl', () => {
  it('encodes the scope, lowercases names and keeps versions as the purl spec says', () => {
    expect(npmPurl('@babel/core', '7.24.0')).toBe('pkg:npm/%40babel/core@7.24.0')
    expect(npmPurl('JSONStream', '1.3.5')).toBe('pkg:npm/jsonstream@1.3.5')
    expect(npmPurl('from-git', '0.0.0-build+sha.1/x')).toBe(
      'pkg:npm/from-git@0.0.0-build+sha.1%2Fx'
    )
    expect(npmPurl('@types/node', '')).toBe('pkg:npm/%40types/node')
  })

  it('gives exactly what packageurl-js PackageURL gives, for every package of the real lockfiles', () => {
    const odd = [
      ['JSONStream', '1.3.5'],
      ['@Scope/Mixed_Case', '1.0.0-RC.1+build'],
      ['from-git', '0123456789abcdef'],
      ['a.b', '1.0.0'],
      ['@types/node', '']
    ]
    const all = [
      ...extractOnce(npmPackageLock, 'actions-toolkit-v3/package-lock.json').packages,
      ...extractOnce(yarnLock, 'vue2-yarn-v1/yarn.lock').packages,
      ...extractOnce(pnpmLock, 'vue-core-pnpm-v9/pnpm-lock.yaml').packages,
      ...extractOnce(bunLock, 'hono-bun/bun.lock').packages
    ].map(p => [p.name, p.version])
    for (const [name, version] of [...odd, ...all])
      expect(npmPurl(name!, version!)).toBe(reference(name!, version!))
  })
})
