import type {EvalFrame} from './eval-budget'
import {bind, type EvalContext, evaluate, isObject} from './hcl-eval'
import {type Expr, type HclValue, UNKNOWN} from './hcl-expr'
import type {HclAttribute, HclBlock} from './hcl-syntax'

/**
 * Instances evaluated per `for_each` (or dynamic block) element. Each can hold a different value,
 * so a longer collection is a bound hit, not a silent cut.
 */
const MAX_INSTANCES = 1024

export interface AttributeView {
  name: string
  line: number
  endLine: number
  value: HclValue
  expr: Expr
  text: string
}

/**
 * A block with its values evaluated in context: a resource instance, a nested block or one
 * expansion of a `dynamic` block. Checks read everything through this.
 */
export class BlockView {
  /** Evaluated attributes: checks read the same ones many times. */
  private readonly values = new Map<string, HclValue>()

  constructor(
    readonly node: HclBlock,
    readonly ctx: EvalContext,
    /** `aws_s3_bucket.logs`; nested blocks carry their resource's address. */
    readonly address: string,
    /** The file the block is written in. */
    readonly path: string,
    /** Where in the resource (`aws_security_group.web.ingress`), for bound messages. */
    private readonly where: string = address
  ) {}

  get type(): string {
    return this.node.type
  }
  get labels(): string[] {
    return this.node.labels
  }
  get line(): number {
    return this.node.line
  }
  get endLine(): number {
    return this.node.endLine
  }

  has(name: string): boolean {
    return this.node.attributes.has(name)
  }

  attr(name: string): AttributeView | undefined {
    const a: HclAttribute | undefined = this.node.attributes.get(name)
    if (!a) return undefined
    return {
      name,
      line: a.line,
      endLine: a.endLine,
      value: this.evaluated(a),
      expr: a.expr,
      text: a.text
    }
  }

  /** The evaluated value; `undefined` when the attribute is absent, `UNKNOWN` when not decidable. */
  value(name: string): HclValue | undefined {
    const a = this.node.attributes.get(name)
    return a ? this.evaluated(a) : undefined
  }

  /** Nested blocks of that type, `dynamic "<type>"` blocks expanded over their `for_each`. */
  blocks(type: string): BlockView[] {
    this.ctx.budget.subject = this.address
    const out: BlockView[] = []
    for (const child of this.node.blocks) {
      if (child.type === type)
        out.push(new BlockView(child, this.ctx, this.address, this.path, `${this.where}.${type}`))
      else if (child.type === 'dynamic' && child.labels[0] === type)
        out.push(...this.expandDynamic(child))
    }
    return out
  }

  block(type: string): BlockView | undefined {
    return this.blocks(type)[0]
  }

  private evaluated(a: HclAttribute): HclValue {
    const {budget} = this.ctx
    budget.subject = this.address
    const cached = this.values.get(a.name)
    if (cached !== undefined) return cached
    const value = budget.within({path: this.path, what: `${this.where}.${a.name}`}, () =>
      evaluate(a.expr, this.ctx)
    )
    this.values.set(a.name, value)
    return value
  }

  private expandDynamic(dynamic: HclBlock): BlockView[] {
    const content = dynamic.blocks.find(b => b.type === 'content')
    if (!content) return []
    const where = `${this.where}.dynamic.${dynamic.labels[0]}`
    const iteratorAttr = dynamic.attributes.get('iterator')
    const iterator = iteratorAttr?.expr.k === 'var' ? iteratorAttr.expr.name : dynamic.labels[0]!
    const forEach = dynamic.attributes.get('for_each')
    const view = (names: Record<string, HclValue>) =>
      new BlockView(content, bind(this.ctx, names), this.address, this.path, where)
    const frame = {path: this.path, what: `${where}.for_each`}
    const coll = forEach
      ? this.ctx.budget.within(frame, () => evaluate(forEach.expr, this.ctx))
      : UNKNOWN
    const entries = collectionEntries(coll)
    if (!entries) return [view({[iterator]: UNKNOWN})]
    return limitInstances(entries, this.ctx, frame).map(([key, value]) =>
      view({[iterator]: {key, value}})
    )
  }
}

/** `for_each` / dynamic collections as key-value pairs; undefined when not known. */
export function collectionEntries(coll: HclValue): Array<[HclValue, HclValue]> | undefined {
  if (Array.isArray(coll)) return coll.map(v => [v, v])
  if (isObject(coll)) return Object.entries(coll)
  return undefined
}

/** One resource (or data source) block expanded into its instances; none when `count = 0`. */
export function instancesOf(
  block: HclBlock,
  ctx: EvalContext,
  address: string,
  path: string
): BlockView[] {
  const count = block.attributes.get('count')
  const frame = (what: string) => ({path, what: `${address}.${what}`})
  if (count) {
    const n = ctx.budget.within(frame('count'), () => evaluate(count.expr, ctx))
    const num = typeof n === 'number' ? n : typeof n === 'boolean' ? Number(n) : undefined
    if (num === 0) return []
    return [new BlockView(block, bind(ctx, {count: {index: UNKNOWN}}), address, path)]
  }
  const forEach = block.attributes.get('for_each')
  if (forEach) {
    const entries = collectionEntries(
      ctx.budget.within(frame('for_each'), () => evaluate(forEach.expr, ctx))
    )
    if (!entries) return [new BlockView(block, bind(ctx, {each: UNKNOWN}), address, path)]
    return limitInstances(entries, ctx, frame('for_each')).map(
      ([key, value]) => new BlockView(block, bind(ctx, {each: {key, value}}), address, path)
    )
  }
  return [new BlockView(block, ctx, address, path)]
}

function limitInstances<T>(entries: T[], ctx: EvalContext, frame: EvalFrame): T[] {
  if (entries.length <= MAX_INSTANCES) return entries
  ctx.budget.within(frame, () =>
    ctx.budget.hit(
      `${entries.length} instances exceed the evaluation bound (${MAX_INSTANCES}); the rest are not checked`
    )
  )
  return entries.slice(0, MAX_INSTANCES)
}
