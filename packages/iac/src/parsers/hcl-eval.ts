import {type EvalBudget, cost, isKnownValue} from './eval-budget'
import {type Expr, type HclObject, type HclValue, UNKNOWN} from './hcl-expr'
import {callFunction} from './hcl-functions'

/** What names mean while evaluating: `var.*`, `local.*` and bound iterators (`each`, dynamic block names). */
export interface EvalContext {
  variable(name: string): HclValue
  local(name: string): HclValue
  binding(name: string): HclValue | undefined
  /** The module's budget: every evaluation in it counts against the same bounds. */
  budget: EvalBudget
}

export function isObject(v: HclValue | undefined): v is HclObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

export const isKnown = isKnownValue

/**
 * Evaluates what can be known before `terraform apply`; everything else is `UNKNOWN`. Every node
 * counts against the budget, and a result beyond the value bounds becomes UNKNOWN with a hit.
 */
export function evaluate(expr: Expr, ctx: EvalContext): HclValue {
  const {budget} = ctx
  if (!budget.enter()) return UNKNOWN
  try {
    return budget.bounded(evaluateNode(expr, ctx))
  } finally {
    budget.leave()
  }
}

function evaluateNode(expr: Expr, ctx: EvalContext): HclValue {
  switch (expr.k) {
    case 'lit':
      return expr.v
    case 'tpl': {
      let out = ''
      for (const part of expr.parts) {
        if (typeof part === 'string') {
          out += part
          continue
        }
        const v = evaluate(part, ctx)
        const s = toStringValue(v)
        if (s === undefined) return UNKNOWN
        // Both parts are within the bound, so the sum is at most twice it: checked after joining.
        out += s
        if (out.length > ctx.budget.limits.maxStringLength) return ctx.budget.bounded(out)
      }
      return out
    }
    case 'var': {
      const bound = ctx.binding(expr.name)
      return bound === undefined ? UNKNOWN : bound
    }
    case 'attr': {
      if (expr.obj.k === 'var' && ctx.binding(expr.obj.name) === undefined) {
        if (expr.obj.name === 'var') return ctx.variable(expr.name)
        if (expr.obj.name === 'local') return ctx.local(expr.name)
      }
      return getAttr(evaluate(expr.obj, ctx), expr.name)
    }
    case 'index':
      return getIndex(evaluate(expr.obj, ctx), evaluate(expr.key, ctx))
    case 'splat': {
      const base = evaluate(expr.obj, ctx)
      if (base === UNKNOWN) return UNKNOWN
      const items = Array.isArray(base) ? base : base === null ? [] : [base]
      if (!ctx.budget.charge(items.length)) return UNKNOWN
      return items.map(item =>
        expr.path.reduce<HclValue>(
          (v, step) =>
            'attr' in step ? getAttr(v, step.attr) : getIndex(v, evaluate(step.index, ctx)),
          item
        )
      )
    }
    case 'call': {
      const args = expr.args.map(a => evaluate(a, ctx))
      if (expr.expand) {
        const last = args.pop()
        if (!Array.isArray(last)) return UNKNOWN
        args.push(...last)
      }
      if (!ctx.budget.charge(cost(args))) return UNKNOWN
      return callFunction(expr.fn, args, ctx.budget)
    }
    case 'tuple':
      return expr.items.map(item => evaluate(item, ctx))
    case 'object': {
      const out: HclObject = {}
      for (const [k, v] of expr.items) {
        const key = toStringValue(evaluate(k, ctx))
        if (key === undefined) return UNKNOWN
        out[key] = evaluate(v, ctx)
      }
      return out
    }
    case 'cond': {
      const test = evaluate(expr.test, ctx)
      const truth = toBool(test)
      if (truth === true) return evaluate(expr.then, ctx)
      if (truth === false) return evaluate(expr.else, ctx)
      // Unknown condition: still known when both branches agree.
      const a = evaluate(expr.then, ctx)
      const b = evaluate(expr.else, ctx)
      if (!isKnown(a) || !ctx.budget.charge(cost([a, b]))) return UNKNOWN
      return JSON.stringify(a) === JSON.stringify(b) ? a : UNKNOWN
    }
    case 'unary': {
      const x = evaluate(expr.x, ctx)
      if (expr.op === '!') {
        const b = toBool(x)
        return b === undefined ? UNKNOWN : !b
      }
      const n = toNumber(x)
      return n === undefined ? UNKNOWN : -n
    }
    case 'binary': {
      const l = evaluate(expr.l, ctx)
      const r = evaluate(expr.r, ctx)
      if ((expr.op === '==' || expr.op === '!=') && !ctx.budget.charge(cost([l, r]))) return UNKNOWN
      return binary(expr.op, l, r)
    }
    case 'for':
      return forExpr(expr, ctx)
    case 'unknown':
      return UNKNOWN
  }
}

function forExpr(expr: Extract<Expr, {k: 'for'}>, ctx: EvalContext): HclValue {
  const coll = evaluate(expr.coll, ctx)
  let entries: Array<[HclValue, HclValue]>
  if (Array.isArray(coll)) entries = coll.map((v, i) => [i, v])
  else if (isObject(coll)) entries = Object.entries(coll)
  else return UNKNOWN
  const listOut: HclValue[] = []
  const objOut: HclObject = {}
  for (const [k, v] of entries) {
    const inner = bind(ctx, {...(expr.keyVar ? {[expr.keyVar]: k} : {}), [expr.valueVar]: v})
    if (expr.cond) {
      const keep = toBool(evaluate(expr.cond, inner))
      if (keep === undefined) return UNKNOWN
      if (!keep) continue
    }
    const value = evaluate(expr.value, inner)
    if (!expr.object) {
      listOut.push(value)
      continue
    }
    const key = toStringValue(evaluate(expr.key!, inner))
    if (key === undefined) return UNKNOWN
    const group = objOut[key]
    if (!expr.group) objOut[key] = value
    else if (Array.isArray(group)) group.push(value)
    else objOut[key] = [value]
  }
  return expr.object ? objOut : listOut
}

/** A context with extra names bound (iterators); `var` and `local` still come from the parent. */
export function bind(ctx: EvalContext, names: Record<string, HclValue>): EvalContext {
  return {
    variable: name => ctx.variable(name),
    local: name => ctx.local(name),
    binding: name => (Object.hasOwn(names, name) ? names[name] : ctx.binding(name)),
    budget: ctx.budget
  }
}

function getAttr(v: HclValue, name: string): HclValue {
  if (isObject(v)) return Object.hasOwn(v, name) ? v[name]! : UNKNOWN
  return UNKNOWN
}

function getIndex(v: HclValue, key: HclValue): HclValue {
  if (Array.isArray(v)) {
    const i = toNumber(key)
    return i !== undefined && i >= 0 && i < v.length ? v[i]! : UNKNOWN
  }
  if (isObject(v)) {
    const k = toStringValue(key)
    return k !== undefined && Object.hasOwn(v, k) ? v[k]! : UNKNOWN
  }
  return UNKNOWN
}

function binary(op: string, l: HclValue, r: HclValue): HclValue {
  if (op === '&&' || op === '||') {
    const a = toBool(l)
    const b = toBool(r)
    // false && unknown is false; true || unknown is true.
    if (op === '&&')
      return a === false || b === false
        ? false
        : a === undefined || b === undefined
          ? UNKNOWN
          : true
    return a === true || b === true ? true : a === undefined || b === undefined ? UNKNOWN : false
  }
  if (!isKnown(l) || !isKnown(r)) return UNKNOWN
  if (op === '==') return JSON.stringify(l) === JSON.stringify(r)
  if (op === '!=') return JSON.stringify(l) !== JSON.stringify(r)
  const a = toNumber(l)
  const b = toNumber(r)
  if (a === undefined || b === undefined) return UNKNOWN
  switch (op) {
    case '+':
      return a + b
    case '-':
      return a - b
    case '*':
      return a * b
    case '/':
      return b === 0 ? UNKNOWN : a / b
    case '%':
      return b === 0 ? UNKNOWN : a % b
    case '<':
      return a < b
    case '>':
      return a > b
    case '<=':
      return a <= b
    case '>=':
      return a >= b
    default:
      return UNKNOWN
  }
}

/** Terraform's automatic conversions: "true"/"false" strings are booleans, numeric strings numbers. */
export function toBool(v: HclValue | undefined): boolean | undefined {
  if (typeof v === 'boolean') return v
  if (v === 'true') return true
  if (v === 'false') return false
  return undefined
}

export function toNumber(v: HclValue | undefined): number | undefined {
  if (typeof v === 'number') return v
  if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))) return Number(v)
  return undefined
}

export function toStringValue(v: HclValue | undefined): string | undefined {
  if (typeof v === 'string') return v
  if (typeof v === 'number' || typeof v === 'boolean') return String(v)
  return undefined
}
