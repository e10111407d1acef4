import type {Check} from '../../../check'
import {blockFlagCheck} from '../attribute-check'
import {type TerraformDocument, tf} from '../helpers'

export const opensearchEncryption: Check<TerraformDocument> = blockFlagCheck({
  id: 'PG-TF-035',
  platform: 'terraform',
  severity: 'medium',
  title: 'OpenSearch domain is not encrypted at rest',
  description: 'Indices, logs and automated snapshots are stored unencrypted.',
  remediation: 'Add encrypt_at_rest { enabled = true }.',
  docs: 'https://docs.aws.amazon.com/securityhub/latest/userguide/opensearch-controls.html#opensearch-1',
  aliases: ['CKV_AWS_5', 'aws-elastic-search-enable-domain-encryption', 'AVD-AWS-0048'],
  resourceTypes: ['aws_opensearch_domain', 'aws_elasticsearch_domain'],
  block: 'encrypt_at_rest',
  attribute: 'enabled',
  fail: {
    ...tf(`resource "aws_opensearch_domain" "search" {
  domain_name = "search"
  encrypt_at_rest {
    enabled = false
  }
}
`),
    lines: [4]
  },
  pass: tf(`resource "aws_opensearch_domain" "search" {
  domain_name = "search"
  encrypt_at_rest {
    enabled = true
  }
}
`)
})
