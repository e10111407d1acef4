import {existsSync, readFileSync} from 'node:fs'
import {dirname, isAbsolute, resolve} from 'node:path'
import {ConfigError} from '@pipeguard/core'
import {parse as parseToml} from 'smol-toml'
import {z} from 'zod'
import type {Allowlist, RegexTarget} from './allowlist'
import {GITLEAKS_RULE_SEVERITY, isGenericRuleId, type CompiledRule} from './compiled-rule'
import {re2Pattern, type Pattern} from './pattern'

/** gitleaks follows `[extend] path` this many levels deep and ignores deeper ones. */
export const MAX_EXTEND_DEPTH = 2

const GITLEAKS_ROTATION =
  'Revoke the credential where it was issued, issue a new one, store it in a secret manager, and remove it from the code and its git history.'

const AllowlistSchema = z.object({
  description: z.string().optional(),
  condition: z.string().optional(),
  regexTarget: z.string().optional(),
  regexes: z.array(z.string()).optional(),
  paths: z.array(z.string()).optional(),
  commits: z.array(z.string()).optional(),
  stopwords: z.array(z.string()).optional(),
  targetRules: z.array(z.string()).optional()
})
type AllowlistToml = z.infer<typeof AllowlistSchema>

const RuleSchema = z.object({
  id: z.string().optional(),
  description: z.string().optional(),
  regex: z.string().optional(),
  secretGroup: z.number().int().min(0).optional(),
  entropy: z.number().min(0).optional(),
  keywords: z.array(z.string()).optional(),
  path: z.string().optional(),
  tags: z.array(z.string()).optional(),
  allowlist: AllowlistSchema.optional(),
  allowlists: z.array(AllowlistSchema).optional()
})
type RuleToml = z.infer<typeof RuleSchema>

/** gitleaks' TOML shape; keys gitleaks does not know are ignored, as gitleaks does. */
const GitleaksTomlSchema = z.object({
  title: z.string().optional(),
  extend: z
    .object({
      useDefault: z.boolean().optional(),
      path: z.string().optional(),
      disabledRules: z.array(z.string()).optional()
    })
    .optional(),
  rules: z.array(RuleSchema).optional(),
  allowlist: AllowlistSchema.optional(),
  allowlists: z.array(AllowlistSchema).optional()
})

export interface GitleaksConfig {
  rules: CompiledRule[]
  allowlists: Allowlist[]
  /** Whether the built-in rules are the base (`[extend] useDefault`, here or in a file it extends). */
  extendsDefaults: boolean
}

export interface LoadGitleaksOptions {
  /** The built-in rules that `[extend] useDefault = true` brings in. */
  defaults: CompiledRule[]
  /**
   * Folders an `[extend] path` is resolved against, after the config file's own folder; gitleaks
   * resolves it against its working directory, which is usually the scanned root.
   */
  baseDirs?: string[]
}

/**
 * Reads a gitleaks config (and what it extends) into compiled rules and global allowlists,
 * validating what gitleaks validates. Every problem is a ConfigError naming the file and rule.
 */
export function loadGitleaksConfig(file: string, options: LoadGitleaksOptions): GitleaksConfig {
  return loadLevel(file, options, 0)
}

/**
 * The same from a config's text (a pull request's base version); `file` names it in errors and
 * anchors a relative `[extend] path`, which is read from disk.
 */
export function parseGitleaksConfig(
  text: string,
  file: string,
  options: LoadGitleaksOptions
): GitleaksConfig {
  return parseLevel(text, file, options, 0)
}

function loadLevel(file: string, options: LoadGitleaksOptions, depth: number): GitleaksConfig {
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch (error) {
    throw new ConfigError(
      `${file}: cannot read the gitleaks config (${(error as NodeJS.ErrnoException).code ?? 'error'})`
    )
  }
  return parseLevel(text, file, options, depth)
}

function parseLevel(
  text: string,
  file: string,
  options: LoadGitleaksOptions,
  depth: number
): GitleaksConfig {
  const fail = (message: string): never => {
    throw new ConfigError(`${file}: ${message}`)
  }
  let data: unknown
  try {
    data = parseToml(text)
  } catch (error) {
    return fail(`invalid TOML: ${(error as Error).message.split('\n')[0]}`)
  }
  const parsed = GitleaksTomlSchema.safeParse(data)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!
    return fail(`${issue.path.join('.') || 'config'}: ${issue.message}`)
  }
  const toml = parsed.data
  const extend = toml.extend
  if (extend?.useDefault && extend.path) fail('[extend] sets both useDefault and path; use one')
  const extending = Boolean(extend?.useDefault || extend?.path)

  // The base this file builds on, when it extends one and the depth allows it.
  let base: GitleaksConfig = {rules: [], allowlists: [], extendsDefaults: false}
  if (extending && depth < MAX_EXTEND_DEPTH) {
    if (extend!.useDefault) base = {rules: options.defaults, allowlists: [], extendsDefaults: true}
    else
      base = loadLevel(
        resolveExtendPath(file, extend!.path!, options.baseDirs ?? [], fail),
        options,
        depth + 1
      )
  }
  const disabled = new Set(extend?.disabledRules ?? [])

  const byId = new Map<string, CompiledRule>()
  for (const rule of base.rules) if (!disabled.has(rule.id)) byId.set(rule.id, rule)
  ;(toml.rules ?? []).forEach((raw, index) => {
    const id = raw.id?.trim()
    if (!id) {
      const context = raw.regex
        ? `, regex: ${raw.regex}`
        : raw.path
          ? `, path: ${raw.path}`
          : raw.description
            ? `, description: ${raw.description}`
            : ''
      fail(`[[rules]] entry ${index + 1}: rule |id| is missing or empty${context}`)
    }
    const ruleFail = (message: string): never => fail(`rule "${id}": ${message}`)
    const allowlists = ruleAllowlists(raw, ruleFail)
    const pattern = raw.regex !== undefined ? compile(raw.regex, 'regex', ruleFail) : undefined
    const path = raw.path !== undefined ? compile(raw.path, 'path', ruleFail).test : undefined
    const existing = byId.get(id!)
    let rule: CompiledRule
    if (existing) {
      rule = {...existing, allowlists: [...existing.allowlists, ...allowlists]}
      if (raw.description) rule.description = raw.description
      if (pattern) rule.pattern = pattern
      if (path) rule.path = path
      if (raw.secretGroup !== undefined) rule.secretGroup = raw.secretGroup
      if (raw.entropy !== undefined) rule.entropy = raw.entropy
      if (raw.keywords?.length) rule.keywords = raw.keywords.map(k => k.toLowerCase())
    } else {
      if (!pattern && !path) {
        // gitleaks accepts such an entry only as an override of a rule it extends.
        if (extending) return
        ruleFail('both |regex| and |path| are empty, this rule will have no effect')
      }
      rule = {
        id: id!,
        description: raw.description ?? id!,
        severity: GITLEAKS_RULE_SEVERITY,
        rotation: GITLEAKS_ROTATION,
        prefixLength: 0,
        keywords: (raw.keywords ?? []).map(k => k.toLowerCase()),
        allowlists,
        generic: isGenericRuleId(id!)
      }
      if (pattern) rule.pattern = pattern
      if (path) rule.path = path
      if (raw.secretGroup !== undefined) rule.secretGroup = raw.secretGroup
      if (raw.entropy !== undefined) rule.entropy = raw.entropy
    }
    if (
      rule.pattern &&
      rule.secretGroup !== undefined &&
      rule.secretGroup > rule.pattern.groupCount
    ) {
      ruleFail(
        `invalid regex secret group ${rule.secretGroup}, max regex secret group ${rule.pattern.groupCount}`
      )
    }
    byId.set(id!, rule)
  })

  if (toml.allowlist && toml.allowlists)
    fail('[allowlist] is deprecated, it cannot be used alongside [[allowlists]]')
  const globalRaw = toml.allowlist ? [toml.allowlist] : (toml.allowlists ?? [])
  const allowlists = [...base.allowlists]
  globalRaw.forEach((raw, index) => {
    const where = toml.allowlist ? '[allowlist]' : `[[allowlists]] entry ${index + 1}`
    const allowlist = compileAllowlist(raw, message => fail(`${where}: ${message}`))
    for (const target of allowlist.targetRules ?? []) {
      if (!byId.has(target)) fail(`${where}: targetRules references unknown rule "${target}"`)
    }
    allowlists.push(allowlist)
  })
  return {rules: [...byId.values()], allowlists, extendsDefaults: base.extendsDefaults}
}

function resolveExtendPath(
  file: string,
  path: string,
  baseDirs: string[],
  fail: (m: string) => never
): string {
  if (isAbsolute(path)) {
    if (existsSync(path)) return path
  } else {
    for (const dir of [dirname(file), ...baseDirs]) {
      const candidate = resolve(dir, path)
      if (existsSync(candidate)) return candidate
    }
  }
  return fail(`[extend] path "${path}" does not exist`)
}

function ruleAllowlists(raw: RuleToml, fail: (m: string) => never): Allowlist[] {
  if (raw.allowlist && raw.allowlists)
    fail('[rules.allowlist] is deprecated, it cannot be used alongside [[rules.allowlists]]')
  const list = raw.allowlist ? [raw.allowlist] : (raw.allowlists ?? [])
  return list.map((a, i) => {
    if (a.targetRules) fail('targetRules is only valid in a global [[allowlists]] entry')
    return compileAllowlist(a, message => fail(`allowlist ${i + 1}: ${message}`))
  })
}

const REGEX_TARGETS: RegexTarget[] = ['secret', 'match', 'line']

function compileAllowlist(raw: AllowlistToml, fail: (m: string) => never): Allowlist {
  const empty =
    !raw.commits?.length && !raw.paths?.length && !raw.regexes?.length && !raw.stopwords?.length
  if (empty)
    fail(
      '[[allowlists]] must contain at least one check for: commits, paths, regexes, or stopwords'
    )
  const condition = (raw.condition ?? 'OR').toUpperCase()
  if (condition !== 'OR' && condition !== 'AND')
    fail(`unknown allowlist |condition| "${raw.condition}" (expected AND or OR)`)
  const target = raw.regexTarget ?? 'secret'
  if (!(REGEX_TARGETS as string[]).includes(target))
    fail(`unknown allowlist |regexTarget| "${target}" (expected match, line or secret)`)
  const allowlist: Allowlist = {
    condition: condition as 'OR' | 'AND',
    regexTarget: target as RegexTarget,
    regexes: (raw.regexes ?? []).map(source => compile(source, 'allowlist regex', fail).test),
    paths: (raw.paths ?? []).map(source => compile(source, 'allowlist path', fail).test),
    commits: raw.commits ?? [],
    stopwords: (raw.stopwords ?? []).map(w => w.toLowerCase())
  }
  if (raw.description) allowlist.description = raw.description
  if (raw.targetRules) allowlist.targetRules = raw.targetRules
  return allowlist
}

function compile(source: string, what: string, fail: (m: string) => never): Pattern {
  try {
    return re2Pattern(source)
  } catch (error) {
    return fail(`invalid ${what} ${JSON.stringify(source)}: ${(error as Error).message}`)
  }
}
