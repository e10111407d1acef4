import type {Check} from '../../../check'
import {type TerraformDocument, tf} from '../helpers'
import {openToPorts} from './security-group-ingress'

export const sgOpenSsh: Check<TerraformDocument> = {
  id: 'PG-TF-007',
  platform: 'terraform',
  family: 'public-ingress',
  severity: 'high',
  title: 'Security group allows SSH (22) from the internet',
  description:
    'SSH open to 0.0.0.0/0 or ::/0 invites brute-force and exploit attempts against every instance in the group.',
  remediation:
    'Restrict the source to known ranges or use SSM Session Manager or a bastion instead of open SSH.',
  docs: 'https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html#ec2-13',
  aliases: ['CKV_AWS_24', 'aws-ec2-no-public-ingress-sgr', 'AVD-AWS-0107'],
  run: doc => openToPorts(doc, [22]),
  fail: {
    ...tf(`resource "aws_security_group" "bastion" {
  name = "bastion"
  ingress {
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}
`),
    lines: [7]
  },
  pass: tf(`resource "aws_security_group" "bastion" {
  name = "bastion"
  ingress {
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = ["10.20.0.0/16"]
  }
}
`)
}
