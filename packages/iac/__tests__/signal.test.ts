import {mkdirSync, mkdtempSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {dirname, join} from 'node:path'
import {describe, expect, it} from '@jest/globals'
import type {ConfigInput} from '@pipeguard/core'
import {brief, scanDir} from './scan-helper'

function workspace(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'pg-iac-signal-'))
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), {recursive: true})
    writeFileSync(join(root, path), text)
  }
  return root
}

const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
spec:
  template:
    spec:
      automountServiceAccountToken: false
      containers:
        - name: app
          image: registry.example.com/web:1.4.2
          securityContext:
            privileged: true
`

async function scan(files: Record<string, string>, config: ConfigInput = {}) {
  return scanDir(workspace(files), config)
}

describe('default profile: hardening items rolled up per resource', () => {
  it('shows an exposure on its own and lists the missing hardening items in one finding', async () => {
    const report = await scan({'k8s/web.yaml': DEPLOYMENT})
    expect(brief(report)).toEqual([
      'k8s/web.yaml:11 PG-IAC-HARDENING',
      'k8s/web.yaml:14 PG-K8S-001'
    ])
    const hardening = report.findings.find(f => f.ruleId === 'PG-IAC-HARDENING')!
    expect(hardening.properties).toMatchObject({resource: 'Deployment/web container app'})
    expect(hardening.properties!.items!.split(',')).toEqual(
      expect.arrayContaining(['PG-K8S-012', 'PG-K8S-013', 'PG-K8S-030', 'PG-K8S-031'])
    )
    expect(hardening.message).toContain('Container has no liveness probe (PG-K8S-030)')
    // Medium items (no CPU limit) make the roll-up medium: it is as visible as its worst item.
    expect(hardening.severity).toBe('medium')
  })

  it('strict shows each item with its own rule id', async () => {
    const report = await scan({'k8s/web.yaml': DEPLOYMENT}, {iac: {profile: 'strict'}})
    const ids = report.findings.map(f => f.ruleId)
    expect(ids).toContain('PG-K8S-030')
    expect(ids).toContain('PG-K8S-012')
    expect(ids).not.toContain('PG-IAC-HARDENING')
  })

  it('an explicit unsafe value is shown; the same setting left unset is a hardening item', async () => {
    const explicit = DEPLOYMENT.replace('privileged: true', 'allowPrivilegeEscalation: true')
    expect(brief(await scan({'k8s/web.yaml': explicit}))).toContain('k8s/web.yaml:14 PG-K8S-002')
    const unset = DEPLOYMENT.replace('privileged: true', 'readOnlyRootFilesystem: true')
    const report = await scan({'k8s/web.yaml': unset})
    expect(brief(report)).toEqual(['k8s/web.yaml:11 PG-IAC-HARDENING'])
    expect(report.findings[0]!.properties!.items).toContain('PG-K8S-002')
  })

  it('iac.hygiene-checks moves a check in or out of the roll-up, by id or alias', async () => {
    const report = await scan(
      {'k8s/web.yaml': DEPLOYMENT},
      {iac: {hygieneChecks: {remove: ['PG-K8S-030'], add: ['CKV_K8S_16']}}}
    )
    // The liveness probe is shown on its own; privileged joins the container's hardening finding.
    expect(brief(report)).toEqual([
      'k8s/web.yaml:11 PG-IAC-HARDENING',
      'k8s/web.yaml:11 PG-K8S-030'
    ])
    const items = report.findings.find(f => f.ruleId === 'PG-IAC-HARDENING')!.properties!.items
    expect(items).toContain('PG-K8S-001')
    expect(items).not.toContain('PG-K8S-030')
  })

  it('a Dockerfile rolls HEALTHCHECK and cache hygiene into one finding and keeps root', async () => {
    const report = await scan({
      Dockerfile: 'FROM debian:12.5\nRUN apt-get update && apt-get install -y curl\n'
    })
    expect(brief(report)).toEqual(['Dockerfile:1 PG-DOCKER-001', 'Dockerfile:1 PG-IAC-HARDENING'])
  })
})

describe('one finding per construct', () => {
  it('an ingress rule open on a port range reports the most severe check once, naming the rest', async () => {
    const tf = `resource "aws_security_group" "admin" {
  ingress {
    from_port   = 20
    to_port     = 3389
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}
`
    const report = await scan({'main.tf': tf})
    expect(brief(report)).toEqual(['main.tf:6 PG-TF-007'])
    expect(report.findings[0]!.message).toContain('also matches PG-TF-008, PG-TF-010')
  })

  it('two rules of one group, SSH and RDP, are two findings', async () => {
    const tf = `resource "aws_security_group" "admin" {
  ingress {
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
  ingress {
    from_port   = 3389
    to_port     = 3389
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}
`
    expect(brief(await scan({'main.tf': tf}))).toEqual([
      'main.tf:12 PG-TF-008',
      'main.tf:6 PG-TF-007'
    ])
  })

  it('a workflow step with several untrusted expressions is one finding; two steps are two', async () => {
    const workflow = `on: pull_request_target
permissions: {}
jobs:
  greet:
    runs-on: ubuntu-latest
    steps:
      - run: |
          echo "\${{ github.event.pull_request.title }}"
          echo "\${{ github.head_ref }}"
      - run: echo "\${{ github.event.pull_request.body }}"
`
    const report = await scan({'.github/workflows/greet.yml': workflow})
    const injections = report.findings.filter(f => f.ruleId === 'PG-GHA-002')
    expect(injections.map(f => [f.location.startLine, f.location.endLine])).toEqual([
      [8, 9],
      [10, 10]
    ])
    expect(injections[0]!.message).toContain('github.head_ref')
    expect(injections[0]!.message).toContain('github.event.pull_request.title')
  })
})

describe('copies of one manifest', () => {
  it('identical resources in several files are one finding listing the other places', async () => {
    const report = await scan({
      'overlays/prod/web.yaml': DEPLOYMENT,
      'overlays/dev/web.yaml': DEPLOYMENT,
      'examples/web.yaml': `# example\n---\n${DEPLOYMENT}`
    })
    const privileged = report.findings.filter(f => f.ruleId === 'PG-K8S-001')
    expect(privileged).toHaveLength(1)
    expect(privileged[0]!.location).toMatchObject({path: 'examples/web.yaml', startLine: 16})
    expect(privileged[0]!.relatedLocations).toEqual([
      {path: 'overlays/dev/web.yaml', startLine: 14, endLine: 14},
      {path: 'overlays/prod/web.yaml', startLine: 14, endLine: 14}
    ])
  })

  it('a copy that differs in its resource is reported on its own', async () => {
    const report = await scan({
      'prod/web.yaml': DEPLOYMENT,
      'dev/web.yaml': DEPLOYMENT.replace('1.4.2', '1.5.0')
    })
    const privileged = report.findings.filter(f => f.ruleId === 'PG-K8S-001')
    expect(privileged.map(f => f.location.path).sort()).toEqual(['dev/web.yaml', 'prod/web.yaml'])
    expect(privileged.every(f => f.relatedLocations === undefined)).toBe(true)
  })

  it('two places of one file are never merged, even with the same message', async () => {
    const dockerfile = `FROM debian:12.5
USER app
RUN apt-get install -y curl
RUN apt-get install -y git
`
    const report = await scan({Dockerfile: dockerfile}, {iac: {profile: 'strict'}})
    expect(brief(report).filter(b => b.endsWith('PG-DOCKER-008'))).toEqual([
      'Dockerfile:3 PG-DOCKER-008',
      'Dockerfile:4 PG-DOCKER-008'
    ])
  })

  it('copied CloudFormation resources in different templates collapse by resource', async () => {
    const bucket = (name: string, extra: string) => `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  ${name}:
    Type: AWS::S3::Bucket
  Site:
    Type: AWS::S3::Bucket
    Properties:
      AccessControl: PublicRead
${extra}`
    const report = await scan({
      'a/template.yaml': bucket('Logs', ''),
      'b/template.yaml': bucket('Audit', '  Other:\n    Type: AWS::SNS::Topic\n')
    })
    const acl = report.findings.filter(f => f.ruleId === 'PG-CFN-002')
    expect(acl).toHaveLength(1)
    expect(acl[0]!.relatedLocations).toEqual([{path: 'b/template.yaml', startLine: 8, endLine: 8}])
  })
})
