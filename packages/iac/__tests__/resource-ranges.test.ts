import {mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterAll, describe, expect, it} from '@jest/globals'
import {scanDir} from './scan-helper'

const K8S = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    spec:
      containers:
        - name: app
          image: nginx:1.27
---
apiVersion: v1
kind: Pod
metadata:
  name: tool
spec:
  containers:
    - name: tool
      image: busybox:1.36
`

const CFN = `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Logs:
    Type: AWS::S3::Bucket
    Properties:
      BucketName: logs
  Data:
    Type: AWS::S3::Bucket
`

const TF = `resource "aws_s3_bucket" "a" {
  bucket = "a"
  acl    = "public-read"
}

resource "aws_s3_bucket" "b" {
  bucket = "b"
}
`

const SG = (name: string, cidrs: string): string => `resource "aws_security_group" "${name}" {
  name = "${name}"
  ingress {
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = ${cidrs}
  }
}
`

describe('Terraform findings carry where their values came from', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pg-iac-origins-'))
  afterAll(() => rmSync(dir, {recursive: true, force: true}))
  writeFileSync(join(dir, 'main.tf'), SG('web', 'local.ssh_from') + SG('db', '["0.0.0.0/0"]'))
  writeFileSync(join(dir, 'locals.tf'), 'locals {\n  ssh_from = [var.admin_cidr]\n}\n')
  writeFileSync(join(dir, 'variables.tf'), 'variable "admin_cidr" {\n  default = "10.0.0.0/8"\n}\n')
  writeFileSync(join(dir, 'terraform.tfvars'), 'admin_cidr = "0.0.0.0/0"\n')

  it('a value read through a local and a tfvars names both lines; a literal names none', async () => {
    const report = await scanDir(dir)
    const origins = (line: number): string[] => [
      ...new Set(
        report.findings
          .filter(f => f.location.path === 'main.tf' && f.location.startLine === line)
          .flatMap(f => (f.valueOrigins ?? []).map(o => `${o.path}:${o.startLine}`))
      )
    ]
    expect(report.findings.some(f => f.location.startLine === 7)).toBe(true)
    // The tfvars value wins over the default, so the default is not where it came from.
    expect(origins(7).sort()).toEqual(['locals.tf:2', 'terraform.tfvars:1'])
    expect(report.findings.some(f => f.location.startLine === 16)).toBe(true)
    expect(origins(16)).toEqual([])
  })
})

describe('IaC findings carry the line range of their resource', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pg-iac-ranges-'))
  afterAll(() => rmSync(dir, {recursive: true, force: true}))
  writeFileSync(join(dir, 'k8s.yaml'), K8S)
  writeFileSync(join(dir, 'stack.yaml'), CFN)
  writeFileSync(join(dir, 'main.tf'), TF)

  it('each finding names the block of the object it is about, never a neighbour', async () => {
    const report = await scanDir(dir)
    const blocks = (path: string, line: number): Array<string | undefined> => [
      ...new Set(
        report.findings
          .filter(f => f.location.path === path && f.location.startLine === line)
          .map(f => f.block && `${f.block.startLine}-${f.block.endLine}`)
      )
    ]
    // The Deployment's container (line 9) and the Pod's (line 18) fall in their own documents.
    expect(blocks('k8s.yaml', 9)).toEqual(['1-10'])
    expect(blocks('k8s.yaml', 18)).toEqual(['12-19'])
    // CloudFormation: each logical id to the end of its mapping.
    expect(blocks('stack.yaml', 3)).toEqual(['3-6'])
    expect(blocks('stack.yaml', 7)).toEqual(['7-8'])
    // Terraform: the resource block, from its header to its closing brace.
    expect(blocks('main.tf', 3)).toEqual(['1-4'])
    expect(blocks('main.tf', 6)).toEqual(['6-8'])
  })
})
