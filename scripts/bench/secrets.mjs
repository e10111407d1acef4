// Secret scan: pipeguard with one worker and with the default pool, ripgrep (when installed) and
// secretlint (recommended preset) on the same real tree in one run, with the ratios; peak memory
// of a full `scan` of that tree. The history scan is measured in secrets-history.mjs.
// The tree is PIPEGUARD_BENCH_TREE (a real checkout such as tc39/test262) or else real text copied
// from node_modules (deterministic order) with a few generated, format-valid fake secrets planted.
import {spawnSync} from 'node:child_process'
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
  appendFileSync
} from 'node:fs'
import {availableParallelism, tmpdir} from 'node:os'
import {dirname, join} from 'node:path'
import {fileURLToPath} from 'node:url'

const repo = fileURLToPath(new URL('../../', import.meta.url))
const cli = process.env.PIPEGUARD_CLI ?? join(repo, 'dist', 'cli.js')
const TARGET_BYTES = 100 * 1024 * 1024
const MAX_SOURCE_FILE = 512 * 1024
const TEXT_EXT = /\.(?:m?js|cjs|ts|mts|cts|json|md|ya?ml|txt|map)$/
/** secretlint is much slower: it scans this subset and its MB/s is reported for that subset. */
const SECRETLINT_SUBSET_BYTES = 2 * 1024 * 1024

/** Deterministic PRNG (mulberry32) so every run builds the same tree. */
export function prng(seed) {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}
export const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'
export const UPPER_DIGITS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'
export function randomOf(rand, alphabet, n) {
  let out = ''
  for (let i = 0; i < n; i++) out += alphabet[Math.floor(rand() * alphabet.length)]
  return out
}

/** Planted secrets: assembled at run time, never literal in this file. */
export function plantedLine(rand, i) {
  switch (i % 4) {
    case 0:
      return `const githubToken = "${'ghp' + '_' + randomOf(rand, ALNUM, 36)}"`
    case 1:
      return `aws_access_key_id = ${'AKIA' + randomOf(rand, UPPER_DIGITS, 16)}`
    case 2:
      return `SLACK_TOKEN=${'xoxb' + '-' + randomOf(rand, '0123456789', 12)}-${randomOf(rand, '0123456789', 13)}-${randomOf(rand, ALNUM, 24)}`
    default:
      return `stripe.apiKey = '${'sk' + '_live_' + randomOf(rand, ALNUM, 32)}'`
  }
}

function listSourceFiles(dir, out) {
  let entries
  try {
    entries = readdirSync(dir, {withFileTypes: true}).sort((a, b) => a.name.localeCompare(b.name))
  } catch {
    return
  }
  for (const entry of entries) {
    const abs = join(dir, entry.name)
    if (entry.isDirectory()) listSourceFiles(abs, out)
    else if (entry.isFile() && TEXT_EXT.test(entry.name)) out.push(abs)
  }
}

function buildTree(dir) {
  const sources = []
  listSourceFiles(join(repo, 'node_modules'), sources)
  const rand = prng(42)
  let bytes = 0
  let subsetFiles = 0
  const files = []
  for (const source of sources) {
    const size = statSync(source).size
    if (size === 0 || size > MAX_SOURCE_FILE) continue
    const rel = join(
      'src',
      source.slice(join(repo, 'node_modules').length + 1).replace(/node_modules/g, 'vendor')
    )
    mkdirSync(dirname(join(dir, rel)), {recursive: true})
    copyFileSync(source, join(dir, rel))
    files.push(rel)
    bytes += size
    if (bytes <= SECRETLINT_SUBSET_BYTES) subsetFiles = files.length
    if (bytes >= TARGET_BYTES) break
  }
  let planted = 0
  for (let i = 0; i < files.length; i += Math.floor(files.length / 40)) {
    appendFileSync(join(dir, files[i]), `\n${plantedLine(rand, planted++)}\n`)
  }
  const subsetBytes = files
    .slice(0, subsetFiles)
    .reduce((n, f) => n + statSync(join(dir, f)).size, 0)
  return {bytes, files, planted, subset: files.slice(0, subsetFiles), subsetBytes}
}

/** Every regular file of a real tree, outside .git, with its size. */
function listTree(dir, base = dir, out = []) {
  for (const entry of readdirSync(dir, {withFileTypes: true}).sort((a, b) =>
    a.name.localeCompare(b.name)
  )) {
    const abs = join(dir, entry.name)
    if (entry.isDirectory() && entry.name !== '.git') listTree(abs, base, out)
    else if (entry.isFile()) out.push({rel: abs.slice(base.length + 1), size: statSync(abs).size})
  }
  return out
}

function givenTree(dir) {
  const files = listTree(dir)
  let bytes = 0
  let subsetFiles = 0
  for (const [i, file] of files.entries()) {
    bytes += file.size
    if (bytes <= SECRETLINT_SUBSET_BYTES) subsetFiles = i + 1
  }
  const subset = files.slice(0, subsetFiles)
  return {
    bytes,
    files: files.map(f => f.rel),
    planted: 0,
    subset: subset.map(f => f.rel),
    subsetBytes: subset.reduce((n, f) => n + f.size, 0)
  }
}

/** Five secret-ish patterns, the kind of search ripgrep users run by hand. */
const RG_PATTERNS = [
  'ghp_[A-Za-z0-9]{36}',
  'AKIA[A-Z2-7]{16}',
  'xox[baprs]-[0-9A-Za-z-]{10,}',
  'sk_live_[A-Za-z0-9]{24,}',
  '(?i)(password|secret|token)\\s*[:=]\\s*[\'"][^\'"]{8,}'
]

function ripgrepAvailable() {
  return spawnSync('rg', ['--version'], {encoding: 'utf8'}).status === 0
}

/** Peak resident memory of a CLI run, workers included (one process), in MB. */
function peakRss(args) {
  const report =
    'data:text/javascript,process.on("exit",()=>process.stderr.write(`maxrss=${process.resourceUsage().maxRSS}\\n`))'
  const run = spawnSync(process.execPath, ['--import', report, cli, ...args], {
    maxBuffer: 256 * 1024 * 1024,
    encoding: 'utf8'
  })
  const kb = /maxrss=(\d+)/.exec(run.stderr)
  if (!kb) throw new Error(`no memory figure: exit ${run.status}: ${run.stderr}`)
  return {mb: Number(kb[1]) / 1024, report: JSON.parse(run.stdout)}
}

export function timed(fn) {
  const start = process.hrtime.bigint()
  const result = fn()
  return {ms: Number(process.hrtime.bigint() - start) / 1e6, result}
}

export function runPipeguard(args) {
  const run = spawnSync(
    process.execPath,
    [cli, 'secrets', ...args, '--format', 'json', '--fail-on', 'none'],
    {maxBuffer: 256 * 1024 * 1024, encoding: 'utf8'}
  )
  if (run.status !== 0) throw new Error(`pipeguard exited ${run.status}: ${run.stderr}`)
  return JSON.parse(run.stdout)
}

export async function bench() {
  const base = mkdtempSync(join(tmpdir(), 'pg-bench-secrets-'))
  try {
    const given = process.env.PIPEGUARD_BENCH_TREE
    const treeDir = given ?? join(base, 'tree')
    const tree = given ? givenTree(treeDir) : buildTree(treeDir)
    const mb = tree.bytes / 1024 / 1024
    const cores = availableParallelism()

    // Warm the page cache so every tool reads from memory.
    runPipeguard([treeDir, '--jobs', '1'])
    const one = timed(() => runPipeguard([treeDir, '--jobs', '1']))
    const ours = timed(() => runPipeguard([treeDir]))
    const found = ours.result.findings.length
    const rg = ripgrepAvailable()
      ? timed(() =>
          spawnSync('rg', ['-j', '2', '-c', ...RG_PATTERNS.flatMap(p => ['-e', p]), treeDir], {
            maxBuffer: 256 * 1024 * 1024
          })
        )
      : undefined
    const scanArgs = ['scan', treeDir, '--format', 'json', '--fail-on', 'none']
    const advisories = join(repo, 'test', 'fixtures', 'advisories', 'osv')
    const memory = peakRss([...scanArgs, '--advisory-db', advisories])

    // Same files for both tools: the subset secretlint can get through in reasonable time.
    const subsetDir = join(base, 'subset')
    for (const file of tree.subset) {
      mkdirSync(dirname(join(subsetDir, file)), {recursive: true})
      copyFileSync(join(treeDir, file), join(subsetDir, file))
    }
    runPipeguard([subsetDir])
    const oursSubset = timed(() => runPipeguard([subsetDir]))
    const rc = join(base, '.secretlintrc.json')
    writeFileSync(
      rc,
      JSON.stringify({rules: [{id: '@secretlint/secretlint-rule-preset-recommend'}]})
    )
    const theirs = timed(() =>
      spawnSync(
        join(repo, 'node_modules', '.bin', 'secretlint'),
        ['--secretlintrc', rc, '--format', 'compact', '--no-glob', ...tree.subset],
        {
          cwd: subsetDir,
          encoding: 'utf8',
          maxBuffer: 256 * 1024 * 1024
        }
      )
    )
    if (theirs.result.status !== 0 && theirs.result.status !== 1)
      throw new Error(`secretlint failed: ${theirs.result.stderr}`)
    const subsetMb = tree.subsetBytes / 1024 / 1024
    const oursMbs = mb / (ours.ms / 1000)
    const oursSubsetMbs = subsetMb / (oursSubset.ms / 1000)
    const theirsMbs = subsetMb / (theirs.ms / 1000)
    const what = given ? `${mb.toFixed(0)} MB ${given}` : `${mb.toFixed(0)} MB`

    return [
      {
        name: `pipeguard secrets --jobs 1, ${what} / ${tree.files.length} files`,
        value: mb / (one.ms / 1000),
        unit: 'MB/s',
        note: `${(one.ms / 1000).toFixed(1)} s wall, ${one.result.findings.length} findings`
      },
      {
        name: `pipeguard secrets (default: ${cores} cores), same tree`,
        value: oursMbs,
        unit: 'MB/s',
        note: `${(ours.ms / 1000).toFixed(1)} s wall, ${found} findings (${tree.planted} planted), all rules`
      },
      {
        name: 'speed-up of the default pool vs --jobs 1',
        value: one.ms / ours.ms,
        unit: 'x'
      },
      ...(rg
        ? [
            {
              name: `ripgrep -j 2, ${RG_PATTERNS.length} secret patterns, same tree`,
              value: rg.ms / 1000,
              unit: 's',
              note: 'no validation, no entropy, no allowlists'
            },
            {
              name: 'pipeguard (default) time / ripgrep time',
              value: ours.ms / rg.ms,
              unit: 'x',
              note: 'goal <= 2x'
            }
          ]
        : []),
      {
        name: 'peak RSS, full `scan` (secrets, deps, iac), same tree',
        value: memory.mb,
        unit: 'MB',
        note: `${memory.report.scanners.map(s => `${s.id} ${s.files} files`).join(', ')}; goal < 300 MB`
      },
      {
        name: `pipeguard secrets, ${subsetMb.toFixed(0)} MB subset / ${tree.subset.length} files`,
        value: oursSubsetMbs,
        unit: 'MB/s',
        note: `${(oursSubset.ms / 1000).toFixed(1)} s wall`
      },
      {
        name: `secretlint + preset-recommend, same ${subsetMb.toFixed(0)} MB subset`,
        value: theirsMbs,
        unit: 'MB/s',
        note: `${(theirs.ms / 1000).toFixed(1)} s wall; secretlint runs on the subset only (too slow for 100 MB)`
      },
      {
        name: 'speed-up vs secretlint (same files)',
        value: oursSubsetMbs / theirsMbs,
        unit: 'x',
        note: 'goal >= 10x'
      }
    ]
  } finally {
    rmSync(base, {recursive: true, force: true})
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) console.log(await bench())
