import type {Check} from '../../../check'
import {type TerraformDocument, tf} from '../helpers'
import {openToPorts} from './security-group-ingress'

export const sgOpenRdp: Check<TerraformDocument> = {
  id: 'PG-TF-008',
  platform: 'terraform',
  family: 'public-ingress',
  severity: 'high',
  title: 'Security group allows RDP (3389) from the internet',
  description: 'RDP open to the world is a leading ransomware entry point.',
  remediation:
    'Restrict the source to known ranges or reach Windows hosts through Fleet Manager or a VPN.',
  docs: 'https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html#ec2-14',
  aliases: ['CKV_AWS_25', 'aws-ec2-no-public-ingress-sgr', 'AVD-AWS-0107'],
  run: doc => openToPorts(doc, [3389]),
  fail: {
    ...tf(`resource "aws_security_group_rule" "rdp" {
  type              = "ingress"
  security_group_id = "sg-0123456789abcdef0"
  from_port         = 3389
  to_port           = 3389
  protocol          = "tcp"
  cidr_blocks       = ["0.0.0.0/0"]
}
`),
    lines: [7]
  },
  pass: tf(`resource "aws_security_group_rule" "rdp" {
  type              = "ingress"
  security_group_id = "sg-0123456789abcdef0"
  from_port         = 3389
  to_port           = 3389
  protocol          = "tcp"
  cidr_blocks       = ["192.0.2.0/24"]
}
`)
}
