import type {CheckResult} from '../../../check'
import {
  type BlockView,
  type TerraformDocument,
  isWorld,
  portRangeIncludes,
  resources,
  result,
  strings,
  toStringValue
} from '../helpers'

/** Azure sources meaning anyone: `*`, `Internet`, `Any`, `0.0.0.0`, any prefix ending in `/0`. */
function isAnySource(prefix: string): boolean {
  const p = prefix.trim()
  return isWorld(p) || p === '0.0.0.0' || /\/0$/.test(p)
}

/** SSH and RDP are TCP services: a UDP- or ICMP-only rule does not reach them. */
function carriesTcp(protocol: string | undefined): boolean {
  return protocol === undefined || ['tcp', '*', 'any'].includes(protocol.trim().toLowerCase())
}

/** `22`, `3380-3390`, `*`, or a comma-separated list of those. */
function portsInclude(spec: string, port: number): boolean {
  return spec
    .split(',')
    .map(part => part.replace(/\s+/g, ''))
    .some(part => part === '*' || portRangeIncludes(part, port))
}

/** Findings for inbound Allow rules from any source that reach `port`. */
export function nsgOpenTo(doc: TerraformDocument, port: number): CheckResult[] {
  const out: CheckResult[] = []
  const inspect = (owner: BlockView, rule: BlockView) => {
    if (toStringValue(rule.value('direction'))?.toLowerCase() !== 'inbound') return
    if (toStringValue(rule.value('access'))?.toLowerCase() !== 'allow') return
    const source = ['source_address_prefix', 'source_address_prefixes']
      .map(name => rule.attr(name))
      .find(a => a && strings(a.value)?.some(isAnySource))
    if (!source) return
    if (!carriesTcp(toStringValue(rule.value('protocol')))) return
    const ranges = [
      ...(strings(rule.value('destination_port_range')) ?? []),
      ...(strings(rule.value('destination_port_ranges')) ?? [])
    ]
    // `*` is Azure's "every port".
    if (ranges.some(r => portsInclude(r, port))) out.push(result(owner, source.line))
  }
  for (const r of resources(doc, 'azurerm_network_security_rule')) inspect(r, r)
  for (const nsg of resources(doc, 'azurerm_network_security_group'))
    for (const rule of nsg.blocks('security_rule')) inspect(nsg, rule)
  return out
}
