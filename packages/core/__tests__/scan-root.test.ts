import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterAll, describe, expect, it} from '@jest/globals'
import {resolveScanRoot} from '../src/action/scan-root'
import {ConfigError} from '../src/errors'

const repo = mkdtempSync(join(tmpdir(), 'pipeguard-scan-root-'))
mkdirSync(join(repo, 'services', 'orders'), {recursive: true})
writeFileSync(join(repo, 'README.md'), '# repo\n')
afterAll(() => rmSync(repo, {recursive: true, force: true}))

describe('resolveScanRoot', () => {
  it('maps root paths to repository paths, once, for the repository root and a subfolder', () => {
    const top = resolveScanRoot(repo, '.')
    expect(top).toMatchObject({root: repo, fromRepo: ''})
    expect(top.repoFile('infra/a.tf')).toBe('infra/a.tf')
    for (const path of ['services/orders', './services/orders/', join(repo, 'services/orders')]) {
      const sub = resolveScanRoot(repo, path)
      expect(sub).toMatchObject({
        root: join(repo, 'services', 'orders'),
        fromRepo: 'services/orders'
      })
      expect(sub.repoFile('infra/a.tf')).toBe('services/orders/infra/a.tf')
    }
  })

  it.each([
    ['nope', 'input "path": "nope" does not exist in the repository'],
    ['README.md', 'input "path": "README.md" is a file; expected a directory'],
    ['..', 'input "path": ".." is outside the repository'],
    ['../elsewhere', 'input "path": "../elsewhere" is outside the repository']
  ])('refuses path: %s with a ConfigError naming it', (path, message) => {
    expect(() => resolveScanRoot(repo, path)).toThrow(ConfigError)
    expect(() => resolveScanRoot(repo, path)).toThrow(message)
  })
})
