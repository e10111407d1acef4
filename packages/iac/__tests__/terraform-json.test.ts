import {mkdtempSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {beforeAll, describe, expect, it} from '@jest/globals'
import type {CheckExample} from '../src/check'
import {CHECKS} from '../src/checks/index'
import type {Expr} from '../src/parsers/hcl-expr'
import {UNKNOWN} from '../src/parsers/hcl-expr'
import {type HclBlock, type HclFile, initHcl, parseHcl} from '../src/parsers/hcl-syntax'
import {MAX_JSON_DEPTH} from '../src/parsers/json-positions'
import {terraformParser} from '../src/parsers/terraform'
import {filesFor, toolsFor} from '../src/parsers/terraform-files'
import type {TerraformDocument} from '../src/parsers/terraform-module'
import {scanTerraform} from '../src/parsers/terraform-scan'
import {brief, scanDir} from './scan-helper'

beforeAll(() => initHcl())

function doc(text: string, path = 'main.tf.json'): TerraformDocument {
  const parsed = terraformParser.parse(text, path)
  if (!parsed.ok) throw new Error(parsed.error)
  return parsed.doc
}

function error(text: string, path = 'main.tf.json'): string {
  const parsed = terraformParser.parse(text, path)
  if (parsed.ok) throw new Error('parsed')
  return parsed.error
}

const SG_JSON = `{
  "//": "written by a generator",
  "variable": {
    "cidr": {"default": "\${not.a.template}"}
  },
  "locals": {
    "open": ["0.0.0.0/0"],
    "port": "\${22}"
  },
  "resource": {
    "aws_security_group": {
      "web": {
        "name": "web-\${local.port}",
        "ingress": [
          {"from_port": "\${local.port}", "to_port": 22, "protocol": "tcp", "cidr_blocks": "\${local.open}"},
          {"from_port": 443, "to_port": 443, "protocol": "tcp", "cidr_blocks": ["10.0.0.0/8"]}
        ],
        "dynamic": {
          "egress": {
            "for_each": "\${[\\"a\\", \\"b\\"]}",
            "content": {"description": "\${egress.value}", "cidr_blocks": "\${var.cidr}"}
          }
        }
      }
    }
  }
}
`

describe('Terraform JSON syntax', () => {
  it('reads blocks, arguments and nested blocks with their lines', () => {
    const d = doc(SG_JSON)
    const sg = d.resources[0]!
    expect(sg.address).toBe('aws_security_group.web')
    expect([sg.line, sg.endLine]).toEqual([12, 24])
    const [first, second] = sg.blocks('ingress')
    expect(first!.attr('cidr_blocks')).toMatchObject({line: 15, value: ['0.0.0.0/0']})
    expect(second!.line).toBe(16)
    expect(sg.value('ingress')).toHaveLength(2)
  })

  it('evaluates strings as templates (a lone interpolation keeps its type) except a variable default', () => {
    const sg = doc(SG_JSON).resources[0]!
    expect(sg.value('name')).toBe('web-22')
    expect(sg.blocks('ingress')[0]!.value('from_port')).toBe(22)
    const egress = sg.blocks('egress')
    expect(egress.map(e => e.value('description'))).toEqual(['a', 'b'])
    expect(egress[0]!.value('cidr_blocks')).toBe('${not.a.template}')
  })

  it('accepts arrays at every level, as generators (CDKTF) write them', () => {
    const d = doc(`{
  "data": [{"aws_caller_identity": {"current": {}}}],
  "resource": [
    {"aws_s3_bucket": {"a": [{"bucket": "a"}]}},
    {"aws_s3_bucket": {"b": {"bucket": "b", "acl": "public-read"}}}
  ]
}`)
    expect(d.data.map(r => r.address)).toEqual(['data.aws_caller_identity.current'])
    expect(d.resources.map(r => [r.address, r.line])).toEqual([
      ['aws_s3_bucket.a', 4],
      ['aws_s3_bucket.b', 5]
    ])
  })

  it('keeps literal "$${" and "%%{" escapes as text and leaves directives unknown', () => {
    const d = doc(
      '{"resource": {"t": {"r": {"a": "$${x}", "b": "%{ if true }y%{ endif }", "c": "x\\ny"}}}}'
    )
    const r = d.resources[0]!
    expect(r.value('a')).toBe('${x}')
    expect(r.value('b')).toBe(UNKNOWN)
    expect(r.value('c')).toBe('x\ny')
  })

  it('reads terraform.tfvars.json values literally and applies them', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pg-iac-'))
    writeFileSync(
      join(dir, 'main.tf.json'),
      '{\n  "variable": {"public": {"default": false}},\n  "resource": {\n    "aws_db_instance": {\n      "main": {\n        "storage_encrypted": true,\n        "deletion_protection": true,\n        "publicly_accessible": "${var.public}"\n      }\n    }\n  }\n}\n'
    )
    expect(brief(await scanDir(dir))).toEqual([])
    writeFileSync(join(dir, 'terraform.tfvars.json'), '{"public": true}\n')
    expect(brief(await scanDir(dir))).toEqual(['main.tf.json:8 PG-TF-012'])
    // Terraform loads *.auto.tfvars.json after terraform.tfvars.json: the later one wins.
    writeFileSync(join(dir, 'z.auto.tfvars.json'), '{"public": false}\n')
    expect(brief(await scanDir(dir))).toEqual([])
  })

  describe('bad input', () => {
    it.each([
      [
        '{"resource": {"t": {"r": {"a": 1,}}}}',
        /^main\.tf\.json:1: expected a property name in double quotes, found "}"$/
      ],
      [
        '{\n  "resource": {\n    "t": {"r": {"a": 1}\n  }\n',
        /^main\.tf\.json:5: expected ',' or '}' after the property, found the end of the file$/
      ],
      ['{"a": "x\n"}', /^main\.tf\.json:1: expected the end of the string/],
      ['[]', /^main\.tf\.json:1: expected an object at the top level$/],
      [
        '{\n"resource": {"t": {"r": "x"}}}',
        /^main\.tf\.json:2: expected an object for resource t r$/
      ],
      ['{"locals": {\n  "a": "${var.x"\n}}', /^main\.tf\.json:2: "a" is not a valid template/],
      ['['.repeat(MAX_JSON_DEPTH + 2), /nested deeper than 256 levels/]
    ])('%j is a file error naming the line', (text, message) => {
      expect(error(text)).toMatch(message)
    })

    it('reports a broken .tfvars.json and still scans the folder', () => {
      const scan = scanTerraform([
        {path: 'infra/main.tf', text: 'resource "aws_s3_bucket" "b" {\n  acl = var.acl\n}\n'},
        {path: 'infra/terraform.tfvars.json', text: '{"acl": "public-read",}'}
      ])
      expect(scan.errors).toEqual([
        {
          path: 'infra/terraform.tfvars.json',
          message:
            'infra/terraform.tfvars.json:1: expected a property name in double quotes, found "}"'
        }
      ])
      expect(scan.documents.map(d => d.path)).toEqual(['infra/main.tf'])
    })
  })
})

describe('OpenTofu files', () => {
  it('.tofu replaces the .tf of the same name for OpenTofu only; Terraform ignores .tofu', () => {
    const files = ['a.tf', 'a.tofu', 'b.tf', 'c.tf.json', 'c.tofu.json', 'd.tofu'].map(path => ({
      path
    }))
    expect(toolsFor(files)).toEqual(['terraform', 'opentofu'])
    expect(filesFor(files, 'terraform').map(f => f.path)).toEqual(['a.tf', 'b.tf', 'c.tf.json'])
    expect(filesFor(files, 'opentofu').map(f => f.path)).toEqual([
      'a.tofu',
      'b.tf',
      'c.tofu.json',
      'd.tofu'
    ])
    expect(toolsFor([{path: 'a.tf'}, {path: 'b.tf.json'}])).toEqual(['terraform'])
  })

  it('checks each file as the tool that reads it evaluates it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pg-iac-'))
    const db = (publicly: string) =>
      `resource "aws_db_instance" "db" {\n  storage_encrypted   = true\n  deletion_protection = true\n  publicly_accessible = ${publicly}\n}\n`
    writeFileSync(join(dir, 'variables.tf'), 'variable "open" {\n  default = false\n}\n')
    writeFileSync(join(dir, 'variables.tofu'), 'variable "open" {\n  default = true\n}\n')
    writeFileSync(join(dir, 'db.tf'), db('var.open'))
    writeFileSync(join(dir, 'db.tofu'), db('true'))
    // db.tf under Terraform reads open = false; db.tofu under OpenTofu is public.
    expect(brief(await scanDir(dir))).toEqual(['db.tofu:4 PG-TF-012'])
    writeFileSync(join(dir, 'extra.tf'), db('var.open').replace('"db"', '"extra"'))
    // extra.tf is read by both tools: OpenTofu's default makes it public.
    expect(brief(await scanDir(dir))).toEqual(['db.tofu:4 PG-TF-012', 'extra.tf:4 PG-TF-012'])
  })
})

/** Writes a parsed HCL file in Terraform's JSON syntax (non-literal expressions as "${...}"). */
function toJsonSyntax(file: HclFile): string {
  const literal = (e: Expr): {v: unknown} | undefined => {
    if (e.k === 'lit') return {v: typeof e.v === 'string' ? e.v.replace(/([$%])\{/g, '$1$1{') : e.v}
    if (e.k === 'tuple') {
      const items = e.items.map(literal)
      return items.every(Boolean) ? {v: items.map(i => i!.v)} : undefined
    }
    return undefined
  }
  const value = (e: Expr, text: string) => (literal(e) ?? {v: `\${${text}}`}).v
  const body = (b: HclBlock): Record<string, unknown> => {
    const out: Record<string, unknown> = {}
    for (const a of b.attributes.values()) out[a.name] = value(a.expr, a.text)
    for (const child of b.blocks) {
      const entry = child.type === 'dynamic' ? {[child.labels[0]!]: body(child)} : body(child)
      out[child.type] = [...((out[child.type] as unknown[]) ?? []), entry]
    }
    return out
  }
  const root: Record<string, Record<string, unknown>> = {}
  for (const b of file.blocks) {
    const top = (root[b.type] ??= {})
    if (b.type === 'locals') Object.assign(top, body(b))
    else if (b.labels.length === 2)
      ((top[b.labels[0]!] ??= {}) as Record<string, unknown>)[b.labels[1]!] = body(b)
    else top[b.labels[0]!] = body(b)
  }
  return JSON.stringify(root, null, 2)
}

function findings(
  example: CheckExample,
  json: boolean,
  run: (d: TerraformDocument) => Array<{resource?: string; message?: string}>
) {
  const parsed = parseHcl(example.text, example.fileName)
  if (!parsed.ok) throw new Error(parsed.error)
  const text = json ? toJsonSyntax(parsed.file) : example.text
  return run(doc(text, json ? 'main.tf.json' : 'main.tf'))
    .map(r => `${r.resource} ${r.message ?? ''}`)
    .sort()
}

describe('every Terraform check, on its examples rewritten in JSON syntax', () => {
  const checks = CHECKS.filter(c => c.platform === 'terraform')
  it.each(checks.map(c => [c.id, c] as const))('%s reports the same findings', (_id, check) => {
    const run = (d: TerraformDocument) => check.run(d)
    const fail = findings(check.fail, true, run)
    expect(fail).toEqual(findings(check.fail, false, run))
    expect(fail.length).toBeGreaterThan(0)
    expect(findings(check.pass, true, run)).toEqual([])
  })
})
