import {ConfigError} from '@pipeguard/core'

/** The OSV API base as requests use it and as messages show it. */
export interface OsvEndpoint {
  /** Without credentials and trailing slashes: what requests are sent to. */
  base: string
  /** The base as every note, error and report shows it: credentials masked. */
  shown: string
  /** `Basic ...` from the URL's user and password (`--osv-url https://user:token@host`). */
  authorization?: string
}

/**
 * Splits `--osv-url` once: credentials in it (a proxy in front of the API) become an
 * Authorization header and never appear in a message. fetch() itself refuses URLs with credentials.
 */
export function osvEndpoint(raw: string): OsvEndpoint {
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    throw new ConfigError(`the OSV API URL ${describeUrl(raw)} is not a valid URL`)
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new ConfigError(`the OSV API URL ${describeUrl(raw)} is not an http(s) URL`)
  const user = decodeURIComponent(url.username)
  const password = decodeURIComponent(url.password)
  url.username = ''
  url.password = ''
  const base = url.href.replace(/\/+$/, '')
  const authorization =
    user || password ? `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}` : undefined
  const shown = authorization ? base.replace('://', '://****@') : base
  return {base, shown, ...(authorization ? {authorization} : {})}
}

/** A URL as messages may show it: any `user:password@` becomes `****@`. The one place that does. */
export function describeUrl(url: string): string {
  return url.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/?#]*@/i, '$1****@')
}

/**
 * The secret parts of a URL's userinfo, for a log masker (`core.setSecret`): the password as
 * written and decoded, the whole `user:password`, or a lone user name (a token used as the user).
 */
export function urlCredentials(raw: string): string[] {
  let url: URL
  try {
    url = new URL(raw.trim())
  } catch {
    return []
  }
  const {username, password} = url
  const parts = password
    ? [password, decodeURIComponent(password), `${username}:${password}`]
    : [username, decodeURIComponent(username)]
  return [...new Set(parts.filter(Boolean))]
}
