import type {Check} from '../../../check'
import {type TerraformDocument, resources, result, tf, toStringValue} from '../helpers'

export const ecrImmutableTags: Check<TerraformDocument> = {
  id: 'PG-TF-031',
  platform: 'terraform',
  hygiene: 'always',
  severity: 'medium',
  title: 'ECR repository allows tags to be overwritten',
  description:
    'With mutable tags a push can silently replace the image a deployment refers to by tag.',
  remediation: 'Set image_tag_mutability = "IMMUTABLE" and deploy by digest.',
  docs: 'https://docs.aws.amazon.com/AmazonECR/latest/userguide/image-tag-mutability.html',
  aliases: ['CKV_AWS_51', 'aws-ecr-enforce-immutable-repository', 'AVD-AWS-0031'],
  run: doc =>
    resources(doc, 'aws_ecr_repository').flatMap(r => {
      const a = r.attr('image_tag_mutability')
      if (!a) return [result(r)]
      return toStringValue(a.value) === 'MUTABLE' ? [result(r, a.line)] : []
    }),
  fail: {
    ...tf(`resource "aws_ecr_repository" "app" {
  name                 = "app"
  image_tag_mutability = "MUTABLE"
}
`),
    lines: [3]
  },
  pass: tf(`resource "aws_ecr_repository" "app" {
  name                 = "app"
  image_tag_mutability = "IMMUTABLE"
}
`)
}
