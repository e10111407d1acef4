import {existsSync, readFileSync} from 'node:fs'
import {join, resolve} from 'node:path'
import {ConfigError, didYouMean, type Config} from '@pipeguard/core'
import picomatch from 'picomatch'
import type {Allowlist} from './allowlist'
import {compileRule, type CompiledRule} from './compiled-rule'
import type {DetectorOptions} from './detector'
import {loadGitleaksConfig} from './gitleaks-config'
import {parseGitleaksIgnore} from './gitleaks-ignore'
import {re2Pattern} from './pattern'
import type {SecretRule} from './rule'

export const GITLEAKS_CONFIG_FILE = '.gitleaks.toml'
export const GITLEAKS_IGNORE_FILE = '.gitleaksignore'

export interface SecretsSettings {
  detector: DetectorOptions
  /** gitleaks fingerprints from `.gitleaksignore`. */
  gitleaksIgnore: Set<string>
  notes: string[]
}

/**
 * Everything the secret scan takes from configuration: the rule set (built-in, or a gitleaks
 * config, optionally extending the built-ins), `secrets.*` keys, and `.gitleaksignore`.
 */
export function loadSecretsSettings(
  root: string,
  config: Config,
  builtins: SecretRule[]
): SecretsSettings {
  const secrets = config.secrets
  const notes: string[] = []
  const compiled = builtins.map(compileRule)
  let rules: CompiledRule[] = compiled
  const allowlists: Allowlist[] = []

  const gitleaksName = secrets.gitleaksConfig ?? GITLEAKS_CONFIG_FILE
  const gitleaksFile = resolve(root, gitleaksName)
  let origin = 'built in'
  if (secrets.gitleaksConfig || existsSync(gitleaksFile)) {
    const gitleaks = loadGitleaksConfig(gitleaksFile, {defaults: compiled, baseDirs: [root]})
    rules = gitleaks.rules
    allowlists.push(...gitleaks.allowlists)
    origin = gitleaks.extendsDefaults ? `built in and from ${gitleaksName}` : `from ${gitleaksName}`
    const present = new Set(rules.map(r => r.id))
    const off = compiled.filter(r => !present.has(r.id)).length
    // A gitleaks config without useDefault silently replaces every built-in rule: say so in every report.
    if (off > 0) {
      notes.push(
        gitleaks.extendsDefaults
          ? `${off} built-in rule(s) do not run: [extend] disabledRules in ${gitleaksName}`
          : `${off} built-in rule(s) do not run: ${gitleaksName} replaces them (it does not set [extend] useDefault = true)`
      )
    }
  }

  const known = new Set(rules.map(r => r.id))
  secrets.disableRules.forEach(({id}, i) => {
    if (!known.has(id)) {
      const hint = didYouMean(id, [...known])
      throw new ConfigError(
        `secrets.disable-rules[${i}].id: unknown rule "${id}"${hint ? ` (did you mean "${hint}"?)` : ''}`
      )
    }
  })
  const disabled = new Set(secrets.disableRules.map(entry => entry.id))
  rules = rules.filter(r => !disabled.has(r.id))
  if (disabled.size > 0) notes.push(`${disabled.size} rule(s) do not run: secrets.disable-rules`)
  notes.unshift(`${rules.length} rule(s) run (${origin})`)
  if (secrets.entropy !== undefined) {
    rules = rules.map(r => (r.generic ? {...r, entropy: secrets.entropy} : r))
  }

  if (secrets.allowPaths.length) {
    const match = picomatch(
      secrets.allowPaths.map(entry => entry.path),
      {dot: true}
    )
    allowlists.push({
      condition: 'OR',
      regexTarget: 'secret',
      regexes: [],
      paths: [path => match(path)],
      commits: [],
      stopwords: []
    })
  }
  if (secrets.allowRegexes.length) {
    const regexes = secrets.allowRegexes.map(({regex}, i) => {
      try {
        return re2Pattern(regex).test
      } catch (error) {
        throw new ConfigError(
          `secrets.allow-regexes[${i}].regex: invalid regex ${JSON.stringify(regex)}: ${(error as Error).message}`
        )
      }
    })
    allowlists.push({
      condition: 'OR',
      regexTarget: 'secret',
      regexes,
      paths: [],
      commits: [],
      stopwords: []
    })
  }

  const ignoreFile = join(root, GITLEAKS_IGNORE_FILE)
  const gitleaksIgnore = existsSync(ignoreFile)
    ? parseGitleaksIgnore(readFileSync(ignoreFile, 'utf8'))
    : new Set<string>()
  return {
    detector: {rules, allowlists, maxDecodeDepth: secrets.maxDecodeDepth},
    gitleaksIgnore,
    notes
  }
}
