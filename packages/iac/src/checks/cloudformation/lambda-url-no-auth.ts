import type {Check} from '../../check'
import type {CloudFormationDoc} from '../../parsers/cloudformation'
import {forbidSetting} from '../../parsers/cloudformation-values'

export const lambdaUrlNoAuth: Check<CloudFormationDoc> = {
  id: 'PG-CFN-022',
  platform: 'cloudformation',
  severity: 'high',
  title: 'Lambda function URL has no authentication',
  description:
    'AuthType NONE makes the function callable by anyone on the internet who finds the URL.',
  remediation: 'Use AuthType AWS_IAM, or put the function behind API Gateway with an authorizer.',
  docs: 'https://docs.aws.amazon.com/lambda/latest/dg/urls-auth.html',
  aliases: ['CKV_AWS_258'],
  run: doc => forbidSetting(doc, ['AWS::Lambda::Url'], 'AuthType', value => value === 'NONE'),
  fail: {
    fileName: 'template.yaml',
    text: `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Url:
    Type: AWS::Lambda::Url
    Properties:
      TargetFunctionArn: !GetAtt Fn.Arn
      AuthType: NONE
`,
    lines: [7]
  },
  pass: {
    fileName: 'template.yaml',
    text: `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Url:
    Type: AWS::Lambda::Url
    Properties:
      TargetFunctionArn: !GetAtt Fn.Arn
      AuthType: AWS_IAM
`
  }
}
