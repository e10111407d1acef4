import {bind, type EvalContext, evaluate, isObject} from './hcl-eval'
import {type Expr, type HclValue, UNKNOWN} from './hcl-expr'
import type {HclAttribute, HclBlock} from './hcl-syntax'

/** Instances evaluated per `for_each` element; more would only repeat the same findings. */
const MAX_INSTANCES = 16

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
  constructor(
    readonly node: HclBlock,
    readonly ctx: EvalContext,
    /** `aws_s3_bucket.logs`; nested blocks carry their resource's address. */
    readonly address: string
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
      value: evaluate(a.expr, this.ctx),
      expr: a.expr,
      text: a.text
    }
  }

  /** The evaluated value; `undefined` when the attribute is absent, `UNKNOWN` when not decidable. */
  value(name: string): HclValue | undefined {
    const a = this.node.attributes.get(name)
    return a ? evaluate(a.expr, this.ctx) : undefined
  }

  /** Nested blocks of that type, `dynamic "<type>"` blocks expanded over their `for_each`. */
  blocks(type: string): BlockView[] {
    const out: BlockView[] = []
    for (const child of this.node.blocks) {
      if (child.type === type) out.push(new BlockView(child, this.ctx, this.address))
      else if (child.type === 'dynamic' && child.labels[0] === type)
        out.push(...this.expandDynamic(child))
    }
    return out
  }

  block(type: string): BlockView | undefined {
    return this.blocks(type)[0]
  }

  private expandDynamic(dynamic: HclBlock): BlockView[] {
    const content = dynamic.blocks.find(b => b.type === 'content')
    if (!content) return []
    const iteratorAttr = dynamic.attributes.get('iterator')
    const iterator = iteratorAttr?.expr.k === 'var' ? iteratorAttr.expr.name : dynamic.labels[0]!
    const forEach = dynamic.attributes.get('for_each')
    const coll = forEach ? evaluate(forEach.expr, this.ctx) : UNKNOWN
    const entries = collectionEntries(coll)
    if (!entries)
      return [new BlockView(content, bind(this.ctx, {[iterator]: UNKNOWN}), this.address)]
    return entries
      .slice(0, MAX_INSTANCES)
      .map(
        ([key, value]) =>
          new BlockView(content, bind(this.ctx, {[iterator]: {key, value}}), this.address)
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
export function instancesOf(block: HclBlock, ctx: EvalContext, address: string): BlockView[] {
  const count = block.attributes.get('count')
  if (count) {
    const n = evaluate(count.expr, ctx)
    const num = typeof n === 'number' ? n : typeof n === 'boolean' ? Number(n) : undefined
    if (num === 0) return []
    return [new BlockView(block, bind(ctx, {count: {index: UNKNOWN}}), address)]
  }
  const forEach = block.attributes.get('for_each')
  if (forEach) {
    const entries = collectionEntries(evaluate(forEach.expr, ctx))
    if (!entries) return [new BlockView(block, bind(ctx, {each: UNKNOWN}), address)]
    return entries
      .slice(0, MAX_INSTANCES)
      .map(([key, value]) => new BlockView(block, bind(ctx, {each: {key, value}}), address))
  }
  return [new BlockView(block, ctx, address)]
}
