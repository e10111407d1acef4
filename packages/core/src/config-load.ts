import {existsSync, readFileSync, statSync} from 'node:fs'
import {isAbsolute, join, relative} from 'node:path'
import {LineCounter, parseDocument} from 'yaml'
import type {z} from 'zod'
import {camelToKebab, camelizeKeys, findKeyCollision, kebabToCamel} from './case'
import {checkAliases, MAX_ALIAS_EXPANSION} from './config-aliases'
import {ConfigSchema, type Config, type ConfigInput} from './config-schema'
import {didYouMean} from './did-you-mean'
import {ConfigError} from './errors'

export const CONFIG_FILE_NAMES = ['.pipeguard.yml', '.pipeguard.yaml']

export interface LoadedConfig {
  config: Config
  /** The file read, relative to the root when inside it; undefined when defaults were used. */
  file?: string
}

/**
 * Reads `.pipeguard.yml` at the root (or the given file), merges overrides from flags or action
 * inputs on top (they win) and validates the result once.
 */
export function loadConfig(
  root: string,
  configPath?: string,
  overrides: Partial<ConfigInput> = {}
): LoadedConfig {
  let file: string | undefined
  if (configPath) {
    file = isAbsolute(configPath) ? configPath : join(root, configPath)
    if (!existsSync(file)) throw new ConfigError(`${configPath}: config file not found`)
  } else {
    file = CONFIG_FILE_NAMES.map(name => join(root, name)).find(candidate => existsSync(candidate))
  }
  if (!file) return {config: parseConfig({}, 'config', undefined, overrides)}
  const shown = relative(root, file).startsWith('..') ? file : relative(root, file) || file
  // Checked before reading: a folder, a device or a huge file is refused without loading it.
  const stat = statSync(file)
  if (!stat.isFile())
    throw new ConfigError(`${shown}: expected a config file, found something else`)
  if (stat.size > MAX_CONFIG_BYTES) {
    throw new ConfigError(
      `${shown}: the file is ${stat.size} bytes; a config file may have at most ${MAX_CONFIG_BYTES}`
    )
  }
  const text = readFileSync(file, 'utf8')
  return {config: parseConfigText(text, shown, overrides), file: shown}
}

/** A config is a few dozen lines; anything this large is a mistake or an attack on the parser. */
export const MAX_CONFIG_BYTES = 1024 * 1024

export function parseConfigText(
  text: string,
  fileName: string,
  overrides: Partial<ConfigInput> = {}
): Config {
  const bytes = Buffer.byteLength(text)
  if (bytes > MAX_CONFIG_BYTES) {
    throw new ConfigError(
      `${fileName}: the file is ${bytes} bytes; a config file may have at most ${MAX_CONFIG_BYTES}`
    )
  }
  const lineCounter = new LineCounter()
  const at = (offset: number): string => `${fileName}:${lineCounter.linePos(offset).line}`
  // The core schema even under a `%YAML 1.1` directive or with an explicit `!!timestamp` tag: no
  // dates that roll 2099-02-30 over into March, no binary or set types; only plain values.
  const doc = parseDocument(text, {
    lineCounter,
    prettyErrors: false,
    uniqueKeys: true,
    schema: 'core',
    resolveKnownTags: false
  })
  if (doc.errors.length > 0) {
    const error = doc.errors[0]!
    const message =
      error.code === 'MULTIPLE_DOCS'
        ? 'a config file holds one YAML document; remove the second one (after `---`)'
        : `invalid YAML: ${error.message.split('\n')[0]}`
    throw new ConfigError(`${at(error.pos[0])}: ${message}`)
  }
  const aliasProblem = checkAliases(doc)
  if (aliasProblem) throw new ConfigError(`${at(aliasProblem.offset)}: ${aliasProblem.message}`)
  const raw: unknown = doc.toJS({maxAliasCount: MAX_ALIAS_EXPANSION}) ?? {}
  if (!isPlainObject(raw)) {
    throw new ConfigError(`${fileName}: expected a mapping of settings at the top level`)
  }
  // The line of the key path, or of the nearest entry that holds it when the key is missing.
  const lineOf = (path: readonly PropertyKey[]): number | undefined => {
    const kebabPath = path.map(p => (typeof p === 'string' ? camelToKebab(p) : p))
    for (let length = path.length; length > 0; length--) {
      for (const candidate of [path, kebabPath]) {
        const node = doc.getIn(candidate.slice(0, length), true) as
          {range?: [number, number, number]} | undefined
        if (node?.range) return lineCounter.linePos(node.range[0]).line
      }
    }
    return undefined
  }
  return parseConfig(raw, fileName, lineOf, overrides)
}

function parseConfig(
  raw: unknown,
  fileName: string,
  lineOf: ((path: readonly PropertyKey[]) => number | undefined) | undefined,
  overrides: Partial<ConfigInput>
): Config {
  const collision = findKeyCollision(raw)
  if (collision) {
    const [first, second] = collision.keys
    const where = [...collision.path, second].join('.').replace(/\.\[/g, '[')
    const line = lineOf?.([...collision.path, second])
    throw new ConfigError(
      `${fileName}: ${where}${line ? ` (line ${line})` : ''}: "${first}" and "${second}" are the same ` +
        `setting; keep one (config keys are kebab-case: "${camelToKebab(kebabToCamel(second))}")`
    )
  }
  const data = camelizeKeys(raw) as Record<string, unknown>
  const merged = mergeDeep(data, overrides as Record<string, unknown>)
  const result = ConfigSchema.safeParse(merged)
  if (result.success) return result.data
  const messages = result.error.issues.map(issue => formatIssue(issue, merged, fileName, lineOf))
  throw new ConfigError(messages.join('\n'))
}

function mergeDeep(
  base: Record<string, unknown>,
  over: Record<string, unknown>
): Record<string, unknown> {
  const out: Record<string, unknown> = {...base}
  for (const [key, value] of Object.entries(over)) {
    if (value === undefined) continue
    const current = out[key]
    out[key] = isPlainObject(current) && isPlainObject(value) ? mergeDeep(current, value) : value
  }
  return out
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function formatIssue(
  issue: z.core.$ZodIssue,
  data: unknown,
  fileName: string,
  lineOf: ((path: readonly PropertyKey[]) => number | undefined) | undefined
): string {
  const keyPath = issue.path.map(p => (typeof p === 'string' ? camelToKebab(p) : `[${String(p)}]`))
  const where = keyPath.join('.').replace(/\.\[/g, '[')
  const line = lineOf?.(issue.path)
  const suffix = line ? ` (line ${line})` : ''
  const prefix = where ? `${fileName}: ${where}: ` : `${fileName}: `
  switch (issue.code) {
    case 'unrecognized_keys': {
      const known = knownKeys(issue.path).map(camelToKebab)
      return issue.keys
        .map(key => {
          // Only identifiers were camelized from kebab-case; any other key is shown as written.
          const kebab = /^[a-z][a-zA-Z0-9]*$/.test(key) ? camelToKebab(key) : key
          const hint = didYouMean(kebab, known)
          const keyLine = lineOf?.([...issue.path, key])
          // JSON quoting keeps a key that YAML built from a collection (`? a: b`) on one line.
          return `${prefix}unknown key ${JSON.stringify(kebab)}${hint ? ` (did you mean "${hint}"?)` : ''}${
            keyLine ? ` (line ${keyLine})` : ''
          }`
        })
        .join('\n')
    }
    case 'invalid_type': {
      const value = valueAt(data, issue.path)
      if (value === undefined)
        return `${prefix}required: expected ${article(issue.expected)}${suffix}`
      return `${prefix}expected ${article(issue.expected)}, got ${describe(value)}${suffix}`
    }
    case 'invalid_value':
      return `${prefix}expected one of ${issue.values
        .map(v => JSON.stringify(v))
        .join(', ')}, got ${describe(valueAt(data, issue.path))}${suffix}`
    default:
      return `${prefix}${issue.message}${suffix}`
  }
}

function article(expected: string): string {
  if (expected === 'array') return 'a list'
  if (expected === 'object') return 'a mapping'
  return /^[aeiou]/.test(expected) ? `an ${expected}` : `a ${expected}`
}

function describe(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'a list'
  if (typeof value === 'object') return 'a mapping'
  return JSON.stringify(value)
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let current: unknown = data
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined
    current = (current as Record<PropertyKey, unknown>)[key]
  }
  return current
}

/** The keys the schema accepts at a path, for "did you mean". */
function knownKeys(path: readonly PropertyKey[]): string[] {
  let schema: z.core.$ZodType | undefined = ConfigSchema as unknown as z.core.$ZodType
  for (const key of path) {
    schema = unwrap(schema)
    if (!schema) return []
    const def = schema._zod.def as unknown as {
      type: string
      shape?: Record<string, z.core.$ZodType>
      element?: z.core.$ZodType
    }
    if (def.type === 'object' && typeof key === 'string') schema = def.shape?.[key]
    else if (def.type === 'array' && typeof key === 'number') schema = def.element
    else return []
  }
  schema = unwrap(schema)
  const def = schema?._zod.def as unknown as
    {type: string; shape?: Record<string, unknown>} | undefined
  return def?.type === 'object' && def.shape ? Object.keys(def.shape) : []
}

function unwrap(schema: z.core.$ZodType | undefined): z.core.$ZodType | undefined {
  let current = schema
  for (let i = 0; current && i < 10; i++) {
    const def = current._zod.def as unknown as {
      type: string
      innerType?: z.core.$ZodType
      out?: z.core.$ZodType
    }
    if (def.type === 'default' || def.type === 'optional' || def.type === 'nullable')
      current = def.innerType
    else if (def.type === 'pipe') current = def.out
    else return current
  }
  return current
}
