import {execFile} from 'node:child_process'
import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {dirname, join} from 'node:path'
import {promisify} from 'node:util'
import {defaultConfig} from '@pipeguard/core'
import {inventoryFileRequired, type Inventory} from '@pipeguard/inventory'
import {inventoryOf} from './generate-sbom'

const execFileAsync = promisify(execFile)

/** Manifests that sit next to lockfiles and decide direct dependencies or scopes. */
const SIBLING_MANIFESTS = new Set([
  'package.json',
  'pyproject.toml',
  'Cargo.toml',
  'composer.json',
  'Gemfile',
  'Pipfile',
  'go.sum'
])

/**
 * The inventory of the repository at another commit (a pull request's base): only the lockfiles
 * and their manifests are taken out of git into a temporary folder, never the whole tree.
 */
export async function inventoryAtRevision(root: string, revision: string): Promise<Inventory> {
  const git = (...args: string[]) =>
    execFileAsync('git', ['-C', root, ...args], {maxBuffer: 256 * 1024 * 1024})
  const {stdout} = await git(
    'ls-tree',
    '-r',
    '-z',
    '--name-only',
    '--full-tree',
    revision,
    '--',
    '.'
  )
  const prefix = (await git('rev-parse', '--show-prefix')).stdout.trim()
  const wanted = stdout
    .split('\0')
    .filter(Boolean)
    .filter(path => path.startsWith(prefix))
    .map(path => path.slice(prefix.length))
    .filter(path => inventoryFileRequired(path) || SIBLING_MANIFESTS.has(path.split('/').pop()!))
  const dir = mkdtempSync(join(tmpdir(), 'pipeguard-base-'))
  try {
    for (const path of wanted) {
      const {stdout: text} = await git('show', `${revision}:${prefix}${path}`)
      mkdirSync(dirname(join(dir, path)), {recursive: true})
      writeFileSync(join(dir, path), text)
    }
    return await inventoryOf(dir, defaultConfig())
  } finally {
    rmSync(dir, {recursive: true, force: true})
  }
}
