import type {ExtractInput, ExtractResult, Extractor} from '../extractor'
import {ExtractError} from '../extractor'
import type {Package} from '../package'
import {baseName} from './base-name'
import {assertNoConflictMarkers} from './reject-conflict-markers'
import {scopeByReachability} from './scope-by-reachability'
import {packageUrl} from '../package-url'

const SOURCE_SECTIONS = new Set(['GEM', 'GIT', 'PATH', 'PLUGIN SOURCE'])
const SPEC = /^ {4}([^\s(]+) \(([^)]+)\)$/
const SPEC_DEPENDENCY = /^ {6}([^\s(]+)(?: \(.*\))?$/
const DEPENDENCY = /^ {2}([^\s(!]+)(!)?(?: \(.*\))?$/
const CHECKSUM = /^ {2}([^\s(]+) \(([^)]+)\)(?: (.+))?$/
const DEV_GROUPS = new Set(['development', 'test'])

interface Spec {
  name: string
  version: string
  line: number
  section: string
  dependencies: string[]
}

/**
 * Gemfile.lock (Bundler): specs of the GEM and GIT sections are the packages (platform suffixes such
 * as `-x86_64-linux` stripped, one package per name and version); PATH specs are the project's own
 * gems, whose dependencies count as direct like the DEPENDENCIES section. Integrity from CHECKSUMS
 * (Bundler 2.5+). Dev scope from the sibling Gemfile's `group :development/:test` blocks.
 * Hand-written: the format is Bundler's own indentation-based text (Bundler::LockfileParser).
 */
export const rubyGemfileLock: Extractor = {
  name: 'ruby/gemfile-lock',
  ecosystem: 'RubyGems',
  siblings: ['Gemfile', 'gems.rb'],
  matches: path => ['Gemfile.lock', 'gems.locked'].includes(baseName(path)),
  extract({path, text, siblings}: ExtractInput): ExtractResult {
    assertNoConflictMarkers(text)
    const specs: Spec[] = []
    const directNames = new Set<string>()
    const checksums = new Map<string, string>()
    let section = ''
    let current: Spec | undefined
    let sawSource = false
    text.split(/\r?\n/).forEach((raw, i) => {
      const line = i + 1
      if (raw.trim() === '') return
      if (!raw.startsWith(' ')) {
        section = raw.trim()
        current = undefined
        sawSource ||= SOURCE_SECTIONS.has(section)
        return
      }
      if (SOURCE_SECTIONS.has(section)) {
        if (/^ {2}\S/.test(raw)) return // remote:, revision:, branch:, specs:
        const spec = SPEC.exec(raw)
        if (spec) {
          current = {
            name: spec[1] as string,
            version: stripPlatform(spec[2] as string),
            line,
            section,
            dependencies: []
          }
          specs.push(current)
          return
        }
        const dependency = SPEC_DEPENDENCY.exec(raw)
        if (dependency && current) {
          current.dependencies.push(dependency[1] as string)
          return
        }
        throw new ExtractError(
          `expected a spec '    NAME (VERSION)' or its dependency, got '${raw.trim()}'`,
          line
        )
      }
      if (section === 'DEPENDENCIES') {
        const dependency = DEPENDENCY.exec(raw)
        if (!dependency)
          throw new ExtractError(
            `expected a dependency '  NAME (REQUIREMENT)', got '${raw.trim()}'`,
            line
          )
        directNames.add(dependency[1] as string)
      } else if (section === 'CHECKSUMS') {
        const checksum = CHECKSUM.exec(raw)
        if (checksum?.[3])
          checksums.set(
            `${checksum[1]}@${stripPlatform(checksum[2] as string)}`,
            checksum[3].split(',')[0] as string
          )
      }
    })
    if (!sawSource) throw new ExtractError('not a Gemfile.lock: no GEM, GIT or PATH section')
    const local = specs.filter(spec => spec.section === 'PATH')
    for (const spec of local)
      for (const dependency of spec.dependencies) directNames.add(dependency)
    const published = new Map<string, Spec>()
    for (const spec of specs)
      if (spec.section !== 'PATH' && !published.has(`${spec.name}@${spec.version}`))
        published.set(`${spec.name}@${spec.version}`, spec)
    const byName = new Map<string, Spec>()
    for (const spec of published.values()) if (!byName.has(spec.name)) byName.set(spec.name, spec)
    const graph = new Map(
      [...byName.values()].map(spec => [
        spec.name,
        spec.dependencies.filter(dep => byName.has(dep))
      ])
    )
    const devOnly = gemfileDevOnly(siblings.Gemfile ?? siblings['gems.rb'])
    const roots = [...directNames].filter(name => byName.has(name))
    const scopes = scopeByReachability(graph, {
      prod: roots.filter(name => !devOnly.has(name)),
      dev: roots.filter(name => devOnly.has(name))
    })
    const packages = [...published.values()].map((spec): Package => {
      const integrity = checksums.get(`${spec.name}@${spec.version}`)
      return {
        ecosystem: 'RubyGems',
        name: spec.name,
        version: spec.version,
        purl: gemPurl(spec.name, spec.version),
        direct: directNames.has(spec.name),
        scope: scopes.get(spec.name) ?? 'prod',
        ...(integrity ? {integrity} : {}),
        pinned: true,
        location: {path, startLine: spec.line},
        dependencies: (graph.get(spec.name) ?? []).map(dep => {
          const target = byName.get(dep) as Spec
          return gemPurl(target.name, target.version)
        })
      }
    })
    return {packages}
  }
}

function gemPurl(name: string, version: string): string {
  return packageUrl('gem', undefined, name, version)
}

/** `1.13.10-x86_64-linux` → `1.13.10`: RubyGems versions hold no `-`, the platform follows the first one. */
function stripPlatform(version: string): string {
  const dash = version.indexOf('-')
  return dash === -1 ? version : version.slice(0, dash)
}

/**
 * Gems the Gemfile declares only inside development/test groups (`group :test do ... end` blocks or a
 * `group:` option). The Gemfile is Ruby; this reads its common declarative shape line by line.
 */
function gemfileDevOnly(text: string | undefined): Set<string> {
  const dev = new Set<string>()
  const other = new Set<string>()
  const blocks: (string[] | undefined)[] = []
  for (const raw of text?.split(/\r?\n/) ?? []) {
    const line = raw.replace(/#.*$/, '').trim()
    const group = /^group\s*\(?\s*(.+?)\)?\s+do\b/.exec(line)
    if (group) {
      blocks.push(
        [...(group[1] as string).matchAll(/:(\w+)|["'](\w+)["']/g)].map(
          m => (m[1] ?? m[2]) as string
        )
      )
      continue
    }
    if (/\bdo\b(\s*\|.*\|)?$/.test(line)) {
      blocks.push(undefined)
      continue
    }
    if (line === 'end') {
      blocks.pop()
      continue
    }
    const gem = /^gem\s*\(?\s*["']([^"']+)["'](.*)$/.exec(line)
    if (!gem) continue
    const inline = /\bgroups?:\s*(\[[^\]]*\]|:\w+)/.exec(gem[2] as string)
    const groups = [
      ...blocks.flatMap(block => block ?? []),
      ...(inline ? [...(inline[1] as string).matchAll(/:(\w+)/g)].map(m => m[1] as string) : [])
    ]
    ;(groups.length > 0 && groups.every(name => DEV_GROUPS.has(name)) ? dev : other).add(
      gem[1] as string
    )
  }
  return new Set([...dev].filter(name => !other.has(name)))
}
