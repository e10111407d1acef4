// `npm run release -- X.Y.Z [--push] [--remote NAME]`: cuts release vX.Y.Z from a clean tree.
//   1. sets X.Y.Z in every package.json, package-lock.json and packages/core/src/version.ts
//   2. builds dist/ and commits "Release vX.Y.Z" (the commit the tags point at)
//   3. tags vX.Y.Z and moves the major tag vX to it (users on @vX get the release)
//   4. commits the docs and examples pinned to that commit: `@<sha> # vX.Y.Z` (a pin cannot name
//      the commit it is in, so the pins land in the commit after the release)
// Nothing leaves the machine unless --push: then the branch, vX.Y.Z and (forced) vX are pushed.
import {execFileSync} from 'node:child_process'
import {existsSync, readFileSync, readdirSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {parseArgs} from 'node:util'
import {pinToRelease} from './release-pins.mjs'

const root = new URL('..', import.meta.url).pathname
process.chdir(root)

function fail(message) {
  console.error(`release: ${message}`)
  process.exit(2)
}

const USAGE = 'usage: npm run release -- X.Y.Z [--push] [--remote NAME]'
let parsed
try {
  parsed = parseArgs({
    allowPositionals: true,
    options: {push: {type: 'boolean', default: false}, remote: {type: 'string', default: 'origin'}}
  })
} catch (error) {
  fail(`${error.message}; ${USAGE}`)
}
const {push, remote} = parsed.values
if (parsed.positionals.length !== 1) fail(USAGE)
const version = parsed.positionals[0]
// Plain semver core without leading zeros: the tags vX.Y.Z and vX must be unambiguous.
if (!/^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/.test(version))
  fail(`"${version}" is not a version X.Y.Z (digits only, no leading zeros, no pre-release)`)
const tag = `v${version}`
const major = `v${version.split('.')[0]}`

const git = (...a) => execFileSync('git', a, {encoding: 'utf8'}).trim()
const run = (cmd, a) => execFileSync(cmd, a, {stdio: 'inherit'})

const dirty = git('status', '--porcelain', '--untracked-files=all')
if (dirty) fail(`the work tree is not clean; commit or remove these first:\n${dirty}`)
if (git('tag', '--list', tag)) fail(`the tag ${tag} exists already`)
const branch = git('rev-parse', '--abbrev-ref', 'HEAD')
if (branch === 'HEAD') fail('HEAD is detached; check out the branch to release from')

// 1. Versions.
const workspaceDirs = ['packages', 'actions'].flatMap(dir =>
  existsSync(dir)
    ? readdirSync(dir)
        .map(name => join(dir, name))
        .filter(d => existsSync(join(d, 'package.json')))
    : []
)
const ours = new Set()
for (const dir of workspaceDirs)
  ours.add(JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).name)

function setVersions(pkg) {
  if ('version' in pkg) pkg.version = version
  for (const field of [
    'dependencies',
    'devDependencies',
    'peerDependencies',
    'optionalDependencies'
  ])
    for (const name of Object.keys(pkg[field] ?? {})) if (ours.has(name)) pkg[field][name] = version
}
const writeJson = (file, value) => writeFileSync(file, JSON.stringify(value, null, 2) + '\n')
for (const file of ['package.json', ...workspaceDirs.map(d => join(d, 'package.json'))]) {
  const pkg = JSON.parse(readFileSync(file, 'utf8'))
  setVersions(pkg)
  writeJson(file, pkg)
}
if (existsSync('package-lock.json')) {
  const lock = JSON.parse(readFileSync('package-lock.json', 'utf8'))
  lock.version = version
  for (const [path, entry] of Object.entries(lock.packages ?? {}))
    if (path === '' || workspaceDirs.includes(path)) setVersions(entry)
  writeJson('package-lock.json', lock)
}
const versionFile = 'packages/core/src/version.ts'
if (existsSync(versionFile)) {
  const text = readFileSync(versionFile, 'utf8')
  const next = text.replace(/export const VERSION = '[^']*'/, `export const VERSION = '${version}'`)
  if (next === text && !text.includes(`'${version}'`))
    fail(`${versionFile} has no VERSION constant`)
  writeFileSync(versionFile, next)
}

// 2. The bundles of exactly these sources, committed with them.
run('node', ['scripts/build.mjs'])
git('add', '--all')
git('commit', '--quiet', '-m', `Release ${tag}`)
const sha = git('rev-parse', 'HEAD')

// 3. Tags: the release, and the major tag moved to it.
git('tag', '--annotate', tag, '-m', `pipeguard ${tag}`, sha)
git('tag', '--force', '--annotate', major, '-m', `pipeguard ${tag} (latest ${major}.x)`, sha)

// 4. Docs and examples pinned to the release commit.
const pinned = ['README.md', ...listFiles('docs', /\.md$/), ...listFiles('examples', /\.ya?ml$/)]
const changed = []
for (const file of pinned) {
  const text = readFileSync(file, 'utf8')
  const next = pinToRelease(text, {sha, version})
  if (next !== text) {
    writeFileSync(file, next)
    changed.push(file)
  }
}
if (changed.length) {
  git('add', '--', ...changed)
  git('commit', '--quiet', '-m', `Docs and examples pin ${tag} (${sha})`)
}

console.log(`released ${tag} at ${sha}; ${major} moved to it; ${changed.length} file(s) re-pinned`)
if (push) {
  run('git', ['push', remote, `HEAD:refs/heads/${branch}`, `refs/tags/${tag}`])
  run('git', ['push', '--force', remote, `refs/tags/${major}`])
} else {
  console.log(
    `nothing pushed; to publish: git push ${remote} ${branch} ${tag} && git push --force ${remote} ${major}`
  )
}

function listFiles(dir, pattern) {
  if (!existsSync(dir)) return []
  return readdirSync(dir, {recursive: true, withFileTypes: true})
    .filter(e => e.isFile() && pattern.test(e.name))
    .map(e => join(e.parentPath, e.name))
    .sort()
}
