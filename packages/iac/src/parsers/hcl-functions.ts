import type {EvalBudget} from './eval-budget'
import {type HclObject, type HclValue, UNKNOWN} from './hcl-expr'
import {isKnown, isObject, toBool, toNumber, toStringValue} from './hcl-eval'

/** A function gets the budget to refuse, before building it, a string longer than the bound. */
type Fn = (args: HclValue[], budget: EvalBudget) => HclValue

const str =
  (f: (s: string, args: HclValue[]) => HclValue): Fn =>
  args => {
    const s = toStringValue(args[0])
    return s === undefined ? UNKNOWN : f(s, args)
  }

const allKnown =
  (f: Fn): Fn =>
  (args, budget) =>
    args.every(isKnown) ? f(args, budget) : UNKNOWN

/** Whether a string of `length` may be built; a hit when it may not. */
function fits(length: number, budget: EvalBudget, fn: string): boolean {
  if (length <= budget.limits.maxStringLength) return true
  budget.hit(
    `${fn}() result exceeds the evaluation bound (${budget.limits.maxStringLength} characters)`
  )
  return false
}

/**
 * The Terraform functions that commonly decide a check, evaluated when their arguments are known.
 * Anything else (file reads, crypto, time) stays unknown: guessing would invent findings.
 */
const FUNCTIONS: Record<string, Fn> = {
  tostring: args => toStringValue(args[0]) ?? (args[0] === null ? null : UNKNOWN),
  tonumber: args => toNumber(args[0]) ?? UNKNOWN,
  tobool: args => toBool(args[0]) ?? UNKNOWN,
  tolist: args => (Array.isArray(args[0]) ? args[0] : UNKNOWN),
  toset: args => (Array.isArray(args[0]) ? dedupe(args[0]) : UNKNOWN),
  tomap: args => (isObject(args[0]) ? args[0] : UNKNOWN),
  lower: str(s => s.toLowerCase()),
  upper: str(s => s.toUpperCase()),
  trimspace: str(s => s.trim()),
  title: str(s => s.replace(/\b\w/g, c => c.toUpperCase())),
  replace: allKnown((args, budget) => {
    const [s, find, repl] = args.map(toStringValue)
    if (s === undefined || find === undefined || repl === undefined) return UNKNOWN
    // A "/re/" pattern is a regular expression in Terraform; not evaluated here.
    if (find.length > 1 && find.startsWith('/') && find.endsWith('/')) return UNKNOWN
    const parts = s.split(find)
    const length = s.length + (parts.length - 1) * (repl.length - find.length)
    return fits(length, budget, 'replace') ? parts.join(repl) : UNKNOWN
  }),
  format: allKnown((args, budget) => {
    const [spec, ...rest] = args
    if (typeof spec !== 'string') return UNKNOWN
    let i = 0
    let length = 0
    const out = spec.replace(/%(%|[sdvtq])/g, (_m, c: string) => {
      if (c === '%') return '%'
      const v = rest[i++]
      const text =
        c === 'q' ? JSON.stringify(toStringValue(v) ?? '') : (toStringValue(v) ?? JSON.stringify(v))
      length += text.length
      // Past the bound the rest is not built; the result is discarded below.
      return length > budget.limits.maxStringLength ? '' : text
    })
    return fits(length + spec.length, budget, 'format') ? out : UNKNOWN
  }),
  join: allKnown(([sep, list], budget) => {
    if (typeof sep !== 'string' || !Array.isArray(list)) return UNKNOWN
    const items = list.map(v => toStringValue(v) ?? '')
    const length = items.reduce((n, v) => n + v.length, sep.length * Math.max(0, items.length - 1))
    return fits(length, budget, 'join') ? items.join(sep) : UNKNOWN
  }),
  split: allKnown(([sep, s]) =>
    typeof sep === 'string' && typeof s === 'string' ? s.split(sep) : UNKNOWN
  ),
  concat: args => (args.every(Array.isArray) ? (args as HclValue[][]).flat() : UNKNOWN),
  flatten: args => (Array.isArray(args[0]) ? flattenDeep(args[0]) : UNKNOWN),
  distinct: args => (Array.isArray(args[0]) ? dedupe(args[0]) : UNKNOWN),
  compact: args => (Array.isArray(args[0]) ? args[0].filter(v => v !== '' && v !== null) : UNKNOWN),
  merge: args => {
    if (!args.every(a => isObject(a) || a === null)) return UNKNOWN
    return Object.assign({}, ...(args.filter(isObject) as HclObject[]))
  },
  lookup: ([map, key, fallback]) => {
    const k = toStringValue(key)
    if (!isObject(map) || k === undefined) return UNKNOWN
    if (Object.hasOwn(map, k)) return map[k]!
    return fallback === undefined ? UNKNOWN : fallback
  },
  keys: args => (isObject(args[0]) ? Object.keys(args[0]).sort() : UNKNOWN),
  values: args =>
    isObject(args[0])
      ? Object.keys(args[0])
          .sort()
          .map(k => (args[0] as HclObject)[k]!)
      : UNKNOWN,
  length: ([v]) => {
    if (Array.isArray(v)) return v.length
    if (isObject(v)) return Object.keys(v).length
    if (typeof v === 'string') return [...v].length
    return UNKNOWN
  },
  element: ([list, index]) => {
    const i = toNumber(index)
    if (!Array.isArray(list) || list.length === 0 || i === undefined) return UNKNOWN
    return list[i % list.length]!
  },
  contains: ([list, value]) => {
    if (!Array.isArray(list) || !isKnown(list) || !isKnown(value)) return UNKNOWN
    return list.some(v => JSON.stringify(v) === JSON.stringify(value))
  },
  coalesce: args => {
    for (const a of args) {
      if (a === UNKNOWN) return UNKNOWN
      if (a !== null && a !== '') return a
    }
    return UNKNOWN
  },
  try: args => args.find(isKnown) ?? UNKNOWN,
  jsonencode: ([v]) => (v !== undefined && isKnown(v) ? JSON.stringify(v) : UNKNOWN),
  jsondecode: ([v]) => {
    if (typeof v !== 'string') return UNKNOWN
    try {
      return JSON.parse(v) as HclValue
    } catch {
      return UNKNOWN
    }
  },
  min: allKnown(args => {
    const ns = args.map(toNumber)
    return ns.every(n => n !== undefined) ? Math.min(...(ns as number[])) : UNKNOWN
  }),
  max: allKnown(args => {
    const ns = args.map(toNumber)
    return ns.every(n => n !== undefined) ? Math.max(...(ns as number[])) : UNKNOWN
  })
}

export function callFunction(name: string, args: HclValue[], budget: EvalBudget): HclValue {
  // Provider-namespaced functions (provider::aws::arn_parse) are never evaluated.
  const fn = Object.hasOwn(FUNCTIONS, name) ? FUNCTIONS[name] : undefined
  return fn ? fn(args, budget) : UNKNOWN
}

function dedupe(list: HclValue[]): HclValue[] {
  const seen = new Set<string>()
  return list.filter(v => {
    const key = JSON.stringify(v)
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}

function flattenDeep(list: HclValue[]): HclValue[] {
  return list.flatMap(v => (Array.isArray(v) ? flattenDeep(v) : [v]))
}
