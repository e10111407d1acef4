import {evaluate} from '../../../parsers/hcl-eval'
import {type Expr, accessPath} from '../../../parsers/hcl-expr'
import {
  type BlockView,
  type HclValue,
  type TerraformDocument,
  UNKNOWN,
  isObject,
  strings,
  toStringValue
} from '../helpers'

export interface PolicyStatement {
  Effect?: unknown
  Action?: unknown
  NotAction?: unknown
  Resource?: unknown
  Principal?: unknown
  Condition?: unknown
}

/**
 * The statements of an IAM policy given as JSON text (heredoc, file-less string) or as an evaluated
 * `jsonencode(...)` argument, whose unknown parts (a bucket ARN) stay unknown and match nothing.
 * undefined when it cannot be known.
 */
export function policyStatements(value: HclValue | undefined): PolicyStatement[] | undefined {
  if (value === undefined || value === UNKNOWN) return undefined
  let doc: unknown = value
  if (typeof value === 'string') {
    try {
      doc = JSON.parse(value)
    } catch {
      return undefined
    }
  }
  if (!isObject(doc as HclValue)) return undefined
  const statement = (doc as Record<string, unknown>).Statement
  const list = Array.isArray(statement) ? statement : statement ? [statement] : []
  return list.filter((s): s is PolicyStatement => typeof s === 'object' && s !== null)
}

/** Where a policy attribute's statements come from, for the finding's message. */
export interface PolicySource {
  statements: PolicyStatement[]
  /** `data.aws_iam_policy_document.x` when the policy is built by one. */
  document?: string
}

/**
 * The statements of a policy attribute however it is written: JSON text, `jsonencode({...})` with
 * references inside, or `data.aws_iam_policy_document.<name>.json`.
 */
export function policyOf(
  doc: TerraformDocument,
  view: BlockView,
  name: string
): PolicySource | undefined {
  const a = view.attr(name)
  if (!a) return undefined
  const known = policyStatements(a.value)
  if (known) return {statements: known}
  const expr = unwrapTemplate(a.expr)
  if (expr.k === 'call' && expr.fn === 'jsonencode' && expr.args.length === 1 && !expr.expand) {
    const arg = expr.args[0]!
    const value = view.ctx.budget.within({path: view.path, what: `${view.address}.${name}`}, () =>
      evaluate(arg, view.ctx)
    )
    const statements = policyStatements(value)
    return statements && {statements}
  }
  const path = accessPath(expr)
  if (path?.length !== 4 || path[0] !== 'data' || path[1] !== 'aws_iam_policy_document') return
  if (path[3] !== 'json' && path[3] !== 'minified_json') return undefined
  const address = `data.aws_iam_policy_document.${path[2]}`
  const documents = doc.module.data.filter(d => d.address === address)
  if (documents.length === 0) return undefined
  return {statements: documents.flatMap(documentStatements), document: address}
}

/** `"${x}"` is `x`. */
function unwrapTemplate(expr: Expr): Expr {
  return expr.k === 'tpl' && expr.parts.length === 1 && typeof expr.parts[0] !== 'string'
    ? expr.parts[0]!
    : expr
}

/** An `aws_iam_policy_document`'s `statement` blocks as policy JSON statements; unknowns stay unknown. */
export function documentStatements(d: BlockView): PolicyStatement[] {
  return d.blocks('statement').map(s => {
    const effect = s.attr('effect')
    const out: PolicyStatement = {
      Effect: effect ? (toStringValue(effect.value) ?? UNKNOWN) : 'Allow',
      Action: listOf(s, 'actions'),
      NotAction: listOf(s, 'not_actions'),
      Resource: listOf(s, 'resources'),
      ...(s.blocks('condition').length > 0 ? {Condition: {}} : {})
    }
    const principals = s.blocks('principals')
    if (principals.length > 0) {
      const byType: Record<string, unknown> = {}
      for (const p of principals) {
        const type = toStringValue(p.value('type'))
        const ids = strings(p.value('identifiers'))
        if (type === undefined || ids === undefined) return {...out, Principal: UNKNOWN}
        // type "*" with identifiers ["*"] is the JSON `"Principal": "*"`.
        if (type === '*' && ids.includes('*')) return {...out, Principal: '*'}
        byType[type] = [...((byType[type] as string[] | undefined) ?? []), ...ids]
      }
      out.Principal = byType
    }
    return out
  })
}

function listOf(s: BlockView, name: string): unknown {
  if (!s.has(name)) return undefined
  return strings(s.value(name)) ?? UNKNOWN
}

export function asList(v: unknown): unknown[] {
  return Array.isArray(v) ? v : v === undefined || v === null ? [] : [v]
}

export const isAllow = (s: PolicyStatement): boolean =>
  s.Effect === undefined || s.Effect === 'Allow'

/** `"*"`, `{"AWS": "*"}` or `{"AWS": ["*"]}`. */
export function isPublicPrincipal(principal: unknown): boolean {
  if (principal === '*') return true
  if (typeof principal === 'object' && principal !== null && !Array.isArray(principal)) {
    return asList((principal as Record<string, unknown>).AWS).includes('*')
  }
  return false
}
