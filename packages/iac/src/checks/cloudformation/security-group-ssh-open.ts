import type {Check} from '../../check'
import type {CloudFormationDoc} from '../../parsers/cloudformation'
import {worldOpenToPort} from '../../parsers/cloudformation-security-groups'

export const securityGroupSshOpen: Check<CloudFormationDoc> = {
  id: 'PG-CFN-006',
  platform: 'cloudformation',
  family: 'public-ingress',
  severity: 'high',
  title: 'Security group allows SSH from the internet',
  description:
    'Port 22 open to 0.0.0.0/0 or ::/0 invites credential brute force and exploitation of the SSH daemon from anywhere (CIS AWS 5.2).',
  remediation: 'Restrict the source to known CIDRs or use SSM Session Manager instead of SSH.',
  docs: 'https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html',
  aliases: [
    'CKV_AWS_24',
    'W2',
    'INCOMING_SSH_DISABLED',
    'EC2_SECURITY_GROUP_INGRESS_OPEN_TO_WORLD_RULE'
  ],
  run: doc => worldOpenToPort(doc, 22),
  fail: {
    fileName: 'template.yaml',
    text: `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Web:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: web
      SecurityGroupIngress:
        - IpProtocol: tcp
          FromPort: 443
          ToPort: 443
          CidrIp: 0.0.0.0/0
        - IpProtocol: tcp
          FromPort: 22
          ToPort: 22
          CidrIp: 0.0.0.0/0
  AdminV6:
    Type: AWS::EC2::SecurityGroupIngress
    Properties:
      GroupId: !Ref Web
      IpProtocol: tcp
      FromPort: 0
      ToPort: 1024
      CidrIpv6: ::/0
`,
    lines: [15, 23]
  },
  pass: {
    fileName: 'template.yaml',
    text: `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Web:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: web
      SecurityGroupIngress:
        - IpProtocol: tcp
          FromPort: 443
          ToPort: 443
          CidrIp: 0.0.0.0/0
        - IpProtocol: tcp
          FromPort: 22
          ToPort: 22
          CidrIp: 10.0.0.0/8
`
  }
}
