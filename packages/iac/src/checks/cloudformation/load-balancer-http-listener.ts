import type {Check} from '../../check'
import type {CloudFormationDoc} from '../../parsers/cloudformation'
import {
  listItems,
  propertyLine,
  propertyText,
  resourcesOfType
} from '../../parsers/cloudformation-values'
import {get, pairOf, text} from '../../parsers/yaml-document'

export const loadBalancerHttpListener: Check<CloudFormationDoc> = {
  id: 'PG-CFN-027',
  platform: 'cloudformation',
  severity: 'medium',
  title: 'Load balancer listener accepts plain HTTP',
  description:
    'HTTP sends credentials, cookies and data in clear text that anyone on the path can read or change.',
  remediation:
    'Listen on HTTPS (or TLS) with a certificate; keep an HTTP listener only to redirect to HTTPS.',
  docs: 'https://docs.aws.amazon.com/elasticloadbalancing/latest/application/create-https-listener.html',
  aliases: ['CKV_AWS_2', 'W56', 'ELBV2_LISTENER_PROTOCOL_RULE'],
  run: doc => [
    ...resourcesOfType(doc, 'AWS::ElasticLoadBalancingV2::Listener').flatMap(listener => {
      if (propertyText(doc, listener, 'Protocol') !== 'HTTP') return []
      const redirects = listItems(doc, get(listener.properties, 'DefaultActions')).some(
        a => text(get(a, 'Type')) === 'redirect'
      )
      return redirects
        ? []
        : [{line: propertyLine(listener, 'Protocol'), resource: listener.logicalId}]
    }),
    ...resourcesOfType(doc, 'AWS::ElasticLoadBalancing::LoadBalancer').flatMap(lb =>
      listItems(doc, get(lb.properties, 'Listeners')).flatMap(l => {
        const protocol = pairOf(l, 'Protocol')
        return protocol && text(protocol.value)?.toUpperCase() === 'HTTP'
          ? [{line: protocol.keyLine, resource: lb.logicalId}]
          : []
      })
    )
  ],
  fail: {
    fileName: 'template.yaml',
    text: `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Http:
    Type: AWS::ElasticLoadBalancingV2::Listener
    Properties:
      LoadBalancerArn: !Ref Alb
      Port: 80
      Protocol: HTTP
      DefaultActions:
        - Type: forward
          TargetGroupArn: !Ref Targets
`,
    lines: [8]
  },
  pass: {
    fileName: 'template.yaml',
    text: `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Http:
    Type: AWS::ElasticLoadBalancingV2::Listener
    Properties:
      LoadBalancerArn: !Ref Alb
      Port: 80
      Protocol: HTTP
      DefaultActions:
        - Type: redirect
          RedirectConfig:
            Protocol: HTTPS
            Port: '443'
            StatusCode: HTTP_301
`
  }
}
