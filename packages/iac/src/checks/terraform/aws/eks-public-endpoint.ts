import type {Check} from '../../../check'
import {type TerraformDocument, isFalse, isWorld, resources, result, strings, tf} from '../helpers'

export const eksPublicEndpoint: Check<TerraformDocument> = {
  id: 'PG-TF-023',
  platform: 'terraform',
  severity: 'high',
  title: 'EKS API endpoint is open to the internet',
  description:
    'The Kubernetes API is public by default and reachable from any address; one leaked token or API bug is then enough.',
  remediation:
    'Set endpoint_public_access = false, or restrict public_access_cidrs to known ranges.',
  docs: 'https://docs.aws.amazon.com/eks/latest/userguide/cluster-endpoint.html',
  aliases: [
    'CKV_AWS_38',
    'CKV_AWS_39',
    'aws-eks-no-public-cluster-access',
    'aws-eks-no-public-cluster-access-to-cidr',
    'AVD-AWS-0040'
  ],
  run: doc =>
    resources(doc, 'aws_eks_cluster').flatMap(r => {
      const vpc = r.block('vpc_config')
      if (!vpc) return []
      const access = vpc.attr('endpoint_public_access')
      if (access && isFalse(access.value)) return []
      const cidrs = vpc.attr('public_access_cidrs')
      if (!cidrs) return [result(r, access?.line ?? vpc.line)]
      return strings(cidrs.value)?.some(isWorld) ? [result(r, cidrs.line)] : []
    }),
  fail: {
    ...tf(`resource "aws_eks_cluster" "main" {
  name     = "main"
  role_arn = "arn:aws:iam::123456789012:role/eks"
  vpc_config {
    subnet_ids             = ["subnet-1", "subnet-2"]
    endpoint_public_access = true
  }
}
`),
    lines: [6]
  },
  pass: tf(`resource "aws_eks_cluster" "main" {
  name     = "main"
  role_arn = "arn:aws:iam::123456789012:role/eks"
  vpc_config {
    subnet_ids              = ["subnet-1", "subnet-2"]
    endpoint_private_access = true
    endpoint_public_access  = false
  }
}
`)
}
