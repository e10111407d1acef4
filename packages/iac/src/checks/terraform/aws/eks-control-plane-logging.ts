import type {Check} from '../../../check'
import {type TerraformDocument, resources, result, strings, tf} from '../helpers'

const REQUIRED = ['api', 'audit', 'authenticator']

export const eksControlPlaneLogging: Check<TerraformDocument> = {
  id: 'PG-TF-025',
  platform: 'terraform',
  hygiene: 'always',
  severity: 'low',
  title: 'EKS control plane audit logging is incomplete',
  description:
    'Without the api, audit and authenticator logs there is no record of who did what in the cluster.',
  remediation:
    'Set enabled_cluster_log_types = ["api", "audit", "authenticator", "controllerManager", "scheduler"].',
  docs: 'https://docs.aws.amazon.com/eks/latest/userguide/control-plane-logs.html',
  aliases: ['CKV_AWS_37', 'aws-eks-enable-control-plane-logging', 'AVD-AWS-0038'],
  run: doc =>
    resources(doc, 'aws_eks_cluster').flatMap(r => {
      const a = r.attr('enabled_cluster_log_types')
      if (!a) return [result(r)]
      const types = strings(a.value)
      const missing = types && REQUIRED.filter(t => !types.includes(t))
      return missing?.length
        ? [
            result(
              r,
              a.line,
              `EKS control plane logs missing: ${missing.join(', ')} (${r.address})`
            )
          ]
        : []
    }),
  fail: {
    ...tf(`resource "aws_eks_cluster" "main" {
  name                      = "main"
  role_arn                  = "arn:aws:iam::123456789012:role/eks"
  enabled_cluster_log_types = ["api"]
}
`),
    lines: [4]
  },
  pass: tf(`resource "aws_eks_cluster" "main" {
  name                      = "main"
  role_arn                  = "arn:aws:iam::123456789012:role/eks"
  enabled_cluster_log_types = ["api", "audit", "authenticator"]
}
`)
}
