import type {Check} from '../../../check'
import {type TerraformDocument, result, tf} from '../helpers'
import {isAllPorts, openIngressRules} from './security-group-ingress'

export const sgOpenAllPorts: Check<TerraformDocument> = {
  id: 'PG-TF-009',
  platform: 'terraform',
  family: 'public-ingress',
  severity: 'critical',
  title: 'Security group allows all ports from the internet',
  description:
    'Every listening service of every member becomes reachable from anywhere, including ones never meant to be exposed.',
  remediation: 'Open only the ports the service needs, to the sources that need them.',
  docs: 'https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html#ec2-18',
  aliases: ['CKV_AWS_277', 'aws-ec2-no-public-ingress-sgr', 'AVD-AWS-0107'],
  run: doc =>
    openIngressRules(doc)
      .filter(isAllPorts)
      .map(r => result(r.view, r.line)),
  fail: {
    ...tf(`resource "aws_vpc_security_group_ingress_rule" "any" {
  security_group_id = "sg-0123456789abcdef0"
  ip_protocol       = "-1"
  cidr_ipv6         = "::/0"
}
`),
    lines: [4]
  },
  pass: tf(`resource "aws_vpc_security_group_ingress_rule" "https" {
  security_group_id = "sg-0123456789abcdef0"
  ip_protocol       = "tcp"
  from_port         = 443
  to_port           = 443
  cidr_ipv4         = "0.0.0.0/0"
}
`)
}
