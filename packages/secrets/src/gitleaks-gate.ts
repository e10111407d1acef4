import {resolve} from 'node:path'
import {
  addedEntries,
  ConfigError,
  type GateChange,
  type GateInput,
  type GateSide,
  type ScannerGate
} from '@pipeguard/core'
import {parse as parseToml} from 'smol-toml'
import {compileRule, type CompiledRule} from './compiled-rule'
import {parseGitleaksConfig} from './gitleaks-config'
import type {SecretRule} from './rule'
import {GITLEAKS_CONFIG_FILE, GITLEAKS_IGNORE_FILE} from './settings'

/** Ids named in one change; the count tells the rest. */
const NAMED = 5

/**
 * The secret scan's own configuration on a pull request: the rules and allowlists of the gitleaks
 * config (`.gitleaks.toml`) and the `.gitleaksignore` fingerprints, base against head.
 */
export function secretsGate(builtins: SecretRule[]): ScannerGate {
  let defaults: CompiledRule[] | undefined
  return {
    files: config => [config.secrets.gitleaksConfig ?? GITLEAKS_CONFIG_FILE, GITLEAKS_IGNORE_FILE],
    changes: input => {
      defaults ??= builtins.map(compileRule)
      return [...gitleaksChanges(input, defaults), ...ignoreFileChanges(input)]
    }
  }
}

interface RuleSet {
  name: string
  /** Text of the gitleaks config; undefined when there is none (the built-in rules run). */
  text?: string
  ids: Set<string>
  extendsDefaults: boolean
  raw: Map<string, string>
  allowlists: Array<{key: string; entry: Record<string, unknown>}>
}

function gitleaksChanges(input: GateInput, defaults: CompiledRule[]): GateChange[] {
  const base = ruleSet(input.base, input.root, defaults)
  const head = ruleSet(input.head, input.root, defaults)
  // A base config that cannot be read cannot be compared; a head one fails the scan itself.
  if (!base || !head) return []
  const changes: GateChange[] = []
  const removed = [...base.ids].filter(id => !head.ids.has(id))
  if (removed.length > 0) {
    const replaces = head.text !== undefined && !head.extendsDefaults && base.extendsDefaults
    changes.push({
      file: head.text !== undefined ? head.name : base.name,
      what: `disables ${removed.length} secret rule(s)`,
      subject: named(removed),
      ...(replaces
        ? {
            how: 'it does not set [extend] useDefault = true, so its rules replace the built-in ones'
          }
        : {})
    })
  }
  const changed = [...head.ids].filter(
    id => base.ids.has(id) && base.raw.get(id) !== head.raw.get(id)
  )
  if (changed.length > 0) {
    changes.push({
      file: head.name,
      what: `changes ${changed.length} secret rule(s) (regex, keywords, entropy, path or allowlists)`,
      subject: named(changed)
    })
  }
  const before = new Set(base.allowlists.map(a => a.key))
  for (const {key, entry} of head.allowlists) {
    if (before.has(key)) continue
    const description = typeof entry.description === 'string' ? entry.description : undefined
    changes.push({
      file: head.name,
      what: 'adds a global allowlist to the secret scan',
      subject: describeAllowlist(entry),
      ...(description ? {reason: description} : {})
    })
  }
  return changes
}

function ruleSet(side: GateSide, root: string, defaults: CompiledRule[]): RuleSet | undefined {
  const name = side.config.secrets.gitleaksConfig ?? GITLEAKS_CONFIG_FILE
  const text = side.text(name)
  if (text === undefined) {
    return {
      name,
      ids: new Set(defaults.map(r => r.id)),
      extendsDefaults: true,
      raw: new Map(),
      allowlists: []
    }
  }
  try {
    const config = parseGitleaksConfig(text, resolve(root, name), {defaults, baseDirs: [root]})
    const toml = parseToml(text) as {
      rules?: Array<Record<string, unknown>>
      allowlist?: Record<string, unknown>
      allowlists?: Array<Record<string, unknown>>
    }
    const globals = toml.allowlist ? [toml.allowlist] : (toml.allowlists ?? [])
    return {
      name,
      text,
      ids: new Set(config.rules.map(r => r.id)),
      extendsDefaults: config.extendsDefaults,
      raw: new Map(
        (toml.rules ?? []).map(rule => [String(rule.id).trim(), JSON.stringify(rule)] as const)
      ),
      allowlists: globals.map(entry => ({key: JSON.stringify(entry), entry}))
    }
  } catch (error) {
    if (error instanceof ConfigError) return undefined
    throw error
  }
}

function describeAllowlist(entry: Record<string, unknown>): string {
  return ['paths', 'regexes', 'stopwords', 'commits']
    .filter(key => Array.isArray(entry[key]) && (entry[key] as unknown[]).length > 0)
    .map(key => `${key}: ${named((entry[key] as unknown[]).map(String))}`)
    .join('; ')
}

function ignoreFileChanges(input: GateInput): GateChange[] {
  const added = addedEntries(
    input.base.text(GITLEAKS_IGNORE_FILE),
    input.head.text(GITLEAKS_IGNORE_FILE)
  )
  return added.length
    ? [
        {
          file: GITLEAKS_IGNORE_FILE,
          what: `ignores ${added.length} more secret finding(s) by fingerprint`,
          subject: named(added)
        }
      ]
    : []
}

function named(items: string[]): string {
  const shown = items.slice(0, NAMED).join(', ')
  return items.length > NAMED ? `${shown} and ${items.length - NAMED} more` : shown
}
