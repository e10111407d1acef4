import type {Check} from '../../../check'
import {type TerraformDocument, resources, result, tf, toStringValue} from '../helpers'

export const ec2Imdsv2: Check<TerraformDocument> = {
  id: 'PG-TF-026',
  platform: 'terraform',
  severity: 'high',
  title: 'EC2 instance metadata service allows IMDSv1',
  description:
    'IMDSv1 answers plain GET requests, so one SSRF bug in an application hands out the instance role credentials.',
  remediation: 'Add metadata_options { http_tokens = "required" } (or http_endpoint = "disabled").',
  docs: 'https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html#ec2-8',
  aliases: [
    'CKV_AWS_79',
    'aws-ec2-enforce-http-token-imds',
    'aws-ec2-enforce-launch-config-http-token-imds',
    'AVD-AWS-0028'
  ],
  run: doc =>
    resources(doc, 'aws_instance', 'aws_launch_template', 'aws_launch_configuration').flatMap(r => {
      const options = r.block('metadata_options')
      if (!options) return [result(r)]
      const endpoint = toStringValue(options.value('http_endpoint'))
      if (endpoint === 'disabled') return []
      const tokens = options.attr('http_tokens')
      if (!tokens) return [result(r, options.line)]
      const value = toStringValue(tokens.value)
      return value !== undefined && value !== 'required' ? [result(r, tokens.line)] : []
    }),
  fail: {
    ...tf(`resource "aws_instance" "web" {
  ami           = "ami-0123456789abcdef0"
  instance_type = "t3.micro"
  metadata_options {
    http_tokens = "optional"
  }
}
`),
    lines: [5]
  },
  pass: tf(`resource "aws_instance" "web" {
  ami           = "ami-0123456789abcdef0"
  instance_type = "t3.micro"
  metadata_options {
    http_tokens = "required"
  }
}
`)
}
