import type {Check} from '../../check'
import type {CloudFormationDoc} from '../../parsers/cloudformation'
import {
  hasProperty,
  isFalseValue,
  listItems,
  propertyLine,
  propertyText,
  resourcesOfType
} from '../../parsers/cloudformation-values'
import {get, text} from '../../parsers/yaml-document'

export const eksPublicEndpoint: Check<CloudFormationDoc> = {
  id: 'PG-CFN-020',
  platform: 'cloudformation',
  severity: 'high',
  title: 'EKS API endpoint is public to the internet',
  description:
    'The public endpoint is on by default; reachable from 0.0.0.0/0 it exposes the Kubernetes API to credential stuffing and API server vulnerabilities (CIS EKS 5.4.2).',
  remediation:
    'Set ResourcesVpcConfig.EndpointPublicAccess to false (EndpointPrivateAccess true), or restrict PublicAccessCidrs to known ranges.',
  docs: 'https://docs.aws.amazon.com/eks/latest/userguide/cluster-endpoint.html',
  aliases: ['CKV_AWS_39', 'CKV_AWS_38', 'EKS_ENDPOINT_NO_PUBLIC_ACCESS'],
  run: doc =>
    resourcesOfType(doc, 'AWS::EKS::Cluster').flatMap(cluster => {
      // EndpointPublicAccess defaults to true and PublicAccessCidrs to 0.0.0.0/0.
      if (isFalseValue(propertyText(doc, cluster, 'ResourcesVpcConfig.EndpointPublicAccess')))
        return []
      if (
        hasProperty(cluster, 'ResourcesVpcConfig.EndpointPublicAccess') &&
        propertyText(doc, cluster, 'ResourcesVpcConfig.EndpointPublicAccess') === undefined
      )
        return []
      const cidrs = listItems(
        doc,
        get(cluster.properties, 'ResourcesVpcConfig.PublicAccessCidrs')
      ).map(c => text(c))
      if (
        hasProperty(cluster, 'ResourcesVpcConfig.PublicAccessCidrs') &&
        !cidrs.includes('0.0.0.0/0')
      )
        return []
      const line = hasProperty(cluster, 'ResourcesVpcConfig.EndpointPublicAccess')
        ? propertyLine(cluster, 'ResourcesVpcConfig.EndpointPublicAccess')
        : propertyLine(cluster, 'ResourcesVpcConfig')
      return [{line, resource: cluster.logicalId}]
    }),
  fail: {
    fileName: 'template.yaml',
    text: `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Cluster:
    Type: AWS::EKS::Cluster
    Properties:
      RoleArn: !GetAtt ClusterRole.Arn
      ResourcesVpcConfig:
        SubnetIds: [subnet-0a1b2c3d]
  Other:
    Type: AWS::EKS::Cluster
    Properties:
      RoleArn: !GetAtt ClusterRole.Arn
      ResourcesVpcConfig:
        EndpointPublicAccess: true
        PublicAccessCidrs: [0.0.0.0/0]
        SubnetIds: [subnet-0a1b2c3d]
`,
    lines: [7, 14]
  },
  pass: {
    fileName: 'template.yaml',
    text: `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Cluster:
    Type: AWS::EKS::Cluster
    Properties:
      RoleArn: !GetAtt ClusterRole.Arn
      ResourcesVpcConfig:
        EndpointPublicAccess: false
        EndpointPrivateAccess: true
        SubnetIds: [subnet-0a1b2c3d]
  Restricted:
    Type: AWS::EKS::Cluster
    Properties:
      RoleArn: !GetAtt ClusterRole.Arn
      ResourcesVpcConfig:
        PublicAccessCidrs: [203.0.113.0/24]
        SubnetIds: [subnet-0a1b2c3d]
`
  }
}
