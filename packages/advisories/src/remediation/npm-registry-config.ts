import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import {ConfigError} from '@pipeguard/core'

export const DEFAULT_NPM_REGISTRY = 'https://registry.npmjs.org/'

/** Where packuments come from and the tokens that may go with them. */
export interface NpmRegistryConfig {
  /** Base URL for unscoped packages, always ending in `/`. */
  registry: string
  /** `@scope` -> base URL from `@scope:registry=` lines. */
  scopes: Record<string, string>
  /**
   * `//host[:port]/path/` -> token from `//host/path/:_authToken=` lines: a token is only sent to
   * URLs under its own key, never to another registry.
   */
  tokens: Record<string, string>
}

/**
 * npm's own precedence, reduced to what fetching packuments needs: `--registry`, then the
 * `npm_config_registry` environment variable, then the project's .npmrc, then the user's
 * (`npm_config_userconfig` or ~/.npmrc). Tokens and scoped registries come from the .npmrc files.
 */
export function npmRegistryConfig(
  projectDir: string,
  env: NodeJS.ProcessEnv,
  flag?: string
): NpmRegistryConfig {
  const userFile =
    env.npm_config_userconfig ??
    env.NPM_CONFIG_USERCONFIG ??
    (env.HOME ? join(env.HOME, '.npmrc') : undefined)
  // Later files win, so the user's comes first.
  const files = [userFile, join(projectDir, '.npmrc')].filter((f): f is string => !!f)
  const settings: Record<string, string> = {}
  for (const file of files) Object.assign(settings, readNpmrc(file, env))
  const scopes: Record<string, string> = {}
  const tokens: Record<string, string> = {}
  for (const [key, value] of Object.entries(settings)) {
    const scope = /^(@[^:]+):registry$/.exec(key)
    if (scope) scopes[scope[1]!] = registryUrl(value, `${scope[1]}:registry`)
    const token = /^(\/\/.+\/):_authToken$/.exec(key)
    if (token) tokens[token[1]!] = value
  }
  // An empty variable is unset, as in a CI step that clears it.
  const chosen =
    flag ?? (env.npm_config_registry || env.NPM_CONFIG_REGISTRY || settings.registry || undefined)
  return {
    registry: registryUrl(chosen ?? DEFAULT_NPM_REGISTRY, flag ? '--registry' : 'registry'),
    scopes,
    tokens
  }
}

/** `key=value` lines; `;`/`#` comments; `${VAR}` expanded from the environment as npm does. */
export function parseNpmrc(text: string, env: NodeJS.ProcessEnv): Record<string, string> {
  const out: Record<string, string> = {}
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim()
    if (!line || line.startsWith(';') || line.startsWith('#')) continue
    const eq = line.indexOf('=')
    if (eq <= 0) continue
    const key = line.slice(0, eq).trim()
    let value = line.slice(eq + 1).trim()
    if (/^(["']).*\1$/.test(value)) value = value.slice(1, -1)
    out[key] = value.replace(/\$\{([^}]+)\}/g, (_, name: string) => env[name] ?? '')
  }
  return out
}

function readNpmrc(file: string, env: NodeJS.ProcessEnv): Record<string, string> {
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch {
    return {}
  }
  return parseNpmrc(text, env)
}

function registryUrl(value: string, where: string): string {
  let url: URL
  try {
    url = new URL(value)
  } catch {
    throw new ConfigError(`${where}: expected an http(s) URL, got "${value}"`)
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new ConfigError(`${where}: expected an http(s) URL, got "${value}"`)
  return url.href.endsWith('/') ? url.href : `${url.href}/`
}

/** The registry that serves `name`: its scope's, else the default one. */
export function registryFor(config: NpmRegistryConfig, name: string): string {
  if (name.startsWith('@')) {
    const scoped = config.scopes[name.slice(0, name.indexOf('/'))]
    if (scoped) return scoped
  }
  return config.registry
}

/**
 * The token for a URL: the longest `//host/path/` key that the URL (without its scheme) starts
 * with, as npm matches them. Undefined for every other host.
 */
export function tokenFor(config: NpmRegistryConfig, url: string): string | undefined {
  const parsed = new URL(url)
  const target = `//${parsed.host}${parsed.pathname}`
  let best: string | undefined
  for (const key of Object.keys(config.tokens)) {
    if (target.startsWith(key) && (!best || key.length > best.length)) best = key
  }
  return best ? config.tokens[best] : undefined
}
