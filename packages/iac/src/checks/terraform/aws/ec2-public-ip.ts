import type {Check} from '../../../check'
import {type TerraformDocument, forbidTrue, resources, tf} from '../helpers'

export const ec2PublicIp: Check<TerraformDocument> = {
  id: 'PG-TF-027',
  platform: 'terraform',
  severity: 'medium',
  title: 'EC2 instance gets a public IP address',
  description:
    'A public address makes the instance directly reachable; its security group becomes the only barrier.',
  remediation:
    'Set associate_public_ip_address = false and expose services through a load balancer.',
  docs: 'https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html#ec2-9',
  aliases: ['CKV_AWS_88', 'AVD-AWS-0009'],
  run: doc =>
    resources(doc, 'aws_instance', 'aws_launch_template').flatMap(r => [
      ...forbidTrue(r, 'associate_public_ip_address'),
      ...r
        .blocks('network_interfaces')
        .flatMap(ni => forbidTrue(r, 'associate_public_ip_address', ni))
    ]),
  fail: {
    ...tf(`resource "aws_instance" "web" {
  ami                         = "ami-0123456789abcdef0"
  instance_type               = "t3.micro"
  associate_public_ip_address = true
}
`),
    lines: [4]
  },
  pass: tf(`resource "aws_instance" "web" {
  ami                         = "ami-0123456789abcdef0"
  instance_type               = "t3.micro"
  associate_public_ip_address = false
}
`)
}
