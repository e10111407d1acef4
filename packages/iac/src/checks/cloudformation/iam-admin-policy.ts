import type {Check} from '../../check'
import type {CloudFormationDoc} from '../../parsers/cloudformation'
import {items, pairOf, text, type YamlNode} from '../../parsers/yaml-document'
import {listItems, resourcesOfType} from '../../parsers/cloudformation-values'
import type {CheckResult} from '../../check'

export const iamAdminPolicy: Check<CloudFormationDoc> = {
  id: 'PG-CFN-009',
  platform: 'cloudformation',
  severity: 'high',
  title: 'IAM policy allows all actions on all resources',
  description:
    'A statement with Action "*" and Resource "*" grants full administrator rights: one leaked credential is the whole account (CIS AWS 1.16).',
  remediation: 'Grant the specific actions and resources the principal needs.',
  docs: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege',
  aliases: ['CKV_AWS_1', 'CKV_AWS_62', 'F4', 'F5', 'IAM_POLICY_NO_STATEMENTS_WITH_ADMIN_ACCESS'],
  run: doc =>
    resourcesOfType(
      doc,
      'AWS::IAM::Policy',
      'AWS::IAM::ManagedPolicy',
      'AWS::IAM::Role',
      'AWS::IAM::User',
      'AWS::IAM::Group'
    ).flatMap(resource => {
      const documents = [pairOf(resource.properties, 'PolicyDocument')?.value]
      for (const inline of listItems(doc, pairOf(resource.properties, 'Policies')?.value))
        documents.push(pairOf(inline, 'PolicyDocument')?.value)
      return documents.flatMap(policy => adminStatements(policy, resource.logicalId))
    }),
  fail: {
    fileName: 'template.yaml',
    text: `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Deployer:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Statement:
          - Effect: Allow
            Principal: {Service: codebuild.amazonaws.com}
            Action: sts:AssumeRole
      Policies:
        - PolicyName: everything
          PolicyDocument:
            Version: '2012-10-17'
            Statement:
              - Effect: Allow
                Action: '*'
                Resource: '*'
`,
    lines: [17]
  },
  pass: {
    fileName: 'template.yaml',
    text: `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Deployer:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Statement:
          - Effect: Allow
            Principal: {Service: codebuild.amazonaws.com}
            Action: sts:AssumeRole
      Policies:
        - PolicyName: deploy
          PolicyDocument:
            Version: '2012-10-17'
            Statement:
              - Effect: Allow
                Action: ['s3:PutObject', 's3:GetObject']
                Resource: '*'
              - Effect: Deny
                Action: '*'
                Resource: '*'
`
  }
}

function values(node: YamlNode | undefined): string[] {
  if (!node) return []
  return node.kind === 'seq' ? items(node).flatMap(i => text(i) ?? []) : [text(node) ?? '']
}

function adminStatements(policy: YamlNode | undefined, resource: string): CheckResult[] {
  const statement = pairOf(policy, 'Statement')?.value
  const statements = statement?.kind === 'seq' ? statement.items : statement ? [statement] : []
  return statements.flatMap(s => {
    const action = pairOf(s, 'Action')
    if (text(pairOf(s, 'Effect')?.value) !== 'Allow' || !action) return []
    const allActions = values(action.value).some(a => a === '*' || a === '*:*')
    const allResources = values(pairOf(s, 'Resource')?.value).includes('*')
    return allActions && allResources ? [{line: action.keyLine, resource}] : []
  })
}
