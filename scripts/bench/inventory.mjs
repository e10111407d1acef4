// Inventory: a generated 5,000-package package-lock.json v3 (nested copies, scoped names,
// dev/optional flags, ~3 dependencies each). Times the whole `deps --list --format json` run of the
// bundle, and the extraction alone (the extractor bundled with esbuild, run in a fresh process).
import {Buffer} from 'node:buffer'
import {execFileSync} from 'node:child_process'
import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {build} from 'esbuild'

const repo = fileURLToPath(new URL('../../', import.meta.url))
const PACKAGES = 5000
const NESTED = 800

/** A deterministic v3 lockfile: name -> install location, with nested copies resolving by node's rules. */
export function generateLockfile(count = PACKAGES) {
  const top = count - NESTED
  const name = i => (i % 7 === 0 ? `@scope${i % 13}/pkg-${i}` : `pkg-${i}`)
  const entries = {}
  const declared = {}
  for (let i = 0; i < 120; i++) declared[name(i)] = `^${1 + (i % 5)}.0.0`
  entries[''] = {
    name: 'bench-app',
    version: '1.0.0',
    dependencies: declared,
    devDependencies: {'pkg-200': '^1.0.0'}
  }
  for (let i = 0; i < top; i++) {
    const deps = {}
    for (let k = 1; k <= 3; k++) {
      const j = (i * 7 + k * 131) % top
      if (j !== i) deps[name(j)] = '*'
    }
    entries[`node_modules/${name(i)}`] = {
      version: `${1 + (i % 5)}.${i % 17}.${i % 3}`,
      resolved: `https://registry.npmjs.org/${name(i)}/-/${name(i).split('/').pop()}-${1 + (i % 5)}.${i % 17}.${i % 3}.tgz`,
      integrity: `sha512-${Buffer.from(`bench-${i}`).toString('base64')}`,
      license: 'MIT',
      dependencies: deps,
      ...(i % 4 === 0 ? {dev: true} : i % 31 === 0 ? {optional: true} : {})
    }
  }
  // nested copies: a second version of some package inside another one's node_modules
  for (let n = 0; n < NESTED; n++) {
    const parent = (n * 5) % top
    const child = (n * 11 + 3) % top
    entries[`node_modules/${name(parent)}/node_modules/${name(child)}`] = {
      version: `9.${n % 10}.${n}`,
      integrity: `sha512-${Buffer.from(`nested-${n}`).toString('base64')}`,
      dependencies: {[name((child + 1) % top)]: '*'}
    }
    entries[`node_modules/${name(parent)}`].dependencies[name(child)] = '^9.0.0'
  }
  return (
    JSON.stringify(
      {name: 'bench-app', version: '1.0.0', lockfileVersion: 3, requires: true, packages: entries},
      null,
      2
    ) + '\n'
  )
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]
}

/**
 * The package-lock extractor alone, bundled into a small module; each fresh process times its first
 * (cold) extraction, wall and CPU, then five warm ones.
 */
async function extractionTimes(dir) {
  const entry = join(dir, 'extract-entry.ts')
  writeFileSync(
    entry,
    [
      `import {readFileSync} from 'node:fs'`,
      `import {npmPackageLock} from ${JSON.stringify(join(repo, 'packages/inventory/src/extractors/npm-package-lock.ts'))}`,
      `const text = readFileSync(process.argv[2], 'utf8')`,
      `const wall = []`,
      `const cpu = []`,
      `let count = 0`,
      `for (let i = 0; i < 6; i++) {`,
      `  const startCpu = process.cpuUsage()`,
      `  const start = performance.now()`,
      `  count = npmPackageLock.extract({path: 'package-lock.json', text, siblings: {}}).packages.length`,
      `  wall.push(performance.now() - start)`,
      `  const used = process.cpuUsage(startCpu)`,
      `  cpu.push((used.user + used.system) / 1000)`,
      `}`,
      `console.log(JSON.stringify({count, wall, cpu}))`
    ].join('\n')
  )
  const outfile = join(dir, 'extract.mjs')
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    logLevel: 'error',
    absWorkingDir: repo
  })
  const runs = []
  for (let i = 0; i < 3; i++) {
    runs.push(
      JSON.parse(
        execFileSync(process.execPath, [outfile, join(dir, 'project', 'package-lock.json')], {
          encoding: 'utf8'
        })
      )
    )
  }
  return {
    count: runs[0].count,
    coldWall: median(runs.map(r => r.wall[0])),
    coldCpu: median(runs.map(r => r.cpu[0])),
    warmWall: median(runs.flatMap(r => r.wall.slice(1)))
  }
}

export async function bench() {
  const dir = mkdtempSync(join(tmpdir(), 'pg-bench-inventory-'))
  try {
    const project = join(dir, 'project')
    mkdirSync(project)
    writeFileSync(join(project, 'package-lock.json'), generateLockfile())
    const cli = join(repo, 'dist', 'cli.js')
    const runs = []
    let listed = 0
    for (let i = 0; i < 5; i++) {
      const start = process.hrtime.bigint()
      const out = execFileSync(
        process.execPath,
        [cli, 'deps', '--list', project, '--format', 'json'],
        {encoding: 'utf8', maxBuffer: 1 << 30}
      )
      runs.push(Number(process.hrtime.bigint() - start) / 1e6)
      listed = JSON.parse(out).packages.length
    }
    const empty = join(dir, 'empty')
    mkdirSync(empty)
    const baseline = []
    for (let i = 0; i < 5; i++) {
      const start = process.hrtime.bigint()
      execFileSync(process.execPath, [cli, 'deps', '--list', empty, '--format', 'json'], {
        stdio: 'ignore'
      })
      baseline.push(Number(process.hrtime.bigint() - start) / 1e6)
    }
    const extraction = await extractionTimes(dir)
    const lockfile = `${extraction.count}-package package-lock.json`
    return [
      {
        name: `deps --list --format json, ${listed} packages (dist/cli.js, median of 5)`,
        value: median(runs),
        unit: 'ms',
        note: 'whole process: startup, walk, extraction, JSON output'
      },
      {
        name: 'same command on a folder without lockfiles (median of 5)',
        value: median(baseline),
        unit: 'ms',
        note: 'process startup and the rest of the run, for scale'
      },
      {
        name: `extraction of a ${lockfile}, first run in a fresh process (median of 3 processes)`,
        value: extraction.coldWall,
        unit: 'ms',
        note: 'goal < 300 ms'
      },
      {
        name: 'same, CPU time (user + system, includes parallel GC)',
        value: extraction.coldCpu,
        unit: 'ms'
      },
      {
        name: `extraction of a ${lockfile}, warm (median of 15 runs)`,
        value: extraction.warmWall,
        unit: 'ms'
      }
    ]
  } finally {
    rmSync(dir, {recursive: true, force: true})
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) console.log(await bench())
