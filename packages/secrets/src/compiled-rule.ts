import type {Severity} from '@pipeguard/core'
import type {Allowlist} from './allowlist'
import {jsPattern, type Pattern} from './pattern'
import type {SecretRule} from './rule'

/**
 * A rule ready to run: built-in `SecretRule`s and rules read from a gitleaks config both end up
 * here, with their regex behind the engine-neutral `Pattern`.
 */
export interface CompiledRule {
  id: string
  description: string
  severity: Severity
  rotation: string
  docs?: string
  prefixLength: number
  /** Lower-case. Empty: the rule runs on every fragment. */
  keywords: string[]
  /** Absent for gitleaks path-only rules, which report the file itself. */
  pattern?: Pattern
  secretGroup?: number
  entropy?: number
  path?: (path: string) => boolean
  allowlists: Allowlist[]
  /** Why a match is not a secret after all, for formats a regex cannot judge (see SecretRule). */
  notASecret?: (secret: string) => string | undefined
  /** Generic assignment rules get the stricter noise filters (UUIDs, hashes, env-var names...). */
  generic: boolean
}

/** Severity of rules read from a gitleaks config, which has no severity field. */
export const GITLEAKS_RULE_SEVERITY: Severity = 'high'

export function isGenericRuleId(id: string): boolean {
  return id.startsWith('generic')
}

export function compileRule(rule: SecretRule): CompiledRule {
  const allowlists: Allowlist[] = []
  if (rule.allowlist) {
    const {regexes = [], stopwords = [], paths = []} = rule.allowlist
    allowlists.push({
      condition: 'OR',
      regexTarget: 'secret',
      regexes: regexes.map(re => jsPattern(re).test),
      paths: paths.map(re => jsPattern(re).test),
      commits: [],
      stopwords: stopwords.map(w => w.toLowerCase())
    })
  }
  const compiled: CompiledRule = {
    id: rule.id,
    description: rule.description,
    severity: rule.severity,
    rotation: rule.rotation,
    prefixLength: rule.prefixLength ?? 0,
    keywords: rule.keywords.map(k => k.toLowerCase()),
    pattern: jsPattern(rule.regex),
    allowlists,
    generic: isGenericRuleId(rule.id)
  }
  if (rule.docs) compiled.docs = rule.docs
  if (rule.secretGroup !== undefined) compiled.secretGroup = rule.secretGroup
  if (rule.entropy !== undefined) compiled.entropy = rule.entropy
  if (rule.path) compiled.path = jsPattern(rule.path).test
  if (rule.notASecret) compiled.notASecret = rule.notASecret
  return compiled
}
