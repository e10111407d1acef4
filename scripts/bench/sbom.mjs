// SBOM: pipeguard vs @cyclonedx/cyclonedx-npm on the largest real npm lockfile, same run, wall time.
import {execFileSync} from 'node:child_process'
import {copyFileSync, mkdtempSync, readdirSync, rmSync, statSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'

const repo = fileURLToPath(new URL('../../', import.meta.url))
const fixtures = join(repo, 'test', 'fixtures', 'inventory', 'npm')

function largestLockfile() {
  return readdirSync(fixtures)
    .map(name => join(fixtures, name, 'package-lock.json'))
    .filter(file => {
      try {
        return statSync(file).isFile()
      } catch {
        return false
      }
    })
    .sort((a, b) => statSync(b).size - statSync(a).size)[0]
}

function time(fn, runs) {
  const times = []
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint()
    fn()
    times.push(Number(process.hrtime.bigint() - start) / 1e6)
  }
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)]
}

export async function bench() {
  const lockfile = largestLockfile()
  const dir = mkdtempSync(join(tmpdir(), 'pg-bench-sbom-'))
  try {
    copyFileSync(lockfile, join(dir, 'package-lock.json'))
    copyFileSync(join(lockfile, '..', 'package.json'), join(dir, 'package.json'))
    const ours = time(
      () =>
        execFileSync(
          process.execPath,
          [join(repo, 'dist', 'cli.js'), 'sbom', dir, '--output', join(dir, 'ours.json')],
          {stdio: 'ignore'}
        ),
      5
    )
    const theirs = time(
      () =>
        execFileSync(
          join(repo, 'node_modules', '.bin', 'cyclonedx-npm'),
          [
            '--package-lock-only',
            '--flatten-components',
            '--output-format',
            'JSON',
            '--output-file',
            join(dir, 'theirs.json')
          ],
          {cwd: dir, stdio: 'ignore'}
        ),
      3
    )
    const name = lockfile.split('/').slice(-2, -1)[0]
    return [
      {name: `pipeguard sbom (${name}, median of 5)`, value: ours, unit: 'ms'},
      {name: `cyclonedx-npm --package-lock-only (median of 3)`, value: theirs, unit: 'ms'},
      {name: 'speed-up', value: theirs / ours, unit: 'x', note: 'goal >= 10x'}
    ]
  } finally {
    rmSync(dir, {recursive: true, force: true})
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) console.log(await bench())
