import {execFileSync} from 'node:child_process'
import {join} from 'node:path'
import {describe, expect, it} from '@jest/globals'
import {readBaseFiles} from '../src/base-revision'
import {makeWorkspace, writeFiles} from '../../../test/helpers/workspace'

const git = (dir: string, ...args: string[]): string =>
  execFileSync('git', ['-C', dir, '-c', 'user.name=t', '-c', 'user.email=t@t', ...args], {
    encoding: 'utf8'
  }).trim()

describe('readBaseFiles', () => {
  it('reads a subfolder root at the base commit, decodes it, lists what the change deleted', async () => {
    const repo = makeWorkspace({
      'services/api/requirements.txt': '\ufeffflask==2.0.0\n',
      'services/api/old/requirements.txt': 'django==3.0\n',
      'requirements.txt': 'outside==1.0\n'
    })
    git(repo, 'init', '-q')
    git(repo, 'add', '.')
    git(repo, 'commit', '-q', '-m', 'base')
    const base = git(repo, 'rev-parse', 'HEAD')
    writeFiles(repo, {'services/api/requirements.txt': 'flask==3.0.0\n'})
    git(repo, 'rm', '-q', 'services/api/old/requirements.txt')
    git(repo, 'commit', '-q', '-am', 'head')

    const root = join(repo, 'services', 'api')
    const read = await readBaseFiles(root, base, ['requirements.txt', 'new.txt'], p =>
      p.endsWith('requirements.txt')
    )
    expect(read.commit).toBe(base)
    expect(read.problem).toBeUndefined()
    expect([...read.texts]).toEqual([
      ['requirements.txt', 'flask==2.0.0\n'],
      ['old/requirements.txt', 'django==3.0\n']
    ])
    expect(read.deleted).toEqual(['old/requirements.txt'])
  })

  it('says why when the base commit is not in the clone, and reads nothing', async () => {
    const repo = makeWorkspace({'requirements.txt': 'flask==2.0.0\n'})
    git(repo, 'init', '-q')
    git(repo, 'add', '.')
    git(repo, 'commit', '-q', '-m', 'only')
    const read = await readBaseFiles(repo, 'deadbeef'.repeat(5), ['requirements.txt'])
    expect(read.texts.size).toBe(0)
    expect(read.problem).toMatch(/is not in this clone/)
  })
})
