import type {Check} from '../../../check'
import {type TerraformDocument, isTrue, resources, result, tf, toStringValue} from '../helpers'

const OUTDATED = new Set(['SSLv3', 'TLSv1', 'TLSv1_2016', 'TLSv1.1_2016'])

export const cloudfrontMinTls: Check<TerraformDocument> = {
  id: 'PG-TF-038',
  platform: 'terraform',
  severity: 'medium',
  title: 'CloudFront accepts TLS versions older than 1.2',
  description:
    'TLS 1.0 and 1.1 have known weaknesses and are rejected by current compliance baselines.',
  remediation: 'Use a custom certificate with minimum_protocol_version = "TLSv1.2_2021".',
  docs: 'https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/secure-connections-supported-viewer-protocols-ciphers.html',
  aliases: ['CKV_AWS_174', 'aws-cloudfront-use-secure-tls-policy', 'AVD-AWS-0013'],
  run: doc =>
    resources(doc, 'aws_cloudfront_distribution').flatMap(r => {
      const cert = r.block('viewer_certificate')
      if (!cert) return []
      const min = cert.attr('minimum_protocol_version')
      if (min) {
        const value = toStringValue(min.value)
        return value && OUTDATED.has(value) ? [result(r, min.line)] : []
      }
      // The default certificate is fixed at TLSv1; a custom one without a minimum also defaults to TLSv1.
      const custom = cert.has('acm_certificate_arn') || cert.has('iam_certificate_id')
      return custom || isTrue(cert.value('cloudfront_default_certificate'))
        ? [result(r, cert.line)]
        : []
    }),
  fail: {
    ...tf(`resource "aws_cloudfront_distribution" "cdn" {
  enabled = true
  viewer_certificate {
    acm_certificate_arn      = "arn:aws:acm:us-east-1:123456789012:certificate/abcd"
    ssl_support_method       = "sni-only"
    minimum_protocol_version = "TLSv1"
  }
}
`),
    lines: [6]
  },
  pass: tf(`resource "aws_cloudfront_distribution" "cdn" {
  enabled = true
  viewer_certificate {
    acm_certificate_arn      = "arn:aws:acm:us-east-1:123456789012:certificate/abcd"
    ssl_support_method       = "sni-only"
    minimum_protocol_version = "TLSv1.2_2021"
  }
}
`)
}
