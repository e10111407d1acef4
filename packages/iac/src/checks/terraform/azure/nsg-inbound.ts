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

/** Findings for inbound Allow rules from any source that reach `port`. */
export function nsgOpenTo(doc: TerraformDocument, port: number): CheckResult[] {
  const out: CheckResult[] = []
  const inspect = (owner: BlockView, rule: BlockView) => {
    if (toStringValue(rule.value('direction'))?.toLowerCase() !== 'inbound') return
    if (toStringValue(rule.value('access'))?.toLowerCase() !== 'allow') return
    const source = ['source_address_prefix', 'source_address_prefixes']
      .map(name => rule.attr(name))
      .find(a => a && strings(a.value)?.some(isWorld))
    if (!source) return
    const ranges = [
      ...(strings(rule.value('destination_port_range')) ?? []),
      ...(strings(rule.value('destination_port_ranges')) ?? [])
    ]
    // `*` is Azure's "every port".
    if (ranges.some(r => r.trim() === '*' || portRangeIncludes(r, port)))
      out.push(result(owner, source.line))
  }
  for (const r of resources(doc, 'azurerm_network_security_rule')) inspect(r, r)
  for (const nsg of resources(doc, 'azurerm_network_security_group'))
    for (const rule of nsg.blocks('security_rule')) inspect(nsg, rule)
  return out
}
