import {compareSeverity} from '@pipeguard/core'
import type {Emitted} from './engine'

/**
 * One result per construct. Checks of one family on the same line of one resource (an ingress rule
 * open on every port matches SSH, RDP, databases and all ports) keep the most severe, naming the
 * others; a workflow check reports each step or job once, however many expressions it holds.
 * Input order is kept (by each group's first result).
 */
export function collapseSameConstruct(emitted: Emitted[]): Emitted[] {
  const groups = new Map<string, Emitted[]>()
  emitted.forEach((e, index) => {
    const key = constructKey(e) ?? `\0${index}`
    const group = groups.get(key)
    if (group) group.push(e)
    else groups.set(key, [e])
  })
  return [...groups.values()].map(group => {
    if (group.length === 1) return group[0]!
    return group[0]!.check.family ? mostSevere(group) : oneStep(group)
  })
}

function constructKey({check, result, path}: Emitted): string | undefined {
  if (check.family)
    return ['family', path, check.family, result.resource ?? '', result.line].join('\0')
  if (check.platform === 'github-actions' && result.resource)
    return ['step', path, check.id, result.resource].join('\0')
  return undefined
}

function mostSevere(group: Emitted[]): Emitted {
  const [top, ...others] = [...group].sort((a, b) =>
    compareSeverity(a.check.severity, b.check.severity)
  )
  const ids = [...new Set(others.map(o => o.check.id))].filter(id => id !== top!.check.id)
  const base =
    top!.result.message ??
    (top!.result.resource ? `${top!.check.title} (${top!.result.resource})` : top!.check.title)
  return ids.length
    ? {
        ...top!,
        result: {...top!.result, message: `${base}; the same rule also matches ${ids.join(', ')}`}
      }
    : top!
}

function oneStep(group: Emitted[]): Emitted {
  const first = group[0]!
  const messages = [
    ...new Set(group.flatMap(e => (e.result.message === undefined ? [] : [e.result.message])))
  ]
  const lines = group.map(e => e.result.line)
  const ends = group.map(e => e.result.endLine ?? e.result.line)
  return {
    ...first,
    result: {
      ...first.result,
      line: Math.min(...lines),
      endLine: Math.max(...ends),
      ...(messages.length ? {message: messages.join('; ')} : {})
    }
  }
}
