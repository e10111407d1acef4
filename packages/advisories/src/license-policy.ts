import {createFinding, type Finding} from '@pipeguard/core'
import type {Package} from '@pipeguard/inventory'
import parse, {type SpdxNode} from 'spdx-expression-parse'
import satisfies from 'spdx-satisfies'

export interface LicensePolicy {
  allow?: string[]
  deny?: string[]
}

function isValidExpression(expression: string): boolean {
  try {
    parse(expression)
    return true
  } catch {
    return false
  }
}

/** The simple licence ids (with `+` or `WITH` exception) an SPDX expression can be satisfied by. */
function expandList(list: string[]): string[] {
  return list.flatMap(entry => entry.split(/\s+OR\s+/i)).map(s => s.trim().replace(/^\(|\)$/g, ''))
}

/**
 * The licence policy: with `allow`, a package whose licence expression cannot be satisfied by the
 * allowed licences is `license-not-allowed`; with `deny`, one that can only be satisfied by denied
 * licences is `license-denied`. Packages without licence data are not judged (nothing is guessed).
 */
export function licenseFindings(packages: Package[], policy: LicensePolicy | undefined): Finding[] {
  if (!policy || (!policy.allow?.length && !policy.deny?.length)) return []
  const findings: Finding[] = []
  for (const pkg of packages) {
    const license = pkg.license?.trim()
    if (!license) continue
    const valid = isValidExpression(license)
    let ruleId: 'license-denied' | 'license-not-allowed' | undefined
    let why = ''
    if (policy.allow?.length) {
      const ok = valid && satisfiesAny(license, expandList(policy.allow))
      if (!ok) {
        ruleId = 'license-not-allowed'
        why = valid
          ? `is not among the allowed licences (${policy.allow.join(', ')})`
          : 'is not a valid SPDX expression, so it cannot be checked against the allowed licences'
      }
    } else if (policy.deny?.length && valid) {
      const denied = expandList(policy.deny)
      // Denied when every way to satisfy the expression uses a denied licence.
      if (!satisfiesWithout(license, denied)) {
        ruleId = 'license-denied'
        why = `is denied by the licence policy (${policy.deny.join(', ')})`
      }
    }
    if (!ruleId) continue
    findings.push(
      createFinding({
        scanner: 'dependencies',
        ruleId,
        severity: 'high',
        title: ruleId === 'license-denied' ? 'Denied licence' : 'Licence not allowed',
        message: `${pkg.name} ${pkg.version} is licensed under ${license}, which ${why}`,
        remediation: `Replace ${pkg.name} with a package under an accepted licence, or record an exception with a reason in .pipeguard.yml`,
        path: pkg.location.path,
        startLine: pkg.location.startLine,
        package: {ecosystem: pkg.ecosystem, name: pkg.name, version: pkg.version},
        properties: {license, direct: String(pkg.direct)},
        fingerprintContent: `${pkg.ecosystem}/${pkg.name}@${pkg.version}+${ruleId}`
      })
    )
  }
  return findings
}

/** Whether the expression can be met by some licence outside the denied list. */
function satisfiesWithout(expression: string, denied: string[]): boolean {
  const ids = new Set<string>()
  collectIds(parse(expression), ids)
  const others = [...ids].filter(id => !satisfiesAny(id, denied))
  return others.length > 0 && satisfiesAny(expression, others)
}

function satisfiesAny(expression: string, list: string[]): boolean {
  try {
    return satisfies(expression, list)
  } catch {
    return false
  }
}

function collectIds(n: SpdxNode, out: Set<string>): void {
  if (n.license)
    out.add(`${n.license}${n.plus ? '+' : ''}${n.exception ? ` WITH ${n.exception}` : ''}`)
  if (n.left) collectIds(n.left, out)
  if (n.right) collectIds(n.right, out)
}
