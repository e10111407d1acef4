import type {ExtractInput, ExtractResult, Extractor} from '../extractor'
import {ExtractError} from '../extractor'
import type {Package} from '../package'
import {baseName} from './base-name'
import {assertNoConflictMarkers} from './reject-conflict-markers'
import {excerpt} from '../excerpt'
import {packageUrl} from '../package-url'

const DIRECTIVES = new Set([
  'module',
  'go',
  'toolchain',
  'godebug',
  'require',
  'replace',
  'exclude',
  'retract',
  'tool',
  'ignore'
])
const VERSION = /^v\d+(?:\.\d+){0,2}(?:[-+][0-9A-Za-z.+-]*)?$/

interface Require {
  module: string
  version: string
  indirect: boolean
  line: number
}
interface Replace {
  from: string
  fromVersion?: string
  to: string
  toVersion?: string
}

/**
 * go.mod: `require` lines are the packages (`// indirect` ones not direct); `replace` to another module
 * or version applies, a replace to a local directory means the code is not a published module and it
 * is dropped; `exclude`d versions are never selected. Integrity (`h1:`) comes from the sibling go.sum.
 * Hand-written: no JavaScript library parses go.mod; the grammar is line-based (golang.org/x/mod/modfile).
 */
export const goMod: Extractor = {
  name: 'go/go-mod',
  ecosystem: 'Go',
  siblings: ['go.sum'],
  matches: path => baseName(path) === 'go.mod',
  extract({path, text, siblings}: ExtractInput): ExtractResult {
    assertNoConflictMarkers(text)
    const {requires, replaces, excludes} = parseGoMod(text)
    const sums = goSumHashes(siblings['go.sum'])
    const warnings: string[] = []
    const packages: Package[] = []
    for (const require of requires) {
      if (excludes.has(`${require.module}@${require.version}`)) {
        warnings.push(
          `${path}:${require.line}: ${require.module} ${require.version} is required but excluded`
        )
        continue
      }
      const replace =
        replaces.find(r => r.from === require.module && r.fromVersion === require.version) ??
        replaces.find(r => r.from === require.module && r.fromVersion === undefined)
      if (replace && replace.toVersion === undefined) continue
      const module = replace?.to ?? require.module
      const version = replace?.toVersion ?? require.version
      const integrity = sums.get(`${module} ${version}`)
      packages.push({
        ecosystem: 'Go',
        name: module,
        version,
        purl: goPurl(module, version, require.line),
        direct: !require.indirect,
        scope: 'prod',
        ...(integrity ? {integrity} : {}),
        pinned: true,
        location: {path, startLine: require.line},
        dependencies: []
      })
    }
    return {packages, warnings}
  }
}

function goPurl(module: string, version: string, line?: number): string {
  const slash = module.lastIndexOf('/')
  const namespace = slash === -1 ? undefined : module.slice(0, slash)
  return packageUrl('golang', namespace, module.slice(slash + 1), version, line)
}

function parseGoMod(text: string): {
  requires: Require[]
  replaces: Replace[]
  excludes: Set<string>
} {
  const requires: Require[] = []
  const replaces: Replace[] = []
  const excludes = new Set<string>()
  let block: {verb: string; line: number} | undefined
  const lines = text.split(/\r?\n/)
  lines.forEach((raw, i) => {
    const line = i + 1
    const comment = raw.indexOf('//')
    const indirect = comment !== -1 && /^\/\/\s*indirect\b/.test(raw.slice(comment).trim())
    const content = (comment === -1 ? raw : raw.slice(0, comment)).trim()
    if (content === '') return
    let verb: string
    let args: string[]
    if (block) {
      if (content === ')') {
        block = undefined
        return
      }
      verb = block.verb
      args = words(content, line)
    } else {
      const parts = words(content, line)
      verb = parts[0] as string
      if (!DIRECTIVES.has(verb)) throw new ExtractError(`unknown directive '${verb}'`, line)
      if (parts[1] === '(' && parts.length === 2) {
        block = {verb, line}
        return
      }
      args = parts.slice(1)
    }
    if (verb === 'require') {
      const [module, version] = args
      if (args.length !== 2 || !module || !version || !VERSION.test(version))
        throw new ExtractError(
          `expected 'require MODULE vVERSION', got '${excerpt(content)}'`,
          line
        )
      requires.push({module, version, indirect, line})
    } else if (verb === 'exclude') {
      if (args.length !== 2) throw new ExtractError(`expected 'exclude MODULE vVERSION'`, line)
      excludes.add(`${args[0]}@${args[1]}`)
    } else if (verb === 'replace') {
      replaces.push(parseReplace(args, line, content))
    }
  })
  if (block)
    throw new ExtractError(
      `${block.verb} block is not closed: the file ends before its ')'`,
      block.line
    )
  return {requires, replaces, excludes}
}

function parseReplace(args: string[], line: number, content: string): Replace {
  const arrow = args.indexOf('=>')
  const left = args.slice(0, arrow)
  const right = args.slice(arrow + 1)
  if (arrow === -1 || left.length < 1 || left.length > 2 || right.length < 1 || right.length > 2)
    throw new ExtractError(
      `expected 'replace MODULE [VERSION] => TARGET [VERSION]', got '${excerpt(content)}'`,
      line
    )
  const local = /^(?:\.{1,2}\/|\/|\.{1,2}$|[A-Za-z]:\\)/.test(right[0] as string)
  return {
    from: left[0] as string,
    ...(left[1] ? {fromVersion: left[1]} : {}),
    to: right[0] as string,
    // A directory target has no version: the module is the user's own code.
    ...(right[1] && !local ? {toVersion: right[1]} : {})
  }
}

/** Whitespace-separated words; go.mod allows "quoted" module paths. */
function words(content: string, line: number): string[] {
  return (content.match(/"(?:[^"\\]|\\.)*"|`[^`]*`|\S+/g) ?? []).map(word =>
    word.startsWith('"') ? unquote(word, line) : word.startsWith('`') ? word.slice(1, -1) : word
  )
}

/** A Go interpreted string literal; its escapes are JSON's for what go.mod holds (module paths). */
function unquote(word: string, line: number): string {
  try {
    return JSON.parse(word) as string
  } catch {
    throw new ExtractError(`expected a quoted string, got ${excerpt(word)}`, line)
  }
}

/** `module version h1:hash` lines of go.sum (not the `/go.mod` ones, which hash only the manifest). */
function goSumHashes(text: string | undefined): Map<string, string> {
  const hashes = new Map<string, string>()
  for (const line of text?.split(/\r?\n/) ?? []) {
    const [module, version, hash] = line.trim().split(/\s+/)
    if (module && version && hash && !version.endsWith('/go.mod'))
      hashes.set(`${module} ${version}`, hash)
  }
  return hashes
}
