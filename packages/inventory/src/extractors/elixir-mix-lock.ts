import type {ExtractInput, ExtractResult, Extractor} from '../extractor'
import {ExtractError} from '../extractor'
import type {Package} from '../package'
import {baseName} from './base-name'
import {parseElixirTerm, type Term} from './elixir-term'
import {assertNoConflictMarkers} from './reject-conflict-markers'
import {scopeByReachability} from './scope-by-reachability'
import {packageUrl} from '../package-url'

interface HexEntry {
  app: string
  name: string
  version: string
  integrity?: string
  dependencies: string[]
  line: number
}

/**
 * mix.lock: a map of app name to `{:hex, :package, "version", "inner_hash", managers, deps, "repo",
 * "outer_hash"}` (older Mix writes fewer fields). `:git` and `:path` entries are not Hex packages.
 * Dependencies are the apps each entry names in its deps list. Direct and dev scope come from the
 * sibling mix.exs `deps` tuples (`only: :test` / `only: [:dev, :test]` → dev).
 */
export const elixirMixLock: Extractor = {
  name: 'elixir/mix-lock',
  ecosystem: 'Hex',
  siblings: ['mix.exs'],
  matches: path => baseName(path) === 'mix.lock',
  extract({path, text, siblings}: ExtractInput): ExtractResult {
    assertNoConflictMarkers(text)
    const term = parseElixirTerm(text)
    if (term.kind !== 'map')
      throw new ExtractError(
        `expected a map %{...} of locked dependencies, found a ${term.kind}`,
        term.line
      )
    const entries: HexEntry[] = []
    for (const {key, value} of term.entries) {
      if (key.kind !== 'string' && key.kind !== 'atom')
        throw new ExtractError('expected a dependency name as the map key', key.line)
      if (value.kind !== 'tuple' || value.items[0]?.kind !== 'atom')
        throw new ExtractError(
          `${key.value}: expected a tuple {:hex | :git | :path, ...}`,
          value.line
        )
      if (value.items[0].value !== 'hex') continue
      const [, name, version, inner, , deps, , outer] = value.items
      if (name?.kind !== 'atom' || version?.kind !== 'string')
        throw new ExtractError(
          `${key.value}: expected {:hex, :package, "version", ...}`,
          value.line
        )
      const integrity =
        outer?.kind === 'string' ? outer.value : inner?.kind === 'string' ? inner.value : undefined
      entries.push({
        app: key.value,
        name: name.value,
        version: version.value,
        ...(integrity ? {integrity} : {}),
        dependencies: deps?.kind === 'list' ? deps.items.flatMap(dependencyApp) : [],
        line: key.line
      })
    }
    const byApp = new Map(entries.map(entry => [entry.app, entry]))
    const graph = new Map(
      entries.map(entry => [entry.app, entry.dependencies.filter(app => byApp.has(app))])
    )
    const declared = mixExsDeps(siblings['mix.exs'])
    const scopes = declared
      ? scopeByReachability(graph, {
          prod: [...declared].filter(([, dev]) => !dev).map(([app]) => app),
          dev: [...declared].filter(([, dev]) => dev).map(([app]) => app)
        })
      : new Map()
    const packages = entries.map((entry): Package => ({
      ecosystem: 'Hex',
      name: entry.name,
      version: entry.version,
      purl: hexPurl(entry),
      direct: declared?.has(entry.app) ?? false,
      scope: scopes.get(entry.app) ?? 'prod',
      ...(entry.integrity ? {integrity: entry.integrity} : {}),
      pinned: true,
      location: {path, startLine: entry.line},
      dependencies: (graph.get(entry.app) ?? []).map(app => hexPurl(byApp.get(app) as HexEntry))
    }))
    return {packages}
  }
}

function hexPurl(entry: HexEntry): string {
  return packageUrl('hex', undefined, entry.name, entry.version)
}

/** `{:cowlib, "~> 2.12", [hex: :cowlib, repo: "hexpm", optional: false]}` → `cowlib` (the app name). */
function dependencyApp(term: Term): string[] {
  return term.kind === 'tuple' && term.items[0]?.kind === 'atom' ? [term.items[0].value] : []
}

/**
 * App names in the mix.exs `deps` list, true when only for :dev/:test. mix.exs is a program; its deps
 * are conventionally literal tuples, read here line by line.
 */
function mixExsDeps(text: string | undefined): Map<string, boolean> | undefined {
  if (text === undefined) return undefined
  const start = text.search(/\bdefp?\s+deps\b[^\n]*\bdo\b/)
  const end = start === -1 ? -1 : text.slice(start).search(/\n {0,2}end\b/)
  const block =
    start === -1 ? text : end === -1 ? text.slice(start) : text.slice(start, start + end)
  const deps = new Map<string, boolean>()
  for (const match of block.matchAll(
    /\{\s*:([a-z_][a-z0-9_]*)\s*,([^{}]*(?:\{[^{}]*\}[^{}]*)*)\}/g
  )) {
    const options = match[2] as string
    const only = /only:\s*(\[[^\]]*\]|:\w+)/.exec(options)
    const envs = only ? [...(only[1] as string).matchAll(/:(\w+)/g)].map(m => m[1]) : []
    deps.set(
      match[1] as string,
      envs.length > 0 && envs.every(env => env === 'dev' || env === 'test')
    )
  }
  return deps
}
