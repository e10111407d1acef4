import {type Expr, withoutFinalNewline} from './hcl-expr'
import {type HclAttribute, type HclBlock, type HclParseOutcome, parseHcl} from './hcl-syntax'
import {type JsonNode, parseJsonWithLines} from './json-positions'

/** Labels per top-level block type: in JSON syntax each label is one more object level. */
const LABELS: Record<string, number> = {
  resource: 2,
  data: 2,
  module: 1,
  provider: 1,
  variable: 1,
  output: 1
}
/** Nested block types that take a label (`"dynamic": {"ingress": {...}}`). */
const NESTED_LABELS: Record<string, number> = {dynamic: 1, provisioner: 1}
/** Arguments whose strings are not templates: a variable's default and type are taken as written. */
const LITERAL_ARGUMENTS: Record<string, Set<string>> = {variable: new Set(['default', 'type'])}
const COMMENT = '//'
/** Closes the heredoc each template is parsed as; a string holding it cannot be embedded. */
const TEMPLATE_END = 'PIPEGUARD_JSON_TEMPLATE_END'

/**
 * A `.tf.json` / `.tofu.json` file (Terraform's JSON syntax) read into the same model as HCL, with
 * the lines of every block and argument: strings in argument positions are templates
 * (`"${var.cidr}"`), object and array-of-object values are nested blocks as well as values, since
 * only a provider schema could tell which they are. Needs `initHcl()` first.
 */
export function parseTerraformJson(text: string, path: string): HclParseOutcome {
  const json = parseJsonWithLines(text, path)
  if (!json.ok) return json
  try {
    return new JsonReader(text, path).file(json.value)
  } catch (error) {
    if (error instanceof ShapeError) return {ok: false, error: error.message}
    throw error
  }
}

/** `terraform.tfvars.json` / `*.auto.tfvars.json`: variable values, taken literally. */
export function parseTfvarsJson(text: string, path: string): HclParseOutcome {
  const json = parseJsonWithLines(text, path)
  if (!json.ok) return json
  const root = json.value
  if (root.kind !== 'object')
    return {ok: false, error: `${path}:${root.line}: expected an object of variable values`}
  const reader = new JsonReader(text, path)
  const attributes = new Map<string, HclAttribute>()
  for (const {key, keyLine, value} of root.entries)
    attributes.set(key, reader.attribute(key, keyLine, value, false))
  return {ok: true, file: {path, size: text.length, blocks: [], attributes}}
}

interface PendingTemplate {
  source: string
  line: number
  name: string
  /** Filled in place once the template is parsed. */
  slot: Expr
}

class JsonReader {
  private readonly templates: PendingTemplate[] = []

  constructor(
    private readonly text: string,
    private readonly path: string
  ) {}

  file(root: JsonNode): HclParseOutcome {
    if (root.kind !== 'object') this.fail(root.line, 'an object at the top level')
    const blocks: HclBlock[] = []
    for (const {key, keyLine, value} of root.entries) {
      if (key === COMMENT) continue
      blocks.push(...this.blocks(key, value, LABELS[key] ?? 0, [], keyLine))
    }
    const failed = this.parseTemplates()
    if (failed) return {ok: false, error: failed}
    return {
      ok: true,
      file: {path: this.path, size: this.text.length, blocks, attributes: new Map()}
    }
  }

  attribute(name: string, line: number, value: JsonNode, template: boolean): HclAttribute {
    return {
      name,
      line,
      endLine: value.endLine,
      expr: this.expr(value, template, name),
      text: this.text.slice(value.start, value.end)
    }
  }

  /** Blocks of `type` under `labels` more object levels (or an array of them). */
  private blocks(
    type: string,
    value: JsonNode,
    labels: number,
    given: string[],
    line: number
  ): HclBlock[] {
    if (value.kind === 'array')
      return value.items.flatMap(item => this.blocks(type, item, labels, given, item.line))
    if (value.kind !== 'object')
      this.fail(value.line, `an object for ${[type, ...given].join(' ')}`)
    if (labels > 0) {
      return value.entries
        .filter(e => e.key !== COMMENT)
        .flatMap(e => this.blocks(type, e.value, labels - 1, [...given, e.key], e.keyLine))
    }
    return [this.block(type, given, value, line)]
  }

  private block(
    type: string,
    labels: string[],
    body: Extract<JsonNode, {kind: 'object'}>,
    line: number
  ): HclBlock {
    const attributes = new Map<string, HclAttribute>()
    const blocks: HclBlock[] = []
    const literal = LITERAL_ARGUMENTS[type]
    for (const {key, keyLine, value} of body.entries) {
      if (key === COMMENT) continue
      const nestedLabels = NESTED_LABELS[key]
      if (nestedLabels === undefined)
        attributes.set(key, this.attribute(key, keyLine, value, !literal?.has(key)))
      if (nestedLabels !== undefined || isBlockLike(value))
        blocks.push(...this.blocks(key, value, nestedLabels ?? 0, [], keyLine))
    }
    return {type, labels, line, endLine: body.endLine, attributes, blocks}
  }

  private expr(node: JsonNode, template: boolean, name: string): Expr {
    switch (node.kind) {
      case 'string': {
        if (!template || !/[$%]\{/.test(node.value)) return {k: 'lit', v: node.value}
        const slot: Expr = {k: 'unknown'}
        this.templates.push({source: node.value, line: node.line, name, slot})
        return slot
      }
      case 'number':
      case 'boolean':
        return {k: 'lit', v: node.value}
      case 'null':
        return {k: 'lit', v: null}
      case 'array':
        return {k: 'tuple', items: node.items.map(item => this.expr(item, template, name))}
      case 'object':
        return {
          k: 'object',
          items: node.entries.map(e => [
            {k: 'lit', v: e.key},
            this.expr(e.value, template, `${name}.${e.key}`)
          ])
        }
    }
  }

  /**
   * Parses every template string of the file in one HCL document (each as a heredoc, whose
   * template rules are those of JSON strings: no backslash escapes) and fills in their slots.
   * Returns the error of the first template that does not parse.
   */
  private parseTemplates(): string | undefined {
    if (this.templates.length === 0) return undefined
    for (const t of this.templates) {
      if (t.source.includes(TEMPLATE_END))
        return `${this.path}:${t.line}: "${t.name}" holds text that cannot be read as a template`
    }
    const heredoc = (t: PendingTemplate, i: number) =>
      `t${i} = <<${TEMPLATE_END}\n${t.source}\n${TEMPLATE_END}\n`
    const batch = parseHcl(this.templates.map(heredoc).join(''), this.path)
    if (!batch.ok) {
      const bad = this.templates.find(t => !parseHcl(heredoc(t, 0), this.path).ok)!
      return `${this.path}:${bad.line}: "${bad.name}" is not a valid template (an interpolation "\${...}" does not parse)`
    }
    this.templates.forEach((t, i) => {
      Object.assign(t.slot, withoutFinalNewline(batch.file.attributes.get(`t${i}`)!.expr))
    })
    return undefined
  }

  private fail(line: number, expected: string): never {
    throw new ShapeError(`${this.path}:${line}: expected ${expected}`)
  }
}

/** An object, or a non-empty array of objects: how JSON syntax writes nested blocks. */
function isBlockLike(value: JsonNode): boolean {
  if (value.kind === 'object') return true
  return (
    value.kind === 'array' && value.items.length > 0 && value.items.every(i => i.kind === 'object')
  )
}

class ShapeError extends Error {}
