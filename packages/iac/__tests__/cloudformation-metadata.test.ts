import {mkdtempSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {describe, expect, it} from '@jest/globals'
import {brief, scanDir} from './scan-helper'

const TEMPLATE = `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Logs:
    Type: AWS::S3::Bucket
    Metadata:
      cfn_nag:
        rules_to_suppress:
          - id: W35
            reason: this is the access-log target bucket
          - id: W51
            reason: unrelated rule
    Properties:
      AccessControl: Private
  Site:
    Type: AWS::S3::Bucket
    Metadata:
      checkov:
        skip:
          - id: CKV_AWS_20
            comment: static website
    Properties:
      AccessControl: PublicRead
  Other:
    Type: AWS::S3::Bucket
    Properties:
      AccessControl: PublicRead
  Bastion:
    Type: AWS::EC2::SecurityGroup
    Metadata:
      guard:
        SuppressedRules:
          - INCOMING_SSH_DISABLED
    Properties:
      GroupDescription: bastion
      SecurityGroupIngress:
        - IpProtocol: tcp
          FromPort: 22
          ToPort: 22
          CidrIp: 0.0.0.0/0
  Admin:
    Type: AWS::EC2::SecurityGroup
    Metadata:
      guard:
        SuppressedRules:
          - S3_BUCKET_LOGGING_ENABLED
    Properties:
      GroupDescription: admin
      SecurityGroupIngress:
        - IpProtocol: tcp
          FromPort: 22
          ToPort: 22
          CidrIp: 0.0.0.0/0
`

describe('CloudFormation Metadata suppressions of peer rules', () => {
  it('honours cfn_nag, checkov and cfn-guard ids on their own resource only', async () => {
    const root = mkdtempSync(join(tmpdir(), 'pg-cfn-meta-'))
    writeFileSync(join(root, 'template.yaml'), TEMPLATE)
    const report = await scanDir(root, {iac: {profile: 'strict'}})
    const found = brief(report)
    // W35 (cfn_nag) covers access logging on Logs; the other buckets are still asked for it.
    expect(found).not.toContain('template.yaml:3 PG-CFN-005')
    expect(found).toContain('template.yaml:14 PG-CFN-005')
    expect(found).toContain('template.yaml:3 PG-CFN-004')
    // checkov CKV_AWS_20 covers the public ACL of Site, not of Other.
    expect(found).not.toContain('template.yaml:22 PG-CFN-002')
    expect(found).toContain('template.yaml:26 PG-CFN-002')
    // cfn-guard INCOMING_SSH_DISABLED covers Bastion; an unrelated guard rule does not cover Admin.
    expect(found).not.toContain('template.yaml:39 PG-CFN-006')
    expect(found).toContain('template.yaml:52 PG-CFN-006')
    expect(report.scanners[0]!.notes).toContain(
      '3 findings suppressed by inline comments or CloudFormation Metadata'
    )
  })
})
