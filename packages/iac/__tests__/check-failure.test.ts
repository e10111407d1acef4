import {mkdtempSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {describe, expect, it} from '@jest/globals'
import type {RunnableCheck} from '../src/engine'
import {sgOpenSsh} from '../src/checks/terraform/aws/sg-open-ssh'
import {privilegedContainer} from '../src/checks/kubernetes/privileged-container'
import type {TerraformDocument} from '../src/parsers/terraform-module'
import {createIacScanner} from '../src/scanner'
import {brief, scanDir} from './scan-helper'

const META = {
  severity: 'high',
  title: 'Throws',
  description: 'A check with a bug.',
  remediation: 'Fix the check.',
  docs: ''
} as const

/** Reads the second resource, then fails the way a check with a bug does. */
const throwingTf: RunnableCheck = {
  ...META,
  id: 'PG-TEST-001',
  platform: 'terraform',
  run: doc => {
    const [, second] = (doc as TerraformDocument).resources
    second!.value('name')
    throw new TypeError("Cannot read properties of undefined (reading 'from_port')")
  }
}

const throwingK8s: RunnableCheck = {
  ...META,
  id: 'PG-TEST-002',
  platform: 'kubernetes',
  run: () => {
    throw new Error('boom')
  }
}

const SG = (name: string, cidr: string) =>
  `resource "aws_security_group" "${name}" {\n  name = "${name}"\n  ingress {\n    from_port   = 22\n    to_port     = 22\n    protocol    = "tcp"\n    cidr_blocks = ["${cidr}"]\n  }\n}\n`

describe('a check that throws', () => {
  it('is an error of the file naming the check and resource; the other checks still report', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pg-iac-'))
    writeFileSync(join(dir, 'main.tf'), SG('internal', '10.0.0.0/8') + SG('open', '0.0.0.0/0'))
    writeFileSync(
      join(dir, 'pod.yaml'),
      'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: c\n      image: nginx:1.27\n      securityContext:\n        privileged: true\n'
    )
    const scanner = createIacScanner([throwingTf, sgOpenSsh, throwingK8s, privilegedContainer])
    const report = await scanDir(dir, {}, scanner)
    expect(report.errors).toEqual([
      {
        scanner: 'iac',
        path: 'main.tf',
        message:
          "main.tf: check PG-TEST-001 failed on aws_security_group.open: Cannot read properties of undefined (reading 'from_port'); results for this file are incomplete"
      },
      {
        scanner: 'iac',
        path: 'pod.yaml',
        message: 'pod.yaml: check PG-TEST-002 failed: boom; results for this file are incomplete'
      }
    ])
    expect(brief(report)).toEqual(['main.tf:16 PG-TF-007', 'pod.yaml:10 PG-K8S-001'])
  })

  it('leaves no error when no check throws', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pg-iac-'))
    writeFileSync(join(dir, 'main.tf'), SG('open', '0.0.0.0/0'))
    const report = await scanDir(dir, {}, createIacScanner([sgOpenSsh]))
    expect(report.errors).toEqual([])
    expect(brief(report)).toEqual(['main.tf:7 PG-TF-007'])
  })
})
