import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterEach, describe, expect, it} from '@jest/globals'
import {ConfigError} from '@pipeguard/core'
import {strToU8, zipSync} from 'fflate'
import {loadOfflineIndex, offlineSource} from '../src/sources/offline-db'
import {OSV_DIR, allOsvTexts} from './osv-fixtures'

const dirs: string[] = []
const tempDir = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'pg-offline-'))
  dirs.push(dir)
  return dir
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, {recursive: true, force: true})
})

describe('offline advisory database', () => {
  it('indexes a directory tree of OSV records by ecosystem and normalized name', async () => {
    const index = await loadOfflineIndex(OSV_DIR)
    expect(index.count).toBe(157)
    expect(index.errors).toEqual([])
    expect(index.lookup({ecosystem: 'PyPI', name: 'Django', version: '1'}).length).toBeGreaterThan(
      20
    )
    expect(
      index.lookup({ecosystem: 'NuGet', name: 'NEWTONSOFT.JSON', version: '1'}).map(r => r.id)
    ).toEqual(['GHSA-5crp-9r3c-p9vr'])
    // a multi-ecosystem record is found under each of its packages
    expect(
      index.lookup({ecosystem: 'Packagist', name: 'google/protobuf', version: '1'}).map(r => r.id)
    ).toEqual(['GHSA-77rm-9x9h-xj3g'])
    expect(index.lookup({ecosystem: 'npm', name: 'django', version: '1'})).toEqual([])
  })

  it('reads several all.zip exports and reports a corrupt one by name', async () => {
    const dir = tempDir()
    const texts = allOsvTexts()
    mkdirSync(join(dir, 'npm'))
    mkdirSync(join(dir, 'PyPI'))
    writeFileSync(
      join(dir, 'npm', 'all.zip'),
      zipSync({'GHSA-35jh-r3h4-6jhm.json': strToU8(texts.get('GHSA-35jh-r3h4-6jhm')!)})
    )
    writeFileSync(
      join(dir, 'PyPI', 'all.zip'),
      zipSync({
        'PYSEC-2018-28.json': strToU8(texts.get('PYSEC-2018-28')!),
        'bad.json': strToU8('{}')
      })
    )
    writeFileSync(join(dir, 'broken.zip'), 'not a zip')
    const index = await loadOfflineIndex(dir)
    expect(index.count).toBe(2)
    expect(index.errors).toEqual([
      {path: 'broken.zip', message: expect.stringContaining('not a readable zip archive')},
      {path: 'PyPI/all.zip:bad.json', message: expect.stringContaining('not a valid OSV record')}
    ])
    expect(index.lookup({ecosystem: 'npm', name: 'lodash', version: '1'})).toHaveLength(1)
  })

  it('validates a record when a package first needs it and reports a bad one by file and id', async () => {
    const dir = tempDir()
    const bad = {
      id: 'GHSA-bad0-bad0-bad0',
      modified: '2024-01-01T00:00:00Z',
      affected: [
        {
          package: {ecosystem: 'npm', name: 'lodash'},
          ranges: [{type: 'ECOSYSTEM', events: [{introduced: '0', fixed: '1.0.0'}]}]
        }
      ]
    }
    writeFileSync(join(dir, 'bad.json'), JSON.stringify(bad))
    writeFileSync(join(dir, 'good.json'), allOsvTexts().get('GHSA-35jh-r3h4-6jhm')!)
    const index = await loadOfflineIndex(dir)
    expect(index.errors).toEqual([])
    expect(index.lookup({ecosystem: 'npm', name: 'lodash', version: '1'}).map(r => r.id)).toEqual([
      'GHSA-35jh-r3h4-6jhm'
    ])
    expect(index.errors).toEqual([
      {
        path: 'bad.json',
        message: expect.stringMatching(/GHSA-bad0-bad0-bad0.*exactly one of introduced/)
      }
    ])
    index.lookup({ecosystem: 'npm', name: 'lodash', version: '2'})
    expect(index.errors).toHaveLength(1)
  })

  it('refuses a missing path or one without records: no scan is not a clean scan', async () => {
    await expect(loadOfflineIndex(join(tempDir(), 'missing'))).rejects.toThrow(ConfigError)
    await expect(loadOfflineIndex(tempDir())).rejects.toThrow(/holds no valid OSV records/)
  })

  it('refuses a database whose every record is invalid, naming the count and the first', async () => {
    const dir = tempDir()
    writeFileSync(join(dir, 'a.json'), '{"modified": "2024-01-01T00:00:00Z"}')
    writeFileSync(join(dir, 'b.json'), '{"id": ')
    writeFileSync(join(dir, 'all.zip'), zipSync({'c.json': strToU8('[]')}))
    const error = await loadOfflineIndex(dir).then(
      () => undefined,
      e => e as Error
    )
    expect(error).toBeInstanceOf(ConfigError)
    expect(error!.message).toMatch(
      /^the advisory database .* holds no valid OSV records \(\*\.json or all\.zip\); 3 file\(s\) failed, the first: a\.json: not a valid OSV record: id: .*; no vulnerability scan was done$/
    )
  })

  it('reads records with a byte order mark and lists an invalid one in a subfolder as an error', async () => {
    const dir = tempDir()
    writeFileSync(join(dir, 'lodash.json'), `\uFEFF${allOsvTexts().get('GHSA-35jh-r3h4-6jhm')!}`)
    mkdirSync(join(dir, 'sub'))
    writeFileSync(join(dir, 'sub', 'inner.json'), '{}')
    const index = await loadOfflineIndex(dir)
    expect(index.count).toBe(1)
    expect(index.errors).toEqual([
      {path: 'sub/inner.json', message: expect.stringContaining('not a valid OSV record')}
    ])
    expect(index.lookup({ecosystem: 'npm', name: 'lodash', version: '1'})).toHaveLength(1)
  })

  it('answers per package in query order', async () => {
    const answer = await offlineSource(OSV_DIR).query([
      {ecosystem: 'npm', name: 'left-pad', version: '1.0.0'},
      {ecosystem: 'npm', name: 'lodash', version: '4.17.15'}
    ])
    expect(answer.records.map(list => list.map(r => r.id))).toEqual([[], ['GHSA-35jh-r3h4-6jhm']])
    expect(answer.notes).toEqual([`advisory database: 157 OSV records from ${OSV_DIR}`])
  })
})
