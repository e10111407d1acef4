import type {Check} from '../../check'
import type {CloudFormationDoc} from '../../parsers/cloudformation'
import {worldOpenIngress} from '../../parsers/cloudformation-security-groups'

const ALL_PORT_PROTOCOLS = new Set(['-1', 'all', 'tcp', 'udp', '6', '17'])

export const securityGroupAllPortsOpen: Check<CloudFormationDoc> = {
  id: 'PG-CFN-008',
  platform: 'cloudformation',
  family: 'public-ingress',
  severity: 'critical',
  title: 'Security group allows all traffic from the internet',
  description:
    'A rule for every protocol or every port from 0.0.0.0/0 exposes whatever happens to listen on the instances, including admin and database ports (CIS AWS 5.2).',
  remediation:
    'Allow only the specific ports the service needs, from the narrowest source possible.',
  docs: 'https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html',
  aliases: [
    'CKV_AWS_277',
    'W2',
    'W42',
    'SECURITY_GROUP_INGRESS_ALL_PROTOCOLS_RULE',
    'EC2_SECURITY_GROUP_INGRESS_OPEN_TO_WORLD_RULE'
  ],
  run: doc =>
    worldOpenIngress(doc)
      // ICMP "ports" -1 are all ICMP types, not every port of every protocol.
      .filter(r => ALL_PORT_PROTOCOLS.has(r.protocol) && r.fromPort === 0 && r.toPort === 65535)
      .map(r => ({line: r.line, resource: r.resource})),
  fail: {
    fileName: 'template.yaml',
    text: `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Open:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: open
      SecurityGroupIngress:
        - IpProtocol: -1
          CidrIp: 0.0.0.0/0
`,
    lines: [9]
  },
  pass: {
    fileName: 'template.yaml',
    text: `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Open:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: internal
      SecurityGroupIngress:
        - IpProtocol: -1
          SourceSecurityGroupId: !Ref Lb
`
  }
}
