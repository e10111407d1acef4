import type {Check} from '../../check'
import type {CloudFormationDoc} from '../../parsers/cloudformation'
import {forbidSetting} from '../../parsers/cloudformation-values'

export const rdsPubliclyAccessible: Check<CloudFormationDoc> = {
  id: 'PG-CFN-010',
  platform: 'cloudformation',
  severity: 'high',
  title: 'RDS instance is publicly accessible',
  description:
    'A public DB instance gets an internet-resolvable address; only security groups stand between the database and the internet (CIS AWS 2.3.3).',
  remediation: 'Set PubliclyAccessible to false and reach the database from inside the VPC.',
  docs: 'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_VPC.WorkingWithRDSInstanceinaVPC.html',
  aliases: ['CKV_AWS_17', 'F22', 'RDS_INSTANCE_PUBLIC_ACCESS_CHECK'],
  run: doc =>
    forbidSetting(
      doc,
      ['AWS::RDS::DBInstance'],
      'PubliclyAccessible',
      value => value.toLowerCase() === 'true'
    ),
  fail: {
    fileName: 'template.yaml',
    text: `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Db:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: postgres
      PubliclyAccessible: true
`,
    lines: [7]
  },
  pass: {
    fileName: 'template.yaml',
    text: `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Db:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: postgres
      PubliclyAccessible: false
`
  }
}
