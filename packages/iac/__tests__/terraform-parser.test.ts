import {beforeAll, describe, expect, it} from '@jest/globals'
import {UNKNOWN} from '../src/parsers/hcl-expr'
import {initHcl, parseHcl} from '../src/parsers/hcl-syntax'
import {terraformParser} from '../src/parsers/terraform'
import type {TerraformDocument} from '../src/parsers/terraform-module'
import {scanTerraform} from '../src/parsers/terraform-scan'

beforeAll(() => initHcl())

function doc(text: string): TerraformDocument {
  const parsed = terraformParser.parse(text, 'main.tf')
  if (!parsed.ok) throw new Error(parsed.error)
  return parsed.doc
}

/** Evaluates `expr` as the value of attribute `v` in a resource, with optional extra declarations. */
function value(expr: string, decls = ''): unknown {
  return doc(`${decls}\nresource "t" "r" {\n  v = ${expr}\n}\n`).resources[0]!.value('v')
}

describe('HCL expressions', () => {
  it('evaluates literals, collections and templates', () => {
    expect(value('"a\\tb\\"c"')).toBe('a\tb"c')
    expect(value('[1, true, null, "x"]')).toEqual([1, true, null, 'x'])
    expect(value('{a = 1, "b-c" = [2]}')).toEqual({a: 1, 'b-c': [2]})
    expect(value('"x-${1 + 2}-$${literal}"')).toBe('x-3-${literal}')
    expect(value('-2 * 3 >= -6 && !false')).toBe(true)
  })

  it('keeps heredoc text and removes the common indent of <<-', () => {
    expect(value('<<EOT\n  {"a": 1}\nEOT')).toBe('  {"a": 1}\n')
    expect(value('<<-EOT\n    line1\n      line2 ${"x"}\n    EOT')).toBe('line1\n  line2 x\n')
  })

  it('resolves variables, tfvars-free defaults and locals across references', () => {
    const decls =
      'variable "env" {\n  default = "prod"\n}\nlocals {\n  name = "app-${var.env}"\n  tags = merge({a = 1}, {name = local.name})\n}'
    expect(value('local.tags', decls)).toEqual({a: 1, name: 'app-prod'})
    expect(value('var.missing')).toBe(UNKNOWN)
    expect(value('local.loop', 'locals {\n  loop = local.loop\n}')).toBe(UNKNOWN)
  })

  it('evaluates common functions and leaves the rest unknown', () => {
    expect(value('lower(upper("Ab"))')).toBe('ab')
    expect(value('concat([1], [2, 3])')).toEqual([1, 2, 3])
    expect(value('lookup({a = "x"}, "b", "dflt")')).toBe('dflt')
    expect(value('format("%s-%d", "a", 7)')).toBe('a-7')
    expect(value('join(",", ["a", "b"])')).toBe('a,b')
    expect(value('jsonencode({Action = "*"})')).toBe('{"Action":"*"}')
    expect(value('tostring(5)')).toBe('5')
    expect(value('file("policy.json")')).toBe(UNKNOWN)
    expect(value('length(aws_instance.x.tags)')).toBe(UNKNOWN)
  })

  it('evaluates for expressions, splats and conditionals', () => {
    expect(value('[for s in ["a", "", "b"] : upper(s) if s != ""]')).toEqual(['A', 'B'])
    expect(value('{for k, v in {a = 1, b = 2} : v => k}')).toEqual({'1': 'a', '2': 'b'})
    expect(value('[{p = 1}, {p = 2}][*].p')).toEqual([1, 2])
    expect(value('var.unknown ? "x" : "x"')).toBe('x')
    expect(value('var.unknown ? "x" : "y"')).toBe(UNKNOWN)
    expect(value('aws_s3_bucket.b.id')).toBe(UNKNOWN)
  })
})

describe('Terraform model', () => {
  it('gives lines for blocks, attributes and nested blocks', () => {
    const d = doc(
      'resource "aws_instance" "web" {\n  ami = "x"\n  metadata_options {\n    http_tokens = "required"\n  }\n}\n'
    )
    const r = d.resources[0]!
    expect([r.address, r.line, r.endLine, r.attr('ami')!.line]).toEqual([
      'aws_instance.web',
      1,
      6,
      2
    ])
    expect(r.block('metadata_options')!.attr('http_tokens')).toMatchObject({
      line: 4,
      value: 'required'
    })
  })

  it('expands dynamic blocks over a known for_each and keeps one unknown copy otherwise', () => {
    const text = (coll: string) =>
      `resource "aws_security_group" "sg" {\n  dynamic "ingress" {\n    for_each = ${coll}\n    iterator = rule\n    content {\n      from_port = rule.value.port\n    }\n  }\n}\n`
    const known = doc(text('[{port = 22}, {port = 443}]')).resources[0]!.blocks('ingress')
    expect(known.map(b => [b.line, b.value('from_port')])).toEqual([
      [5, 22],
      [5, 443]
    ])
    const unknown = doc(text('var.rules')).resources[0]!.blocks('ingress')
    expect(unknown.map(b => b.value('from_port'))).toEqual([UNKNOWN])
  })

  it('drops resources with count = 0 and expands for_each', () => {
    const d = doc(
      'resource "a" "off" {\n  count = 0\n}\nresource "a" "each" {\n  for_each = {x = "1", y = "2"}\n  v = each.value\n}\n'
    )
    expect(d.resources.map(r => [r.address, r.value('v')])).toEqual([
      ['a.each', '1'],
      ['a.each', '2']
    ])
  })

  it('handles non-ASCII text before an attribute', () => {
    const r = doc('resource "a" "b" {\n  description = "Zürich — ☃"\n  v = "ok"\n}\n').resources[0]!
    expect([r.value('description'), r.attr('v')!.line, r.value('v')]).toEqual([
      'Zürich — ☃',
      3,
      'ok'
    ])
  })
})

describe('bad input', () => {
  it('names the file and line of a syntax error', () => {
    expect(parseHcl('resource "a" "b" {\n  x = 1\n  y = = 2\n}\n', 'infra/main.tf')).toEqual({
      ok: false,
      error: expect.stringMatching(/^infra\/main\.tf:3: syntax error/)
    })
    expect(parseHcl('resource "a" "b" {\n', 'open.tf')).toEqual({
      ok: false,
      error: expect.stringMatching(/^open\.tf:\d+: syntax error/)
    })
  })

  it('keeps scanning the other files of a folder', () => {
    const scan = scanTerraform([
      {path: 'm/bad.tf', text: 'resource "a" {{{'},
      {
        path: 'm/good.tf',
        text: 'variable "x" {\n  default = 1\n}\nresource "t" "r" {\n  v = var.x\n}\n'
      }
    ])
    expect(scan.errors.map(e => e.path)).toEqual(['m/bad.tf'])
    expect(scan.documents.map(d => [d.path, d.resources[0]?.value('v')])).toEqual([
      ['m/good.tf', 1]
    ])
  })

  it('rejects pathologically deep nesting as a file error instead of crashing', () => {
    const deep = `v = ${'['.repeat(20000)}${']'.repeat(20000)}\n`
    const outcome = parseHcl(deep, 'deep.tf')
    expect(outcome.ok).toBe(false)
    expect(outcome.ok ? '' : outcome.error).toMatch(/^deep\.tf: /)
  })

  it('notes a local module source outside the scanned files', () => {
    const scan = scanTerraform([
      {path: 'live/main.tf', text: 'module "net" {\n  source = "../../shared/net"\n}\n'}
    ])
    expect(scan.notes).toEqual([
      'module.net in live: module source ../../shared/net is outside the scanned files'
    ])
  })

  it('does not follow a module cycle forever', () => {
    const scan = scanTerraform([
      {path: 'a/main.tf', text: 'module "b" {\n  source = "../b"\n}\n'},
      {path: 'b/main.tf', text: 'module "a" {\n  source = "../a"\n}\n'}
    ])
    expect(scan.errors).toEqual([])
    expect(scan.documents.length).toBeLessThan(10)
  })
})
