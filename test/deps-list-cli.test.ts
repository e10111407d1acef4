import {spawnSync} from 'node:child_process'
import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from '@jest/globals'
import {makeWorkspace, removeWorkspace} from './helpers/workspace'

const repo = join(import.meta.dirname, '..')
const cli = join(repo, 'dist', 'cli.js')
const fixtures = join(repo, 'test', 'fixtures', 'inventory', 'npm')

function pipeguard(args: string[]) {
  const result = spawnSync(process.execPath, [cli, ...args], {
    encoding: 'utf8',
    env: {...process.env, NO_COLOR: '1'},
    maxBuffer: 1 << 28
  })
  return {code: result.status, stdout: result.stdout, stderr: result.stderr}
}

describe('dist/cli.js deps --list', () => {
  let dir: string
  beforeAll(() => {
    const copy = (path: string) => readFileSync(join(fixtures, path), 'utf8')
    dir = makeWorkspace({
      'package-lock.json': copy('actions-toolkit-v3/package-lock.json'),
      'package.json': copy('actions-toolkit-v3/package.json'),
      'docs/yarn.lock': copy('vue2-yarn-v1/yarn.lock'),
      'docs/package.json': copy('vue2-yarn-v1/package.json'),
      'site/pnpm-lock.yaml': copy('vue-core-pnpm-v9/pnpm-lock.yaml'),
      'edge/bun.lock': copy('hono-bun/bun.lock'),
      'conflicted/yarn.lock':
        '# yarn lockfile v1\n\n<<<<<<< HEAD\na@^1:\n  version "1.0.0"\n=======\n>>>>>>> other\n'
    })
  })
  afterAll(() => removeWorkspace(dir))

  it('lists every lockfile of the tree as JSON, and reports the broken one', () => {
    const {code, stdout, stderr} = pipeguard(['deps', '--list', dir, '--format', 'json'])
    expect(stderr).toBe('pipeguard: 1 file(s) could not be read; see "errors"\n')
    expect(code).toBe(0)
    const listed = JSON.parse(stdout) as {
      packages: Array<{location: {path: string}; purl: string}>
      errors: unknown[]
    }
    const perFile = new Map<string, number>()
    for (const p of listed.packages)
      perFile.set(p.location.path, (perFile.get(p.location.path) ?? 0) + 1)
    expect(Object.fromEntries(perFile)).toEqual({
      'docs/yarn.lock': 1319,
      'edge/bun.lock': 862,
      'package-lock.json': 1149,
      'site/pnpm-lock.yaml': 712
    })
    expect(listed.errors).toEqual([
      {
        path: 'conflicted/yarn.lock',
        message:
          'conflicted/yarn.lock:3: unresolved git merge conflict marker; resolve the conflict and regenerate the lockfile'
      }
    ])
  })

  it('prints a readable tree without --format', () => {
    const {code, stdout} = pipeguard(['deps', '--list', dir, '--depth', '0'])
    expect(code).toBe(0)
    expect(stdout).toContain(
      'package-lock.json (1149 packages, 28 direct)\n├── @actions/artifact@2.1.7 (+'
    )
    expect(stdout).toContain('error: conflicted/yarn.lock:3: unresolved git merge conflict marker')
  })
})
