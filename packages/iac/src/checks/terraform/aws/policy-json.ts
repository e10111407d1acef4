import {type HclValue, UNKNOWN, isKnown, isObject} from '../helpers'

export interface PolicyStatement {
  Effect?: unknown
  Action?: unknown
  NotAction?: unknown
  Resource?: unknown
  Principal?: unknown
  Condition?: unknown
}

/**
 * The statements of an IAM policy given as JSON text (heredoc, file-less string) or as an evaluated
 * `jsonencode(...)` argument. undefined when it cannot be known.
 */
export function policyStatements(value: HclValue | undefined): PolicyStatement[] | undefined {
  if (value === undefined || value === UNKNOWN) return undefined
  let doc: unknown = value
  if (typeof value === 'string') {
    try {
      doc = JSON.parse(value)
    } catch {
      return undefined
    }
  } else if (!isKnown(value)) {
    return undefined
  }
  if (!isObject(doc as HclValue)) return undefined
  const statement = (doc as Record<string, unknown>).Statement
  const list = Array.isArray(statement) ? statement : statement ? [statement] : []
  return list.filter((s): s is PolicyStatement => typeof s === 'object' && s !== null)
}

export function asList(v: unknown): unknown[] {
  return Array.isArray(v) ? v : v === undefined || v === null ? [] : [v]
}

export const isAllow = (s: PolicyStatement): boolean =>
  s.Effect === undefined || s.Effect === 'Allow'

/** `"*"`, `{"AWS": "*"}` or `{"AWS": ["*"]}`. */
export function isPublicPrincipal(principal: unknown): boolean {
  if (principal === '*') return true
  if (typeof principal === 'object' && principal !== null && !Array.isArray(principal)) {
    return asList((principal as Record<string, unknown>).AWS).includes('*')
  }
  return false
}
