import {readFileSync} from 'node:fs'
import {beforeAll, describe, expect, it} from '@jest/globals'
import {loadPolicyFile} from '../src/custom-policy'
import type {RunnableCheck} from '../src/engine'
import {kubernetesParser} from '../src/parsers/kubernetes'
import {terraformParser} from '../src/parsers/terraform'

const POLICY_FILE = 'test/fixtures/iac/policies/acme.yml'
let checks: RunnableCheck[]

beforeAll(async () => {
  await terraformParser.init!()
  const loaded = loadPolicyFile(readFileSync(POLICY_FILE, 'utf8'), POLICY_FILE)
  if (!loaded.ok) throw new Error(loaded.error)
  checks = loaded.checks
})

function runTf(id: string, text: string): number[] {
  const parsed = terraformParser.parse(text, 'main.tf')
  if (!parsed.ok) throw new Error(parsed.error)
  return checks
    .find(c => c.id === id)!
    .run(parsed.doc)
    .map(r => r.line)
}

describe('custom YAML policies', () => {
  it('exists: a missing attribute fails at the block, a present one passes', () => {
    expect(runTf('ACME-001', 'resource "aws_s3_bucket" "a" {\n  bucket = "a"\n}\n')).toEqual([1])
    expect(
      runTf('ACME-001', 'resource "aws_s3_bucket" "a" {\n  tags = {owner = "web"}\n}\n')
    ).toEqual([])
  })

  it('in: a value outside the list fails at the attribute; an unknown value is no finding', () => {
    expect(
      runTf(
        'ACME-002',
        'resource "aws_instance" "a" {\n  ami = "x"\n  instance_type = "m5.24xlarge"\n}\n'
      )
    ).toEqual([3])
    expect(
      runTf('ACME-002', 'resource "aws_instance" "a" {\n  instance_type = "t3.small"\n}\n')
    ).toEqual([])
    expect(
      runTf('ACME-002', 'resource "aws_instance" "a" {\n  instance_type = var.size\n}\n')
    ).toEqual([])
  })

  it('walks nested blocks and [*] lists', () => {
    const sg = (cidr: string) =>
      `resource "aws_security_group" "a" {\n  ingress {\n    from_port = 22\n    cidr_blocks = ["10.0.0.0/8", "${cidr}"]\n  }\n}\n`
    expect(runTf('ACME-003', sg('0.0.0.0/0'))).toEqual([4])
    expect(runTf('ACME-003', sg('192.168.0.0/16'))).toEqual([])
  })

  it('matches on Kubernetes objects with a linear-time regex', () => {
    const yaml = (image: string) =>
      `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n      containers:\n        - name: web\n          image: ${image}\n`
    const check = checks.find(c => c.id === 'ACME-004')!
    const run = (text: string) => {
      const parsed = kubernetesParser.parse(text, 'deploy.yaml')
      if (!parsed.ok) throw new Error(parsed.error)
      return check.run(parsed.doc).map(r => r.line)
    }
    expect(run(yaml('docker.io/library/nginx:1.27'))).toEqual([10])
    expect(run(yaml('registry.example.com/web:1.2.3'))).toEqual([])
  })

  it('rejects bad policy files naming the file and the key', () => {
    const bad = (text: string) => loadPolicyFile(text, 'policies/bad.yml')
    expect(bad('policies:\n  - id: X-1\n    platform: terraform\n')).toEqual({
      ok: false,
      error: expect.stringMatching(/^policies\/bad\.yml: policies\.0\.resource: /)
    })
    const base =
      'policies:\n  - id: X-1\n    platform: terraform\n    resource: aws_s3_bucket\n    attribute: acl\n    severity: high\n    title: t\n    remediation: r\n'
    expect(bad(base + '    operator: equals\n')).toEqual({
      ok: false,
      error: 'policies/bad.yml: policies.0.value: operator "equals" needs a value'
    })
    expect(bad(base + '    operator: bigger\n')).toEqual({
      ok: false,
      error: expect.stringMatching(/^policies\/bad\.yml: policies\.0\.operator: /)
    })
    expect(bad(base + '    operator: matches\n    value: "(unclosed"\n')).toEqual({
      ok: false,
      error: expect.stringMatching(/^policies\/bad\.yml: policy X-1: value: invalid regex/)
    })
    expect(bad('policies: [\n')).toEqual({
      ok: false,
      error: expect.stringMatching(/^policies\/bad\.yml: not valid YAML/)
    })
  })
})
