import type {Check} from '../../../check'
import {blockFlagCheck} from '../attribute-check'
import {type TerraformDocument, tf} from '../helpers'

export const ecrScanOnPush: Check<TerraformDocument> = blockFlagCheck({
  id: 'PG-TF-030',
  platform: 'terraform',
  severity: 'medium',
  title: 'ECR repository does not scan images on push',
  description:
    'Images with known vulnerabilities are stored and deployed without anyone being told.',
  remediation:
    'Add image_scanning_configuration { scan_on_push = true } (or enhanced scanning for the registry).',
  docs: 'https://docs.aws.amazon.com/securityhub/latest/userguide/ecr-controls.html#ecr-1',
  aliases: ['CKV_AWS_163', 'aws-ecr-enable-image-scans', 'AVD-AWS-0030'],
  resourceTypes: ['aws_ecr_repository'],
  block: 'image_scanning_configuration',
  attribute: 'scan_on_push',
  fail: {
    ...tf(`resource "aws_ecr_repository" "app" {
  name                 = "app"
  image_tag_mutability = "IMMUTABLE"
  image_scanning_configuration {
    scan_on_push = false
  }
}
`),
    lines: [5]
  },
  pass: tf(`resource "aws_ecr_repository" "app" {
  name                 = "app"
  image_tag_mutability = "IMMUTABLE"
  image_scanning_configuration {
    scan_on_push = true
  }
}
`)
})
