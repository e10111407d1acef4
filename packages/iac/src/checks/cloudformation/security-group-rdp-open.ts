import type {Check} from '../../check'
import type {CloudFormationDoc} from '../../parsers/cloudformation'
import {worldOpenToPort} from '../../parsers/cloudformation-security-groups'

export const securityGroupRdpOpen: Check<CloudFormationDoc> = {
  id: 'PG-CFN-007',
  platform: 'cloudformation',
  family: 'public-ingress',
  severity: 'high',
  title: 'Security group allows RDP from the internet',
  description:
    'Port 3389 open to the world is one of the most scanned and brute-forced services on the internet (CIS AWS 5.2).',
  remediation: 'Restrict the source to known CIDRs, or use a bastion or Fleet Manager.',
  docs: 'https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html',
  aliases: [
    'CKV_AWS_25',
    'W2',
    'RESTRICTED_INCOMING_TRAFFIC',
    'EC2_SECURITY_GROUP_INGRESS_OPEN_TO_WORLD_RULE'
  ],
  run: doc => worldOpenToPort(doc, 3389),
  fail: {
    fileName: 'template.yaml',
    text: `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Windows:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: windows
      SecurityGroupIngress:
        - IpProtocol: tcp
          FromPort: 3389
          ToPort: 3389
          CidrIp: 0.0.0.0/0
`,
    lines: [11]
  },
  pass: {
    fileName: 'template.yaml',
    text: `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Windows:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: windows
      SecurityGroupIngress:
        - IpProtocol: tcp
          FromPort: 3389
          ToPort: 3389
          CidrIp: 192.0.2.0/24
`
  }
}
