// Secret scan: pipeguard vs secretlint (recommended preset) on >= 100 MB of real source text, in the
// same run, plus a full-history scan of a generated 2,000-commit repository.
// The tree is real text: JavaScript, TypeScript, JSON, Markdown and YAML files copied from
// node_modules (deterministic order), with a few generated, format-valid fake secrets planted.
import {execFileSync, spawnSync} from 'node:child_process'
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
import {Buffer} from 'node:buffer'
import {tmpdir} from 'node:os'
import {dirname, join} from 'node:path'
import {fileURLToPath} from 'node:url'

const repo = fileURLToPath(new URL('../../', import.meta.url))
const cli = process.env.PIPEGUARD_CLI ?? join(repo, 'dist', 'cli.js')
const TARGET_BYTES = 100 * 1024 * 1024
const MAX_SOURCE_FILE = 512 * 1024
const TEXT_EXT = /\.(?:m?js|cjs|ts|mts|cts|json|md|ya?ml|txt|map)$/
const HISTORY_COMMITS = 2000
/** secretlint is much slower: it scans this subset and its MB/s is reported for that subset. */
const SECRETLINT_SUBSET_BYTES = 20 * 1024 * 1024

/** Deterministic PRNG (mulberry32) so every run builds the same tree. */
function prng(seed) {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'
const UPPER_DIGITS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'
function randomOf(rand, alphabet, n) {
  let out = ''
  for (let i = 0; i < n; i++) out += alphabet[Math.floor(rand() * alphabet.length)]
  return out
}

/** Planted secrets: assembled at run time, never literal in this file. */
function plantedLine(rand, i) {
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

function timed(fn) {
  const start = process.hrtime.bigint()
  const result = fn()
  return {ms: Number(process.hrtime.bigint() - start) / 1e6, result}
}

function runPipeguard(args) {
  const run = spawnSync(
    process.execPath,
    [cli, 'secrets', ...args, '--format', 'json', '--fail-on', 'none'],
    {maxBuffer: 256 * 1024 * 1024, encoding: 'utf8'}
  )
  if (run.status !== 0) throw new Error(`pipeguard exited ${run.status}: ${run.stderr}`)
  return JSON.parse(run.stdout)
}

/** A 2,000-commit repository written with git fast-import (one process, seconds not minutes). */
function buildHistoryRepo(dir, treeDir, tree) {
  execFileSync('git', ['init', '-q', dir])
  const rand = prng(7)
  const chunks = []
  const encoder = s => Buffer.from(s, 'utf8')
  let secrets = 0
  for (let c = 0; c < HISTORY_COMMITS; c++) {
    const source = tree.files[c % tree.files.length]
    let content = execFileSync('head', ['-c', '4096', join(treeDir, source)])
    const file = `src/module-${c % 300}.js`
    if (c % 100 === 50) {
      content = Buffer.concat([content, encoder(`\n${plantedLine(rand, secrets++)}\n`)])
    }
    const message = encoder(`change ${c}\n`)
    chunks.push(
      encoder(
        `commit refs/heads/main\ncommitter Bench <bench@example.com> ${1700000000 + c * 60} +0000\ndata ${message.length}\n`
      ),
      message,
      encoder(`M 100644 inline ${file}\ndata ${content.length}\n`),
      content,
      encoder('\n\n')
    )
  }
  execFileSync('git', ['-C', dir, 'fast-import', '--quiet'], {
    input: Buffer.concat(chunks),
    maxBuffer: 64 * 1024 * 1024
  })
  execFileSync('git', ['-C', dir, 'reset', '-q', '--hard', 'main'])
  return secrets
}

export async function bench() {
  const base = mkdtempSync(join(tmpdir(), 'pg-bench-secrets-'))
  try {
    const treeDir = join(base, 'tree')
    const tree = buildTree(treeDir)
    const mb = tree.bytes / 1024 / 1024

    // Warm the page cache so both tools read from memory.
    runPipeguard([treeDir])
    const ours = timed(() => runPipeguard([treeDir]))
    const found = ours.result.findings.length

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

    const historyDir = join(base, 'history')
    const plantedInHistory = buildHistoryRepo(historyDir, treeDir, tree)
    const history = timed(() => runPipeguard([historyDir, '--history']))

    return [
      {
        name: `pipeguard secrets, ${mb.toFixed(0)} MB / ${tree.files.length} files`,
        value: oursMbs,
        unit: 'MB/s',
        note: `${(ours.ms / 1000).toFixed(1)} s wall, ${found} findings (${tree.planted} planted), all rules`
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
        note: 'goal >= 5x'
      },
      {
        name: `pipeguard secrets --history, ${HISTORY_COMMITS} commits`,
        value: history.ms / 1000,
        unit: 's',
        note: `${history.result.findings.length} findings (${plantedInHistory} planted); goal < 30 s`
      }
    ]
  } finally {
    rmSync(base, {recursive: true, force: true})
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) console.log(await bench())
