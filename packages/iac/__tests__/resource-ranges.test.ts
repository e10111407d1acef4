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
