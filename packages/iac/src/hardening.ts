import {
  INFORMATION_URI,
  type Finding,
  type IacProfile,
  compareSeverity,
  createFinding
} from '@pipeguard/core'
import type {Emitted} from './engine'

/** The rule id of the finding that lists a resource's missing hardening items. */
export const HARDENING_RULE_ID = 'PG-IAC-HARDENING'

export interface HygieneSelection {
  profile: IacProfile
  /** Check ids or aliases also rolled up (`iac.hygiene-checks.add`). */
  add: string[]
  /** Check ids or aliases always shown on their own (`iac.hygiene-checks.remove`). */
  remove: string[]
}

/** Whether the default profile rolls this result up: config first, then the result, then the check. */
export function isHygiene({check, result}: Emitted, selection: HygieneSelection): boolean {
  const ids = [check.id, ...(check.aliases ?? [])].map(id => id.toLowerCase())
  const names = (list: string[]) => list.some(id => ids.includes(id.toLowerCase()))
  if (names(selection.remove)) return false
  if (names(selection.add)) return true
  return result.hygiene ?? check.hygiene === 'always'
}

/**
 * The default profile shows exposures one by one and rolls hardening items (probes, limits,
 * HEALTHCHECK, pins) into one finding per resource that lists them: they are worth doing, rarely
 * urgent, and one per item buried what a maintainer acts on. `strict` shows every item on its own.
 */
export function rollUpHygiene(
  emitted: Emitted[],
  selection: HygieneSelection
): {shown: Emitted[]; hardening: Finding[]} {
  if (selection.profile === 'strict') return {shown: emitted, hardening: []}
  const shown: Emitted[] = []
  const groups = new Map<string, Emitted[]>()
  for (const e of emitted) {
    if (!isHygiene(e, selection)) {
      shown.push(e)
      continue
    }
    const key = [e.path, e.check.platform, e.result.resource ?? ''].join('\0')
    const group = groups.get(key)
    if (group) group.push(e)
    else groups.set(key, [e])
  }
  return {shown, hardening: [...groups.values()].map(hardeningFinding)}
}

function hardeningFinding(items: Emitted[]): Finding {
  const {path, check, result} = items[0]!
  const resource = result.resource ?? ''
  const ids = [...new Set(items.map(i => i.check.id))]
  const named = ids.map(id => {
    const item = items.find(i => i.check.id === id)!
    return `${item.check.title} (${id})`
  })
  const severity = items.map(i => i.check.severity).sort(compareSeverity)[0]!
  const subject = resource || path
  return createFinding({
    scanner: 'iac',
    ruleId: HARDENING_RULE_ID,
    severity,
    title: 'Hardening settings are missing',
    message: `${subject}: ${ids.length} hardening item(s): ${named.join('; ')}`,
    path,
    startLine: Math.min(...items.map(i => i.result.line)),
    endLine: Math.max(...items.map(i => i.result.endLine ?? i.result.line)),
    remediation:
      'Fix the items listed, or run with `--profile strict` to see each one with its fix on its own line.',
    helpUri: `${INFORMATION_URI}/blob/main/docs/checks.md#profiles`,
    // The resource alone: fixing one item keeps the finding's identity (a baseline still holds it).
    fingerprintContent: [HARDENING_RULE_ID, check.platform, resource].join('\n'),
    properties: {platform: check.platform, ...(resource ? {resource} : {}), items: ids.join(',')}
  })
}
