import type {Check} from '../../../check'
import {type TerraformDocument, resources, result, tf, toStringValue} from '../helpers'

export const cloudfrontViewerProtocol: Check<TerraformDocument> = {
  id: 'PG-TF-037',
  platform: 'terraform',
  severity: 'medium',
  title: 'CloudFront allows viewers to use plain HTTP',
  description:
    'viewer_protocol_policy = "allow-all" serves content and cookies over unencrypted HTTP.',
  remediation:
    'Use viewer_protocol_policy = "redirect-to-https" or "https-only" in every cache behavior.',
  docs: 'https://docs.aws.amazon.com/securityhub/latest/userguide/cloudfront-controls.html#cloudfront-3',
  aliases: ['CKV_AWS_34', 'aws-cloudfront-enforce-https', 'AVD-AWS-0012'],
  run: doc =>
    resources(doc, 'aws_cloudfront_distribution').flatMap(r =>
      [...r.blocks('default_cache_behavior'), ...r.blocks('ordered_cache_behavior')].flatMap(b => {
        const policy = b.attr('viewer_protocol_policy')
        return policy && toStringValue(policy.value) === 'allow-all' ? [result(r, policy.line)] : []
      })
    ),
  fail: {
    ...tf(`resource "aws_cloudfront_distribution" "cdn" {
  enabled = true
  default_cache_behavior {
    target_origin_id       = "web"
    viewer_protocol_policy = "allow-all"
  }
}
`),
    lines: [5]
  },
  pass: tf(`resource "aws_cloudfront_distribution" "cdn" {
  enabled = true
  default_cache_behavior {
    target_origin_id       = "web"
    viewer_protocol_policy = "redirect-to-https"
  }
}
`)
}
