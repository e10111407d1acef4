import type {SyntaxNode as Node} from './hcl-tree'

/** A value an HCL expression can evaluate to. `UNKNOWN` stands for anything decided only at apply time. */
export type HclValue = null | boolean | number | string | HclValue[] | HclObject | typeof UNKNOWN
export interface HclObject {
  [key: string]: HclValue
}
export const UNKNOWN: unique symbol = Symbol('unknown')

/** The expression syntax the evaluator understands; anything else becomes `unknown`. */
export type Expr =
  | {k: 'lit'; v: HclValue}
  | {k: 'tpl'; parts: Array<string | Expr>}
  | {k: 'var'; name: string}
  | {k: 'attr'; obj: Expr; name: string}
  | {k: 'index'; obj: Expr; key: Expr}
  | {k: 'splat'; obj: Expr; path: Array<{attr: string} | {index: Expr}>}
  | {k: 'call'; fn: string; args: Expr[]; expand: boolean}
  | {k: 'tuple'; items: Expr[]}
  | {k: 'object'; items: Array<[Expr, Expr]>}
  | {k: 'cond'; test: Expr; then: Expr; else: Expr}
  | {k: 'unary'; op: string; x: Expr}
  | {k: 'binary'; op: string; l: Expr; r: Expr}
  | {
      k: 'for'
      object: boolean
      keyVar: string | undefined
      valueVar: string
      coll: Expr
      key: Expr | undefined
      value: Expr
      cond: Expr | undefined
      group: boolean
    }
  | {k: 'unknown'}

const UNKNOWN_EXPR: Expr = {k: 'unknown'}

export function named(node: Node | null | undefined): Node[] {
  return node ? node.namedChildren : []
}

export function all(node: Node | null | undefined): Node[] {
  return node ? node.children : []
}

/** Converts a tree-sitter `expression` (or any expression-like) node into an `Expr`. */
export function toExpr(node: Node, src: string): Expr {
  switch (node.type) {
    case 'expression':
      return chain(node, src)
    case 'literal_value':
      return literal(node, src)
    case 'template_expr':
      return toExpr(named(node)[0]!, src)
    case 'quoted_template':
      return template(node, src)
    case 'heredoc_template':
      return heredoc(node, src)
    case 'collection_value':
      return toExpr(named(node)[0]!, src)
    case 'tuple':
      return {
        k: 'tuple',
        items: named(node)
          .filter(c => c.type === 'expression')
          .map(c => toExpr(c, src))
      }
    case 'object':
      return {
        k: 'object',
        items: named(node)
          .filter(c => c.type === 'object_elem')
          .map(elem => {
            const [key, value] = named(elem).filter(c => c.type === 'expression')
            return [objectKey(key!, src), value ? toExpr(value, src) : UNKNOWN_EXPR]
          })
      }
    case 'variable_expr':
      return {k: 'var', name: named(node)[0]!.text}
    case 'function_call':
      return call(node, src)
    case 'conditional': {
      const [test, a, b] = named(node).filter(c => c.type === 'expression')
      if (!test || !a || !b) return UNKNOWN_EXPR
      return {k: 'cond', test: toExpr(test, src), then: toExpr(a, src), else: toExpr(b, src)}
    }
    case 'operation':
      return toExpr(named(node)[0]!, src)
    case 'unary_operation': {
      const operand = named(node)[0]
      return operand ? {k: 'unary', op: all(node)[0]!.type, x: toExpr(operand, src)} : UNKNOWN_EXPR
    }
    case 'binary_operation': {
      const [l, r] = named(node)
      const op = all(node).find(c => !c.isNamed)
      if (!l || !r || !op) return UNKNOWN_EXPR
      return {k: 'binary', op: op.type, l: toExpr(l, src), r: toExpr(r, src)}
    }
    case 'for_expr':
      return forExpr(named(node)[0]!, src)
    default:
      return UNKNOWN_EXPR
  }
}

/** An `expression` node: a head followed by `.attr`, `[index]` and splat accessors. */
function chain(node: Node, src: string): Expr {
  const [head, ...rest] = named(node)
  if (!head) return UNKNOWN_EXPR
  let expr = toExpr(head, src)
  for (const part of rest) {
    if (part.type === 'get_attr') {
      expr = {k: 'attr', obj: expr, name: named(part)[0]!.text}
    } else if (part.type === 'index') {
      const inner = named(part)[0]!
      if (inner.type === 'legacy_index') {
        expr = {k: 'index', obj: expr, key: {k: 'lit', v: Number(inner.text.slice(1))}}
      } else {
        const key = named(inner).find(c => c.type === 'expression')
        expr = {k: 'index', obj: expr, key: key ? toExpr(key, src) : UNKNOWN_EXPR}
      }
    } else if (part.type === 'splat') {
      const path: Array<{attr: string} | {index: Expr}> = []
      for (const step of named(named(part)[0])) {
        if (step.type === 'get_attr') path.push({attr: named(step)[0]!.text})
        else if (step.type === 'index') {
          const key = named(named(step)[0]).find(c => c.type === 'expression')
          path.push({index: key ? toExpr(key, src) : UNKNOWN_EXPR})
        }
      }
      expr = {k: 'splat', obj: expr, path}
    } else if (part.type !== 'comment') {
      return UNKNOWN_EXPR
    }
  }
  return expr
}

function literal(node: Node, src: string): Expr {
  const inner = named(node)[0]
  if (!inner) return UNKNOWN_EXPR
  switch (inner.type) {
    case 'numeric_lit':
      return {k: 'lit', v: Number(inner.text)}
    case 'bool_lit':
      return {k: 'lit', v: inner.text === 'true'}
    case 'null_lit':
      return {k: 'lit', v: null}
    case 'string_lit':
      return template(inner, src)
    default:
      return UNKNOWN_EXPR
  }
}

/** A bare identifier as an object key is the key's name, not a variable reference. */
function objectKey(node: Node, src: string): Expr {
  const head = named(node)[0]
  if (head?.type === 'variable_expr' && named(node).length === 1) {
    return {k: 'lit', v: head.text}
  }
  return toExpr(node, src)
}

function call(node: Node, src: string): Expr {
  const name = named(node)[0]!.text
  const argsNode = named(node).find(c => c.type === 'function_arguments')
  const args = named(argsNode)
    .filter(c => c.type === 'expression')
    .map(c => toExpr(c, src))
  const expand = named(argsNode).some(c => c.type === 'ellipsis')
  return {k: 'call', fn: name, args, expand}
}

function forExpr(node: Node, src: string): Expr {
  const intro = named(node).find(c => c.type === 'for_intro')
  if (!intro) return UNKNOWN_EXPR
  const names = named(intro)
    .filter(c => c.type === 'identifier')
    .map(c => c.text)
  const coll = named(intro).find(c => c.type === 'expression')
  const exprs = named(node)
    .filter(c => c.type === 'expression')
    .map(c => toExpr(c, src))
  const condNode = named(named(node).find(c => c.type === 'for_cond'))[0]
  const object = node.type === 'for_object_expr'
  if (!coll || names.length === 0 || exprs.length < (object ? 2 : 1)) return UNKNOWN_EXPR
  return {
    k: 'for',
    object,
    keyVar: names.length > 1 ? names[0] : undefined,
    valueVar: names[names.length - 1]!,
    coll: toExpr(coll, src),
    key: object ? exprs[0] : undefined,
    value: object ? exprs[1]! : exprs[0]!,
    cond: condNode ? toExpr(condNode, src) : undefined,
    group: all(node).some(c => c.type === 'ellipsis')
  }
}

/** Quoted strings: literal text is sliced from the source between interpolations, then unescaped. */
function template(node: Node, src: string): Expr {
  const start = all(node)[0]
  const end = all(node)[all(node).length - 1]
  if (!start || !end || end.type !== 'quoted_template_end') return UNKNOWN_EXPR
  const parts: Array<string | Expr> = []
  let cursor = start.endIndex
  for (const child of named(node)) {
    if (child.type === 'template_interpolation' || child.type === 'template_directive') {
      parts.push(unescape(src.slice(cursor, child.startIndex)))
      parts.push(interpolation(child, src))
      cursor = child.endIndex
    }
  }
  parts.push(unescape(src.slice(cursor, end.startIndex)))
  return simplifyTemplate(parts)
}

function heredoc(node: Node, src: string): Expr {
  const markers = named(node).filter(c => c.type === 'heredoc_identifier')
  const open = markers[0]
  const close = markers[markers.length - 1]
  if (!open || !close || open === close) return UNKNOWN_EXPR
  const indented = named(node)[0]?.text === '<<-'
  const contentStart = src.indexOf('\n', open.endIndex) + 1
  const contentEnd = src.lastIndexOf('\n', close.startIndex) + 1
  const raw: Array<string | Expr> = []
  let cursor = contentStart
  for (const child of named(node)) {
    if (child.type === 'template_interpolation' || child.type === 'template_directive') {
      raw.push(src.slice(cursor, child.startIndex), interpolation(child, src))
      cursor = child.endIndex
    }
  }
  raw.push(src.slice(cursor, Math.max(cursor, contentEnd)))
  const parts = indented ? dedent(raw, src.slice(contentStart, contentEnd)) : raw
  return simplifyTemplate(parts.map(p => (typeof p === 'string' ? p.replace(/\$\$\{/g, '${') : p)))
}

/** `<<-` removes the smallest indentation of the non-blank lines from every line. */
function dedent(parts: Array<string | Expr>, whole: string): Array<string | Expr> {
  const indents = whole
    .split('\n')
    .filter(line => line.trim() !== '')
    .map(line => /^[ \t]*/.exec(line)![0].length)
  const cut = indents.length ? Math.min(...indents) : 0
  if (cut === 0) return parts
  const strip = new RegExp(`(^|\\n)[ \\t]{0,${cut}}`, 'g')
  return parts.map((p, i) => {
    if (typeof p !== 'string') return p
    // Only the first part starts at a line start; later ones start after an interpolation.
    const out = p.replace(strip, (m, nl: string, offset: number) =>
      offset === 0 && i > 0 ? m : nl
    )
    return out
  })
}

function interpolation(node: Node, src: string): Expr {
  if (node.type !== 'template_interpolation') return UNKNOWN_EXPR
  const inner = named(node).find(c => c.type === 'expression')
  return inner ? toExpr(inner, src) : UNKNOWN_EXPR
}

function simplifyTemplate(parts: Array<string | Expr>): Expr {
  const kept = parts.filter(p => p !== '')
  if (kept.length === 0) return {k: 'lit', v: ''}
  if (kept.every(p => typeof p === 'string')) return {k: 'lit', v: kept.join('')}
  // "${x}" alone keeps x's type, as Terraform does.
  if (kept.length === 1 && typeof kept[0] !== 'string') return kept[0]!
  return {k: 'tpl', parts: kept}
}

/**
 * A heredoc's value without the line break before its closing marker: Terraform JSON templates are
 * parsed as heredocs, whose text always ends with one.
 */
export function withoutFinalNewline(expr: Expr): Expr {
  if (expr.k === 'lit' && typeof expr.v === 'string')
    return {k: 'lit', v: expr.v.replace(/\n$/, '')}
  if (expr.k !== 'tpl') return expr
  const parts = [...expr.parts]
  const last = parts[parts.length - 1]
  if (typeof last === 'string') parts[parts.length - 1] = last.replace(/\n$/, '')
  return simplifyTemplate(parts)
}

const ESCAPES: Record<string, string> = {n: '\n', t: '\t', r: '\r', '"': '"', '\\': '\\'}

function unescape(text: string): string {
  return text
    .replace(/\\(u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|[ntr"\\])/g, (_m, code: string) =>
      code.length > 1 ? String.fromCodePoint(parseInt(code.slice(1), 16)) : ESCAPES[code]!
    )
    .replace(/\$\$\{/g, '${')
    .replace(/%%\{/g, '%{')
}

/** `aws_s3_bucket.logs` style addresses an expression refers to (resources, data sources, modules). */
export function references(expr: Expr): string[] {
  const out = new Set<string>()
  const visit = (e: Expr): void => {
    const path = accessPath(e)
    if (!path) {
      for (const child of children(e)) visit(child)
      return
    }
    for (const key of indexKeys(e)) visit(key)
    if (path.length >= 2) {
      const [root, a, b] = path
      if (root === 'data' || root === 'module') {
        if (root === 'data' && a && b) out.add(`data.${a}.${b}`)
        if (root === 'module' && a) out.add(`module.${a}`)
      } else if (!['var', 'local', 'each', 'count', 'path', 'terraform', 'self'].includes(root!)) {
        out.add(`${root}.${a}`)
      }
    }
  }
  visit(expr)
  return [...out]
}

/** `a.b.c` for a plain attribute chain (index steps are skipped), else undefined. */
export function accessPath(expr: Expr): string[] | undefined {
  if (expr.k === 'var') return [expr.name]
  if (expr.k === 'attr') {
    const base = accessPath(expr.obj)
    return base ? [...base, expr.name] : undefined
  }
  if (expr.k === 'index' || expr.k === 'splat') return accessPath(expr.obj)
  return undefined
}

function indexKeys(e: Expr): Expr[] {
  if (e.k === 'attr' || e.k === 'splat') return indexKeys(e.obj)
  if (e.k === 'index') return [...indexKeys(e.obj), e.key]
  return []
}

function children(e: Expr): Expr[] {
  switch (e.k) {
    case 'tpl':
      return e.parts.filter((p): p is Expr => typeof p !== 'string')
    case 'attr':
    case 'splat':
      return [e.obj]
    case 'index':
      return [e.obj, e.key]
    case 'call':
      return e.args
    case 'tuple':
      return e.items
    case 'object':
      return e.items.flat()
    case 'cond':
      return [e.test, e.then, e.else]
    case 'unary':
      return [e.x]
    case 'binary':
      return [e.l, e.r]
    case 'for':
      return [e.coll, e.value, ...(e.key ? [e.key] : []), ...(e.cond ? [e.cond] : [])]
    default:
      return []
  }
}
