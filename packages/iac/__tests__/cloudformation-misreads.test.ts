import {beforeAll, describe, expect, it} from '@jest/globals'
import {CHECKS} from '../src/checks/index'
import {cloudformationParser} from '../src/parsers/cloudformation'

beforeAll(async () => {
  await cloudformationParser.init?.()
})

/** `line id` of every result of one check on a template, through the real parser. */
function lines(resources: string, id: string): string[] {
  const text = `AWSTemplateFormatVersion: '2010-09-09'\nResources:\n${resources}`
  const parsed = cloudformationParser.parse(text, 'template.yaml')
  if (!parsed.ok) throw new Error(parsed.error)
  const check = CHECKS.find(c => c.id === id)!
  return check.run(parsed.doc).map(r => `${r.line} ${id}`)
}

describe('CloudFormation constructs real templates write', () => {
  it('KMSKeyId: "" is not a key; a key reference is', () => {
    const trail = (key: string) => `  Trail:
    Type: AWS::CloudTrail::Trail
    Properties:
      KMSKeyId: ${key}
`
    expect(lines(trail('""'), 'PG-CFN-018')).toEqual(['6 PG-CFN-018'])
    expect(lines(trail('!GetAtt TrailKey.Arn'), 'PG-CFN-018')).toEqual([])
  })

  it("a DBCluster's own DBClusterIdentifier is its name; a member DBInstance inherits", () => {
    const template = `  Cluster:
    Type: AWS::RDS::DBCluster
    Properties:
      DBClusterIdentifier: orders
      Engine: aurora-postgresql
      DeletionProtection: true
  Member:
    Type: AWS::RDS::DBInstance
    Properties:
      DBClusterIdentifier: !Ref Cluster
      Engine: aurora-postgresql
`
    expect(lines(template, 'PG-CFN-011')).toEqual(['3 PG-CFN-011'])
    expect(lines(template, 'PG-CFN-012')).toEqual([])
  })

  it('read replicas inherit encryption from their source; a standalone instance does not', () => {
    const template = `  Replica:
    Type: AWS::RDS::DBInstance
    Properties:
      SourceDBInstanceIdentifier: !Ref Primary
  Standalone:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: postgres
`
    expect(lines(template, 'PG-CFN-011')).toEqual(['7 PG-CFN-011'])
  })

  it('ICMP with -1 ports is not all traffic; protocol -1 is', () => {
    const group = (protocol: string) => `  Ping:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: ping
      SecurityGroupIngress:
        - IpProtocol: ${protocol}
          FromPort: -1
          ToPort: -1
          CidrIp: 0.0.0.0/0
`
    expect(lines(group('icmp'), 'PG-CFN-008')).toEqual([])
    expect(lines(group('-1'), 'PG-CFN-008')).toEqual(['11 PG-CFN-008'])
  })

  it('the bucket that receives access logs is not asked to log; others are', () => {
    const template = `  Logs:
    Type: AWS::S3::Bucket
  Named:
    Type: AWS::S3::Bucket
    Properties:
      BucketName: audit-logs
  Data:
    Type: AWS::S3::Bucket
    Properties:
      LoggingConfiguration:
        DestinationBucketName: !Ref Logs
  Archive:
    Type: AWS::S3::Bucket
    Properties:
      LoggingConfiguration:
        DestinationBucketName: audit-logs
  Other:
    Type: AWS::S3::Bucket
`
    expect(lines(template, 'PG-CFN-005')).toEqual(['19 PG-CFN-005'])
  })

  it('no PublicAccessBlockConfiguration is the AWS default (blocked); an explicit false is not', () => {
    const template = `  Default:
    Type: AWS::S3::Bucket
  Opened:
    Type: AWS::S3::Bucket
    Properties:
      PublicAccessBlockConfiguration:
        BlockPublicAcls: false
        BlockPublicPolicy: true
        IgnorePublicAcls: true
        RestrictPublicBuckets: true
`
    expect(lines(template, 'PG-CFN-001')).toEqual(['9 PG-CFN-001'])
  })
})
