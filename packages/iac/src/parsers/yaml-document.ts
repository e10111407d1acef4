import {
  type Document,
  LineCounter,
  isAlias,
  isMap,
  isPair,
  isScalar,
  isSeq,
  parseAllDocuments,
  type Node as YamlAstNode
} from 'yaml'
import {MAX_YAML_DEPTH, tooDeepAt} from './yaml-depth'
import {relaxFlowIndentation} from './yaml-relaxed-indent'

/**
 * A YAML (or JSON) file as a small positioned tree: every map key, value and sequence item keeps
 * its 1-based line, custom tags (CloudFormation `!Ref`, `!Sub`...) stay as `tag` on the node, `<<`
 * merge keys are applied and aliases are expanded under a budget.
 */
interface YamlBase {
  line: number
  endLine: number
  /** Source offsets, for searching inside a value's raw text (a line inside a block scalar). */
  start: number
  end: number
  tag?: string
}

export type YamlPrimitive = string | number | boolean | null

export interface YamlScalar extends YamlBase {
  kind: 'scalar'
  value: YamlPrimitive
}

export interface YamlPair {
  key: string
  keyLine: number
  value: YamlNode
}

export interface YamlMap extends YamlBase {
  kind: 'map'
  pairs: YamlPair[]
}

export interface YamlSeq extends YamlBase {
  kind: 'seq'
  items: YamlNode[]
}

export type YamlNode = YamlScalar | YamlMap | YamlSeq

export interface YamlFile {
  source: string
  /** Roots of the documents in order; an empty document (`---` alone) has a null root. */
  documents: (YamlNode | null)[]
  lineAt(offset: number): number
}

export type YamlOutcome = {ok: true; file: YamlFile} | {ok: false; error: string}

/**
 * At most this many nodes may be produced by alias expansion in one file. yaml's own
 * `maxAliasCount` only guards `toJS`; our tree is built from the AST, so it carries its own budget
 * (a billion-laughs file hits it after a few milliseconds instead of exhausting memory).
 */
export const MAX_ALIAS_EXPANSION_NODES = 100_000

class YamlAliasError extends Error {}

export function parseYaml(source: string): YamlOutcome {
  const deep = tooDeepAt(source)
  if (deep !== undefined)
    return {
      ok: false,
      error: `invalid YAML at line ${deep}: nested deeper than ${MAX_YAML_DEPTH} levels (the bound for analysis)`
    }
  const strict = parseSource(source)
  if (strict.ok || !strict.indentation) return strict.outcome
  // What PyYAML accepts (flow collections and quoted scalars at the parent's indentation) is
  // read too; when the retry fails as well, the strict parse's error is the one reported.
  const relaxed = relaxFlowIndentation(source)
  if (relaxed === source) return strict.outcome
  const retry = parseSource(relaxed)
  return retry.ok ? retry.outcome : strict.outcome
}

type Attempt =
  {ok: true; outcome: YamlOutcome} | {ok: false; outcome: YamlOutcome; indentation: boolean}

function parseSource(source: string): Attempt {
  const lineCounter = new LineCounter()
  const lineAt = (offset: number): number => lineCounter.linePos(offset).line
  const fail = (error: string, indentation = false): Attempt => ({
    ok: false,
    outcome: {ok: false, error},
    indentation
  })
  let docs
  try {
    docs = parseAllDocuments(source, {lineCounter, merge: true, prettyErrors: true})
  } catch (err) {
    return fail(`invalid YAML: ${(err as Error).message}`)
  }
  if (!Array.isArray(docs))
    return {ok: true, outcome: {ok: true, file: {source, documents: [], lineAt}}}
  const documents: (YamlNode | null)[] = []
  for (const doc of docs) {
    const first = doc.errors[0]
    if (first) {
      const position = first.linePos?.[0]
      const where = position ? `line ${position.line}, column ${position.col}: ` : ''
      const message = first.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')
      const duplicate =
        first.code === 'DUPLICATE_KEY' && position ? duplicateKey(source, position) : undefined
      return fail(
        `invalid YAML at ${where}${duplicate ? `duplicate key ${JSON.stringify(duplicate)}: ` : ''}${message}`,
        doc.errors.some(e => e.code === 'BAD_INDENT' || e.code === 'MISSING_CHAR')
      )
    }
    try {
      const builder = new TreeBuilder(lineAt, doc)
      documents.push(doc.contents ? builder.build(doc.contents as YamlAstNode) : null)
    } catch (err) {
      if (err instanceof YamlAliasError) return fail(err.message)
      throw err
    }
  }
  return {ok: true, outcome: {ok: true, file: {source, documents, lineAt}}}
}

/** The key written at a duplicate-key error's position (`name:` or `"name":`), for the message. */
function duplicateKey(source: string, at: {line: number; col: number}): string | undefined {
  const text = source.split('\n')[at.line - 1]?.slice(at.col - 1) ?? ''
  const m = /^(?:"((?:[^"\\]|\\.)*)"|'((?:[^']|'')*)'|([^:#]+?))\s*:/.exec(text)
  return m ? (m[1] ?? m[2] ?? m[3]) : undefined
}

class TreeBuilder {
  private readonly anchors = new Map<YamlAstNode, YamlNode>()
  private readonly sizes = new Map<YamlNode, number>()
  private expanded = 0

  private readonly building = new Set<YamlAstNode>()

  constructor(
    private readonly lineAt: (offset: number) => number,
    private readonly doc: Document.Parsed
  ) {}

  build(node: YamlAstNode | null | undefined): YamlNode {
    if (!node) return this.emptyScalar(0)
    if (isAlias(node)) {
      // The alias's target was built before the alias (anchors precede their aliases).
      const target = node.resolve(this.doc) as YamlAstNode | undefined
      const built = target && !this.building.has(target) ? this.anchors.get(target) : undefined
      if (!built) {
        throw new YamlAliasError(
          `invalid YAML at line ${this.lineAt(node.range?.[0] ?? 0)}: alias *${node.source} refers to an unknown or enclosing anchor`
        )
      }
      this.expanded += this.size(built)
      if (this.expanded > MAX_ALIAS_EXPANSION_NODES) {
        throw new YamlAliasError(
          `YAML alias expansion exceeds ${MAX_ALIAS_EXPANSION_NODES} nodes at line ${this.lineAt(node.range?.[0] ?? 0)} (a "billion laughs" document?)`
        )
      }
      return built
    }
    const [start, , end] = node.range ?? [0, 0, 0]
    const base = {
      line: this.lineAt(start),
      endLine: this.lineAt(Math.max(start, end - 1)),
      start,
      end
    }
    const tag = node.tag && !node.tag.startsWith('tag:yaml.org,2002:') ? {tag: node.tag} : {}
    let built: YamlNode
    if (isMap(node)) {
      const map: YamlMap = {kind: 'map', ...base, ...tag, pairs: []}
      // Marked while its children are built so an alias to an enclosing anchor is reported, not looped.
      this.building.add(node)
      const merged: YamlPair[] = []
      for (const item of node.items) {
        if (!isPair(item)) continue
        const keyNode = item.key as YamlAstNode | null
        if (
          isScalar(keyNode) &&
          (keyNode.source === '<<' || String(keyNode.value) === 'Symbol(<<)')
        ) {
          merged.push(...this.mergeSources(this.build(item.value as YamlAstNode)))
          continue
        }
        const key = keyNode ? keyText(keyNode) : ''
        const keyLine = keyNode?.range ? this.lineAt(keyNode.range[0]) : base.line
        const value = item.value
          ? this.build(item.value as YamlAstNode)
          : this.emptyScalar(keyNode?.range?.[1] ?? start)
        map.pairs.push({key, keyLine, value})
      }
      // Explicit keys win over merged ones, like YAML 1.1 merge semantics.
      const own = new Set(map.pairs.map(p => p.key))
      for (const pair of merged) {
        if (!own.has(pair.key)) {
          own.add(pair.key)
          map.pairs.push(pair)
        }
      }
      this.building.delete(node)
      built = map
    } else if (isSeq(node)) {
      const seq: YamlSeq = {kind: 'seq', ...base, ...tag, items: []}
      this.building.add(node)
      for (const item of node.items) seq.items.push(this.build(item as YamlAstNode))
      this.building.delete(node)
      built = seq
    } else if (isScalar(node)) {
      const value = node.value
      const primitive: YamlPrimitive =
        value === null || ['string', 'number', 'boolean'].includes(typeof value)
          ? (value as YamlPrimitive)
          : String(value)
      built = {kind: 'scalar', ...base, ...tag, value: primitive}
    } else {
      built = this.emptyScalar(start)
    }
    if (node.anchor) this.anchors.set(node, built)
    return built
  }

  private mergeSources(source: YamlNode): YamlPair[] {
    if (source.kind === 'map') return source.pairs
    if (source.kind === 'seq')
      return source.items.flatMap(item => (item.kind === 'map' ? item.pairs : []))
    return []
  }

  private size(node: YamlNode): number {
    const known = this.sizes.get(node)
    if (known !== undefined) return known
    let total = 1
    if (node.kind === 'map') for (const p of node.pairs) total += 1 + this.size(p.value)
    else if (node.kind === 'seq') for (const item of node.items) total += this.size(item)
    this.sizes.set(node, total)
    return total
  }

  private emptyScalar(offset: number): YamlScalar {
    const line = this.lineAt(offset)
    return {kind: 'scalar', line, endLine: line, start: offset, end: offset, value: null}
  }
}

function keyText(node: YamlAstNode): string {
  if (isScalar(node)) return String(node.value)
  return String(node.toJSON())
}

/** Dotted path (`spec.template.spec.containers`, numeric parts index sequences) or parts array. */
export function get(
  node: YamlNode | null | undefined,
  path: string | (string | number)[]
): YamlNode | undefined {
  const parts = typeof path === 'string' ? (path === '' ? [] : path.split('.')) : path
  let current: YamlNode | undefined = node ?? undefined
  for (const part of parts) {
    if (!current) return undefined
    if (current.kind === 'map') current = pairOf(current, String(part))?.value
    else if (current.kind === 'seq' && /^\d+$/.test(String(part)))
      current = current.items[Number(part)]
    else return undefined
  }
  return current
}

/** The pair for `key` in a map (its `keyLine` is where a finding about the setting points). */
export function pairOf(node: YamlNode | null | undefined, key: string): YamlPair | undefined {
  if (!node || node.kind !== 'map') return undefined
  return node.pairs.find(p => p.key === key)
}

/** Line of a key's pair when present, else of the node, else `fallback`. */
export function lineOf(node: YamlNode | null | undefined, key?: string, fallback = 1): number {
  if (key !== undefined) {
    const pair = pairOf(node, key)
    if (pair) return pair.keyLine
  }
  return node ? node.line : fallback
}

export function asMap(node: YamlNode | null | undefined): YamlMap | undefined {
  return node && node.kind === 'map' ? node : undefined
}

export function items(node: YamlNode | null | undefined): YamlNode[] {
  return node && node.kind === 'seq' ? node.items : []
}

export function pairs(node: YamlNode | null | undefined): YamlPair[] {
  return node && node.kind === 'map' ? node.pairs : []
}

/** A scalar's value as text (`true`, `8080`), undefined for maps, sequences and null. */
export function text(node: YamlNode | null | undefined): string | undefined {
  if (!node || node.kind !== 'scalar' || node.value === null) return undefined
  return String(node.value)
}

/** YAML 1.2 booleans plus their quoted forms, which tools such as kubectl also accept. */
export function isTrue(node: YamlNode | null | undefined): boolean {
  const value = text(node)
  return value !== undefined && value.toLowerCase() === 'true'
}

export function isFalse(node: YamlNode | null | undefined): boolean {
  const value = text(node)
  return value !== undefined && value.toLowerCase() === 'false'
}

/** Plain JavaScript value of a node (tags dropped). */
export function toPlain(node: YamlNode | null | undefined): unknown {
  if (!node) return undefined
  if (node.kind === 'scalar') return node.value
  if (node.kind === 'seq') return node.items.map(toPlain)
  return Object.fromEntries(node.pairs.map(p => [p.key, toPlain(p.value)]))
}

/** Raw source text of a node (block scalars with their indentation, quoted strings with quotes). */
export function rawText(file: YamlFile, node: YamlNode): string {
  return file.source.slice(node.start, node.end)
}

/**
 * Lines (1-based) where `pattern` matches inside a node's raw source, so a finding about an
 * expression in a multi-line `run: |` block points at the expression's own line.
 */
export function matchLines(
  file: YamlFile,
  node: YamlNode,
  pattern: RegExp
): {line: number; match: string}[] {
  const raw = rawText(file, node)
  const flags = pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`
  const global = new RegExp(pattern.source, flags)
  const found: {line: number; match: string}[] = []
  for (const m of raw.matchAll(global))
    found.push({line: file.lineAt(node.start + (m.index ?? 0)), match: m[0]})
  return found
}
