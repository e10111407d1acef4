import type {CheckResult} from '../../../check'
import {
  type TerraformDocument,
  isWorld,
  portRangeIncludes,
  resources,
  result,
  strings,
  toStringValue
} from '../helpers'

/** Findings for INGRESS allow rules from 0.0.0.0/0 that reach `port` over TCP. */
export function firewallOpenTo(doc: TerraformDocument, port: number): CheckResult[] {
  return resources(doc, 'google_compute_firewall').flatMap(r => {
    if ((toStringValue(r.value('direction')) ?? 'INGRESS') !== 'INGRESS') return []
    if (toStringValue(r.value('disabled')) === 'true') return []
    const sources = r.attr('source_ranges')
    if (!sources || !strings(sources.value)?.some(isWorld)) return []
    const reaches = r.blocks('allow').some(allow => {
      const protocol = toStringValue(allow.value('protocol'))?.toLowerCase()
      if (protocol !== 'tcp' && protocol !== 'all' && protocol !== '6') return false
      const ports = allow.attr('ports')
      if (!ports) return true // no ports = every port of the protocol
      return strings(ports.value)?.some(p => portRangeIncludes(p, port))
    })
    return reaches ? [result(r, sources.line)] : []
  })
}
