import type {Check} from '../../../check'
import {type TerraformDocument, resources, result, strings, tf} from '../helpers'

export const eksSecretsEncryption: Check<TerraformDocument> = {
  id: 'PG-TF-024',
  platform: 'terraform',
  severity: 'medium',
  title: 'EKS secrets are not envelope-encrypted with KMS',
  description:
    'Without encryption_config, Kubernetes Secrets sit in etcd protected only by the default EBS encryption.',
  remediation: 'Add encryption_config { resources = ["secrets"] provider { key_arn = ... } }.',
  docs: 'https://docs.aws.amazon.com/eks/latest/userguide/enable-kms.html',
  aliases: ['CKV_AWS_58', 'aws-eks-encrypt-secrets', 'AVD-AWS-0039'],
  run: doc =>
    resources(doc, 'aws_eks_cluster').flatMap(r => {
      const configs = r.blocks('encryption_config')
      if (configs.length === 0) return [result(r)]
      const kinds = configs.map(c => strings(c.value('resources')))
      if (kinds.some(k => k === undefined)) return []
      return kinds.some(k => k!.includes('secrets')) ? [] : [result(r, configs[0]!.line)]
    }),
  fail: {
    ...tf(`resource "aws_eks_cluster" "main" {
  name     = "main"
  role_arn = "arn:aws:iam::123456789012:role/eks"
  vpc_config {
    subnet_ids = ["subnet-1", "subnet-2"]
  }
}
`),
    lines: [1]
  },
  pass: tf(`resource "aws_eks_cluster" "main" {
  name     = "main"
  role_arn = "arn:aws:iam::123456789012:role/eks"
  vpc_config {
    subnet_ids = ["subnet-1", "subnet-2"]
  }
  encryption_config {
    resources = ["secrets"]
    provider {
      key_arn = "arn:aws:kms:eu-west-1:123456789012:key/abcd"
    }
  }
}
`)
}
