import type {CheckResult} from '../../../check'
import {
  type BlockView,
  type HclValue,
  type TerraformDocument,
  coversPort,
  isWorld,
  resources,
  result,
  strings,
  toStringValue
} from '../helpers'
import {registryCalls} from '../modules/registry-module-source'
import {securityGroupModuleIngress} from '../modules/security-group-module'

/** One ingress rule open to the whole internet, from any of the three ways Terraform writes one. */
export interface OpenIngress {
  view: BlockView
  /** Line of the world-open CIDR attribute. */
  line: number
  from: HclValue | undefined
  to: HclValue | undefined
  protocol: HclValue | undefined
}

export function openIngressRules(doc: TerraformDocument): OpenIngress[] {
  const out: OpenIngress[] = []
  const add = (view: BlockView, rule: BlockView, cidrAttrs: string[], protocolAttr: string) => {
    for (const name of cidrAttrs) {
      const a = rule.attr(name)
      const cidrs = strings(a?.value)
      if (a && cidrs?.some(isWorld)) {
        out.push({
          view,
          line: a.line,
          from: rule.value('from_port'),
          to: rule.value('to_port'),
          protocol: rule.value(protocolAttr)
        })
        return
      }
    }
  }
  for (const sg of resources(doc, 'aws_security_group')) {
    for (const rule of sg.blocks('ingress'))
      add(sg, rule, ['cidr_blocks', 'ipv6_cidr_blocks'], 'protocol')
  }
  for (const rule of resources(doc, 'aws_security_group_rule')) {
    if (toStringValue(rule.value('type')) === 'ingress')
      add(rule, rule, ['cidr_blocks', 'ipv6_cidr_blocks'], 'protocol')
  }
  for (const rule of resources(doc, 'aws_vpc_security_group_ingress_rule')) {
    add(rule, rule, ['cidr_ipv4', 'cidr_ipv6'], 'ip_protocol')
  }
  // terraform-aws-modules/security-group calls: reported at the caller's input.
  for (const {call, module} of registryCalls(doc)) {
    if (module.namespace !== 'terraform-aws-modules' || module.name !== 'security-group') continue
    for (const rule of securityGroupModuleIngress(call, module.submodule))
      out.push({view: call, ...rule})
  }
  return out
}

/** Findings for world-open rules that reach any of `ports`. */
export function openToPorts(doc: TerraformDocument, ports: number[]): CheckResult[] {
  return openIngressRules(doc)
    .filter(r => ports.some(p => coversPort(r.from, r.to, r.protocol, p) === true))
    .filter(r => !isAllPorts(r))
    .map(r => result(r.view, r.line))
}

/** Protocol "-1"/"all", or TCP 0-65535. */
export function isAllPorts(r: OpenIngress): boolean {
  const proto = toStringValue(r.protocol)?.toLowerCase()
  if (proto === '-1' || proto === 'all') return true
  return (
    coversPort(r.from, r.to, r.protocol, 0) === true &&
    coversPort(r.from, r.to, r.protocol, 65535) === true
  )
}
