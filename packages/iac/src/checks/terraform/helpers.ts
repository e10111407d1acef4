import type {CheckExample, CheckResult} from '../../check'
import {isKnown, isObject, toBool, toNumber, toStringValue} from '../../parsers/hcl-eval'
import {type HclValue, UNKNOWN, references} from '../../parsers/hcl-expr'
import type {TerraformDocument} from '../../parsers/terraform-module'
import type {BlockView} from '../../parsers/terraform-model'

export {UNKNOWN, isKnown, isObject, toNumber, toStringValue}
export type {BlockView, HclValue, TerraformDocument}

export const tf = (text: string): CheckExample => ({fileName: 'main.tf', text})

/** Views grouped by resource type, built once per list: checks ask for a few types of many. */
const byTypeCache = new WeakMap<BlockView[], Map<string, BlockView[]>>()

function ofTypes(views: BlockView[], types: string[]): BlockView[] {
  let byType = byTypeCache.get(views)
  if (!byType) {
    byType = new Map()
    for (const v of views) {
      const list = byType.get(v.labels[0]!)
      if (list) list.push(v)
      else byType.set(v.labels[0]!, [v])
    }
    byTypeCache.set(views, byType)
  }
  if (types.length === 1) return byType.get(types[0]!) ?? []
  // Several types: keep file order, as a filter would.
  const wanted = new Set(types.flatMap(t => byType.get(t) ?? []))
  return views.filter(v => wanted.has(v))
}

/** The file's resources of the given types (all instances). */
export function resources(doc: TerraformDocument, ...types: string[]): BlockView[] {
  return ofTypes(doc.resources, types)
}

export function dataSources(doc: TerraformDocument, ...types: string[]): BlockView[] {
  return ofTypes(doc.data, types)
}

export function result(view: BlockView, line: number = view.line, message?: string): CheckResult {
  return {line, resource: view.address, ...(message ? {message} : {})}
}

/** Known to be false (`false` or `"false"`). */
export const isFalse = (v: HclValue | undefined): boolean => toBool(v) === false
export const isTrue = (v: HclValue | undefined): boolean => toBool(v) === true

/**
 * A boolean that must be true and whose provider default is false (or unset): absent → the block's line,
 * known false → the attribute's line, unknown → nothing.
 */
export function requireTrue(view: BlockView, name: string, at: BlockView = view): CheckResult[] {
  const a = at.attr(name)
  if (!a) return [result(view, at.line)]
  return isFalse(a.value) ? [result(view, a.line)] : []
}

/** An attribute that must not be explicitly true. */
export function forbidTrue(view: BlockView, name: string, at: BlockView = view): CheckResult[] {
  const a = at.attr(name)
  return a && isTrue(a.value) ? [result(view, a.line)] : []
}

/** An attribute that must not be explicitly false (its default is safe). */
export function forbidFalse(view: BlockView, name: string, at: BlockView = view): CheckResult[] {
  const a = at.attr(name)
  return a && isFalse(a.value) ? [result(view, a.line)] : []
}

/** An attribute that must be set to something (a key id, a log destination). */
export function requirePresent(view: BlockView, name: string): CheckResult[] {
  const a = view.attr(name)
  if (!a) return [result(view)]
  return a.value === null || a.value === '' ? [result(view, a.line)] : []
}

/** String values (lists flattened); `undefined` when anything is unknown. */
export function strings(v: HclValue | undefined): string[] | undefined {
  if (v === undefined || v === null) return []
  if (v === UNKNOWN) return undefined
  if (Array.isArray(v)) {
    const out: string[] = []
    for (const item of v) {
      const s = strings(item)
      if (!s) return undefined
      out.push(...s)
    }
    return out
  }
  const s = toStringValue(v)
  return s === undefined ? undefined : [s]
}

const WORLD = new Set(['0.0.0.0/0', '::/0', '*', 'internet', 'any'])
/** An address range meaning "anyone" (IPv4/IPv6 any, Azure's `*` / `Internet` / `Any`). */
export const isWorld = (cidr: string): boolean => WORLD.has(cidr.trim().toLowerCase())

/** Who points at what: resources of one type by the addresses and the string value of one attribute. */
interface Pointers {
  byReference: Map<string, BlockView[]>
  byValue: Map<string, BlockView[]>
  order: Map<BlockView, number>
}

const pointersCache = new WeakMap<BlockView[], Map<string, Pointers>>()

/** Indexed once per module, type and attribute: every bucket asking for its versioning stays linear. */
function pointers(doc: TerraformDocument, type: string, attribute: string): Pointers {
  let perModule = pointersCache.get(doc.module.resources)
  if (!perModule) {
    perModule = new Map()
    pointersCache.set(doc.module.resources, perModule)
  }
  const key = `${type}\0${attribute}`
  let index = perModule.get(key)
  if (index) return index
  index = {byReference: new Map(), byValue: new Map(), order: new Map()}
  const add = (map: Map<string, BlockView[]>, key: string, r: BlockView) => {
    const list = map.get(key)
    if (!list) map.set(key, [r])
    else if (list[list.length - 1] !== r) list.push(r)
  }
  for (const r of ofTypes(doc.module.resources, [type])) {
    const a = r.attr(attribute)
    if (!a) continue
    index.order.set(r, index.order.size)
    for (const address of references(a.expr)) add(index.byReference, address, r)
    if (typeof a.value === 'string') add(index.byValue, a.value, r)
  }
  perModule.set(key, index)
  return index
}

/** Resources of `type` in the module that point at `target` through `attribute` (by reference or by name). */
export function related(
  doc: TerraformDocument,
  type: string,
  target: BlockView,
  attribute: string,
  nameAttr?: string
): BlockView[] {
  const index = pointers(doc, type, attribute)
  const name = nameAttr ? target.value(nameAttr) : undefined
  const found = new Set(index.byReference.get(target.address))
  if (typeof name === 'string') for (const r of index.byValue.get(name) ?? []) found.add(r)
  return [...found].sort((a, b) => index.order.get(a)! - index.order.get(b)!)
}

/** Whether a port or `from-to` range string (Azure NSG port ranges, GCP firewall `ports`) includes `port`. */
export function portRangeIncludes(range: string, port: number): boolean {
  const [from, to = from] = range.split('-').map(Number)
  return from !== undefined && to !== undefined && from <= port && port <= to
}

/** Whether a port range (`from`..`to`, protocol) includes `port`. Unknown parts → undefined. */
export function coversPort(
  from: HclValue | undefined,
  to: HclValue | undefined,
  protocol: HclValue | undefined,
  port: number
): boolean | undefined {
  const proto = toStringValue(protocol)?.toLowerCase()
  if (proto === '-1' || proto === 'all') return true
  if (proto !== undefined && proto !== 'tcp' && proto !== '6' && proto !== 'udp' && proto !== '17')
    return false
  const f = toNumber(from)
  const t = toNumber(to)
  if (f === undefined || t === undefined) return undefined
  // from_port = 0 / to_port = 0 with tcp means port 0 only in AWS; "all" is protocol -1.
  return f <= port && port <= t
}
