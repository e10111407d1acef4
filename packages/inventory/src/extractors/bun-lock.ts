import {basename} from 'node:path/posix'
import {ExtractError, type ExtractInput, type ExtractResult, type Extractor} from '../extractor'
import {JsonKeyLines} from '../json-key-lines'
import {parseJsonWithCommas} from '../json-parse'
import type {Scope} from '../package'
import {PackageSet} from '../package-set'
import {typeName} from '../type-name'
import {npmPurl} from '../javascript/npm-purl'
import {splitSpec} from '../javascript/npm-spec'
import {DEPENDENCY_FIELDS, isRecord} from '../javascript/package-json'
import {applyRoots, type Root} from '../javascript/reachability'

/** Protocols of packages that are the project's own folders. */
const LOCAL = ['workspace:', 'link:', 'file:', 'root:']

/**
 * bun.lock, the text lockfile (JSON with trailing commas). `packages` maps an install path
 * (`chalk`, `@babel/highlight/chalk` for a nested copy) to `[ident, registry, info, integrity]`;
 * the ident holds the real name, so `npm:` aliases resolve to it. Dependencies are found like
 * node does: the nearest install path walking up from the dependent. `workspaces` lists each
 * workspace's declared dependencies: the direct ones.
 */
export const bunLock: Extractor = {
  name: 'javascript/bun-lock',
  ecosystem: 'npm',
  matches: path => basename(path) === 'bun.lock',
  extract(input: ExtractInput): ExtractResult {
    const lock = parseJsonWithCommas(input.text)
    if (!isRecord(lock))
      throw new ExtractError(`expected a JSON object at the top level, got ${typeName(lock)}`, 1)
    const keys = new JsonKeyLines(input.text)
    const workspacesLine = keys.next('workspaces') ?? 1
    const packagesLine = keys.next('packages') ?? 1
    const packages = lock.packages ?? {}
    if (!isRecord(packages))
      throw new ExtractError(
        `packages: expected an object, got ${typeName(packages)}`,
        packagesLine
      )
    const workspaces = lock.workspaces ?? {}
    if (!isRecord(workspaces))
      throw new ExtractError(
        `workspaces: expected an object, got ${typeName(workspaces)}`,
        workspacesLine
      )

    const warnings: string[] = []
    const set = new PackageSet('npm', input.path)
    // install path -> purl, or null for a workspace/local folder
    const byPath = new Map<string, string | null>()
    const infos: Array<[string, string, Record<string, unknown>]> = []
    let line = packagesLine
    for (const [path, value] of Object.entries(packages)) {
      line = keys.next(path, '[') ?? line
      if (!Array.isArray(value) || typeof value[0] !== 'string') {
        line = keys.next(path, 'any') ?? line
        throw new ExtractError(
          `packages["${path}"]: expected an array starting with "name@version", got ${typeName(value)}`,
          line
        )
      }
      const {name, range: version} = splitSpec(value[0])
      if (!version)
        throw new ExtractError(
          `packages["${path}"]: expected "name@version", got ${JSON.stringify(value[0])}`,
          line
        )
      if (LOCAL.some(p => version.startsWith(p))) {
        byPath.set(path, null)
        continue
      }
      const purl = npmPurl(name, version)
      const info = value.find((v, i) => i > 0 && isRecord(v)) as Record<string, unknown> | undefined
      const integrity = value.find(
        (v, i) => i > 1 && typeof v === 'string' && /^sha\d+-/.test(v)
      ) as string | undefined
      set.add({name, version, purl, line, integrity})
      byPath.set(path, purl)
      infos.push([path, purl, info ?? {}])
    }

    const resolve = (from: string[], name: string): string | null | undefined => {
      for (let n = from.length; n >= 0; n--) {
        const candidate = [...from.slice(0, n), name].join('/')
        if (byPath.has(candidate)) return byPath.get(candidate)
      }
      return undefined
    }
    for (const [path, purl, info] of infos) {
      const from = pathNames(path)
      for (const field of ['dependencies', 'optionalDependencies', 'peerDependencies']) {
        const deps = info[field]
        if (!isRecord(deps)) continue
        for (const name of Object.keys(deps)) {
          const to = resolve(from, name)
          if (to) set.link(purl, to)
        }
      }
    }

    const roots: Root[] = []
    for (const [folder, workspace] of Object.entries(workspaces)) {
      if (!isRecord(workspace))
        throw new ExtractError(
          `workspaces["${folder}"]: expected an object, got ${typeName(workspace)}`,
          workspacesLine
        )
      // A workspace's own nested copies live under its package name (`my-app/react`).
      const from = folder === '' || typeof workspace.name !== 'string' ? [] : [workspace.name]
      for (const [field, scope] of DEPENDENCY_FIELDS) {
        const deps = workspace[field]
        if (!isRecord(deps)) continue
        for (const name of Object.keys(deps)) {
          const to = resolve(from, name)
          if (to) roots.push({purl: to, scope: scope as Scope})
          else if (to === undefined && field !== 'peerDependencies')
            warnings.push(`workspaces["${folder}"].${field}.${name} has no entry in packages`)
        }
      }
    }
    applyRoots(set, roots)
    return {packages: set.packages(), warnings}
  }
}

/** `@babel/highlight/chalk` -> ['@babel/highlight', 'chalk']: scoped names take two segments. */
function pathNames(path: string): string[] {
  const parts = path.split('/')
  const names: string[] = []
  for (let i = 0; i < parts.length; i++) {
    names.push(
      parts[i]!.startsWith('@') && i + 1 < parts.length ? `${parts[i]}/${parts[++i]}` : parts[i]!
    )
  }
  return names
}
