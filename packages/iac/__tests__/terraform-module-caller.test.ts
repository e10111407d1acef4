import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {dirname, join} from 'node:path'
import {afterEach, describe, expect, it} from '@jest/globals'
import {brief, scanDir} from './scan-helper'

const MODULE = `variable "endpoint_public_access" {
  type    = bool
  default = false
}

resource "aws_eks_cluster" "this" {
  name     = "main"
  role_arn = "arn:aws:iam::123456789012:role/eks"
  vpc_config {
    subnet_ids              = ["subnet-1"]
    endpoint_public_access  = var.endpoint_public_access
    endpoint_private_access = true
    public_access_cidrs     = ["0.0.0.0/0"]
  }
  encryption_config {
    resources = ["secrets"]
    provider {
      key_arn = "arn:aws:kms:eu-west-1:123456789012:key/abcd"
    }
  }
  enabled_cluster_log_types = ["api", "audit", "authenticator", "controllerManager", "scheduler"]
}
`

const caller = (value: string) => `module "eks" {
  source                 = "../../modules/eks"
  endpoint_public_access = ${value}
}
`

let dir: string | undefined
afterEach(() => {
  if (dir) rmSync(dir, {recursive: true, force: true})
  dir = undefined
})

function tree(files: Record<string, string>): string {
  dir = mkdtempSync(join(tmpdir(), 'pg-tf-caller-'))
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, dirname(path)), {recursive: true})
    writeFileSync(join(dir, path), text)
  }
  return dir
}

describe("a local module's finding caused by its caller's input", () => {
  it('is reported at the caller, naming the module resource', async () => {
    const report = await scanDir(
      tree({'modules/eks/main.tf': MODULE, 'tests/x/main.tf': caller('true')})
    )
    expect(report.errors).toEqual([])
    expect(brief(report)).toEqual(['tests/x/main.tf:3 PG-TF-023'])
    expect(report.findings[0]!.message).toBe(
      'endpoint_public_access = true in module.eks sets aws_eks_cluster.this in modules/eks/main.tf'
    )
  })

  it('is not reported when the caller passes a safe value', async () => {
    const report = await scanDir(
      tree({'modules/eks/main.tf': MODULE, 'tests/x/main.tf': caller('false')})
    )
    expect(brief(report)).toEqual([])
  })

  it('is placed at the module block when the input reaches the resource through a local', async () => {
    const module = MODULE.replace('var.endpoint_public_access', 'local.public').concat(
      'locals {\n  public = var.endpoint_public_access\n}\n'
    )
    const report = await scanDir(
      tree({'modules/eks/main.tf': module, 'tests/x/main.tf': caller('true')})
    )
    expect(brief(report)).toEqual(['tests/x/main.tf:1 PG-TF-023'])
    expect(report.findings[0]!.message).toBe(
      'module.eks sets aws_eks_cluster.this in modules/eks/main.tf'
    )
  })

  it('stays in the module when the module itself is the cause', async () => {
    const report = await scanDir(
      tree({
        'modules/eks/main.tf': MODULE.replace('var.endpoint_public_access', 'true'),
        'tests/x/main.tf': caller('false')
      })
    )
    expect(brief(report)).toEqual(['modules/eks/main.tf:13 PG-TF-023'])
  })
})
