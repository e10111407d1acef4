import type {CheckResult} from '../check'
import type {CloudFormationDoc} from './cloudformation'
import {listItems, resolve, resourcesOfType} from './cloudformation-values'
import {get, pairOf, text, type YamlNode} from './yaml-document'

export interface IngressRule {
  node: YamlNode
  /** Line of the world-open CIDR attribute. */
  line: number
  resource: string
  protocol: string
  fromPort: number
  toPort: number
}

const WORLD = new Set(['0.0.0.0/0', '::/0'])

/**
 * Ingress rules open to the whole internet, from both inline `SecurityGroupIngress` lists and
 * standalone `AWS::EC2::SecurityGroupIngress` resources.
 */
export function worldOpenIngress(doc: CloudFormationDoc): IngressRule[] {
  const rules: {node: YamlNode; resource: string}[] = []
  for (const group of resourcesOfType(doc, 'AWS::EC2::SecurityGroup')) {
    for (const rule of listItems(doc, get(group.properties, 'SecurityGroupIngress')))
      rules.push({node: rule, resource: group.logicalId})
  }
  for (const ingress of resourcesOfType(doc, 'AWS::EC2::SecurityGroupIngress')) {
    if (ingress.properties) rules.push({node: ingress.properties, resource: ingress.logicalId})
  }
  return rules.flatMap(({node, resource}) => {
    const cidr = ['CidrIp', 'CidrIpv6']
      .map(key => pairOf(node, key))
      .find(p => p && WORLD.has(text(resolve(doc, p.value)) ?? ''))
    if (!cidr) return []
    const protocol = (text(resolve(doc, get(node, 'IpProtocol'))) ?? '').toLowerCase()
    const all = protocol === '-1' || protocol === 'all'
    const from = Number(text(resolve(doc, get(node, 'FromPort'))) ?? (all ? 0 : NaN))
    const to = Number(text(resolve(doc, get(node, 'ToPort'))) ?? (all ? 65535 : NaN))
    return [
      {
        node,
        line: cidr.keyLine,
        resource,
        protocol,
        fromPort: all || from === -1 ? 0 : from,
        toPort: all || to === -1 ? 65535 : to
      }
    ]
  })
}

/** World-open rules that reach `port` over TCP (or all protocols). */
export function worldOpenToPort(doc: CloudFormationDoc, port: number): CheckResult[] {
  return worldOpenIngress(doc)
    .filter(
      r => ['tcp', '6', '-1', 'all'].includes(r.protocol) && r.fromPort <= port && port <= r.toPort
    )
    .map(r => ({
      line: r.line,
      resource: r.resource,
      message: `${r.resource} allows port ${port} from the internet`
    }))
}
