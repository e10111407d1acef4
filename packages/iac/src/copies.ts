import {createHash} from 'node:crypto'
import type {Finding, Location} from '@pipeguard/core'

/**
 * Copies of one manifest (per environment, per example) produce the same problem in identical
 * content: one finding per (rule, message, resource content and place in it), at the first
 * location by path, the others listed in `relatedLocations`. `identityOf` gives the finding's place
 * in its resource and the resource's text.
 */
export function collapseCopies(
  findings: Finding[],
  identityOf: (finding: Finding) => string
): Finding[] {
  const groups = new Map<string, Finding[]>()
  for (const f of findings) {
    const content = createHash('sha256').update(identityOf(f)).digest('hex')
    const key = [f.ruleId, f.message, f.properties?.resource ?? '', content].join('\0')
    const group = groups.get(key)
    if (group) group.push(f)
    else groups.set(key, [f])
  }
  return [...groups.values()].map(group => {
    if (group.length === 1) return group[0]!
    const [first, ...others] = [...group].sort(byLocation)
    const relatedLocations: Location[] = others.map(o => o.location)
    return {...first!, relatedLocations}
  })
}

function byLocation(a: Finding, b: Finding): number {
  const path = a.location.path < b.location.path ? -1 : a.location.path > b.location.path ? 1 : 0
  return path || a.location.startLine - b.location.startLine
}
