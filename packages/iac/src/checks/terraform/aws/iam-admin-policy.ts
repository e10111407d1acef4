import type {Check, CheckResult} from '../../../check'
import {
  type BlockView,
  type TerraformDocument,
  dataSources,
  resources,
  result,
  strings,
  tf,
  toStringValue
} from '../helpers'
import {type PolicyStatement, asList, isAllow, policyOf} from './policy-json'

const POLICY_RESOURCES = [
  'aws_iam_policy',
  'aws_iam_role_policy',
  'aws_iam_user_policy',
  'aws_iam_group_policy'
]
const isStar = (v: unknown) => v === '*' || v === '*:*'
const isAdmin = (s: PolicyStatement) =>
  isAllow(s) && asList(s.Action).some(isStar) && asList(s.Resource).some(isStar)

export const iamAdminPolicy: Check<TerraformDocument> = {
  id: 'PG-TF-011',
  platform: 'terraform',
  severity: 'high',
  title: 'IAM policy grants full administrative privileges ("*" on "*")',
  description:
    'Action "*" on Resource "*" is account-wide administrator access; whoever holds it can do anything, including erasing audit trails.',
  remediation:
    'Grant only the actions and resources the principal needs; use AWS managed job-function policies as a start.',
  docs: 'https://docs.aws.amazon.com/securityhub/latest/userguide/iam-controls.html#iam-1',
  aliases: ['CKV_AWS_1', 'CKV_AWS_62', 'CKV_AWS_63', 'aws-iam-no-policy-wildcards', 'AVD-AWS-0057'],
  run: doc => {
    const out: CheckResult[] = []
    // A policy built by an aws_iam_policy_document is reported at the document's statement below.
    const check = (r: BlockView, at: BlockView) => {
      const policy = policyOf(doc, at, 'policy')
      if (policy && !policy.document && policy.statements.some(isAdmin))
        out.push(result(r, at.attr('policy')!.line))
    }
    for (const r of resources(doc, ...POLICY_RESOURCES)) check(r, r)
    // aws_iam_role's inline_policy blocks are policies of their own.
    for (const r of resources(doc, 'aws_iam_role'))
      for (const inline of r.blocks('inline_policy')) check(r, inline)
    for (const d of dataSources(doc, 'aws_iam_policy_document')) {
      for (const s of d.blocks('statement')) {
        const effect = toStringValue(s.value('effect')) ?? 'Allow'
        const actions = s.attr('actions')
        const actionList = strings(actions?.value)
        const resourceList = strings(s.value('resources'))
        if (
          effect === 'Allow' &&
          actions &&
          actionList?.some(isStar) &&
          resourceList?.some(isStar)
        ) {
          out.push(result(d, actions.line))
        }
      }
    }
    return out
  },
  fail: {
    ...tf(`resource "aws_iam_policy" "admin" {
  name   = "admin"
  policy = <<-EOF
    {
      "Version": "2012-10-17",
      "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]
    }
  EOF
}

data "aws_iam_policy_document" "admin" {
  statement {
    actions   = ["*"]
    resources = ["*"]
  }
}
`),
    lines: [3, 13]
  },
  pass: tf(`resource "aws_iam_policy" "reader" {
  name = "reader"
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = ["s3:GetObject"], Resource = "arn:aws:s3:::example/*" }]
  })
}

data "aws_iam_policy_document" "deny_all" {
  statement {
    effect    = "Deny"
    actions   = ["*"]
    resources = ["*"]
  }
}
`)
}
