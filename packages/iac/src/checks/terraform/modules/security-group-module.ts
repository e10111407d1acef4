import {isObject, toStringValue} from '../../../parsers/hcl-eval'
import type {HclValue} from '../../../parsers/hcl-expr'
import type {BlockView} from '../../../parsers/terraform-model'
import {isWorld, strings} from '../helpers'

/** Named rules of terraform-aws-modules/security-group (rules.tf): [from, to, protocol]. */
const RULES: Record<string, [number, number, string]> = {
  'ssh-tcp': [22, 22, 'tcp'],
  'rdp-tcp': [3389, 3389, 'tcp'],
  'rdp-udp': [3389, 3389, 'udp'],
  'all-all': [-1, -1, '-1'],
  'all-tcp': [0, 65535, 'tcp'],
  'all-udp': [0, 65535, 'udp'],
  'mysql-tcp': [3306, 3306, 'tcp'],
  'postgresql-tcp': [5432, 5432, 'tcp'],
  'mssql-tcp': [1433, 1433, 'tcp'],
  'oracle-db-tcp': [1521, 1521, 'tcp'],
  'mongodb-27017-tcp': [27017, 27017, 'tcp'],
  'redis-tcp': [6379, 6379, 'tcp'],
  'elasticsearch-rest-tcp': [9200, 9200, 'tcp']
}

/** `auto_ingress_rules` of the module's per-service submodules (modules/<name>/auto_values.tf). */
const SUBMODULE_RULES: Record<string, string[]> = {
  ssh: ['ssh-tcp'],
  rdp: ['rdp-tcp', 'rdp-udp'],
  postgresql: ['postgresql-tcp'],
  mysql: ['mysql-tcp'],
  mssql: ['mssql-tcp'],
  redis: ['redis-tcp']
}

export interface ModuleIngress {
  line: number
  from: HclValue | undefined
  to: HclValue | undefined
  protocol: HclValue | undefined
}

/**
 * Ingress open to the internet that a call of terraform-aws-modules/security-group asks for:
 * `ingress_rules` (plus a submodule's automatic rules) with a world `ingress_(ipv6_)cidr_blocks`, and
 * `ingress_with_(ipv6_)cidr_blocks` entries whose comma-separated CIDRs include a world range.
 */
export function securityGroupModuleIngress(
  call: BlockView,
  submodule: string | undefined
): ModuleIngress[] {
  const out: ModuleIngress[] = []
  const byName = (name: string, line: number) => {
    const rule = RULES[name]
    if (rule) out.push({line, from: rule[0], to: rule[1], protocol: rule[2]})
  }
  for (const cidrInput of ['ingress_cidr_blocks', 'ingress_ipv6_cidr_blocks']) {
    const cidrs = call.attr(cidrInput)
    if (!cidrs || !strings(cidrs.value)?.some(isWorld)) continue
    const names = [
      ...(strings(call.value('ingress_rules')) ?? []),
      ...(submodule ? (SUBMODULE_RULES[submodule] ?? []) : [])
    ]
    for (const name of names) byName(name, cidrs.line)
  }
  for (const [input, key] of [
    ['ingress_with_cidr_blocks', 'cidr_blocks'],
    ['ingress_with_ipv6_cidr_blocks', 'ipv6_cidr_blocks']
  ] as const) {
    const a = call.attr(input)
    if (!a || !Array.isArray(a.value)) continue
    for (const entry of a.value) {
      if (!isObject(entry)) continue
      // The module takes CIDRs as one comma-separated string.
      const cidrs = toStringValue(entry[key])?.split(',') ?? []
      if (!cidrs.some(isWorld)) continue
      const name = toStringValue(entry.rule)
      if (name) byName(name, a.line)
      else
        out.push({line: a.line, from: entry.from_port, to: entry.to_port, protocol: entry.protocol})
    }
  }
  return out
}
