import {httpStatus, type GitHubClient} from './octokit'

/** The account whose comments and issues a token writes, and so the only ones pipeguard edits. */
export interface TokenIdentity {
  login: string
  /** Known for a user token; a login can be renamed and then taken by someone else, an id cannot. */
  id?: number
  type: string
}

/**
 * GITHUB_TOKEN writes as `github-actions[bot]`. Installation tokens cannot read GET /user (403),
 * and cannot look up their app's own `<slug>[bot]` either (GET /app needs the app's JWT), so a
 * 403 means this account. A custom app's installation token therefore finds no earlier comment of
 * its own and posts a new one: a duplicate, never an edit of someone else's text.
 */
export const ACTIONS_BOT: TokenIdentity = {login: 'github-actions[bot]', type: 'Bot'}

const identities = new WeakMap<GitHubClient, Promise<TokenIdentity>>()

/** Who the client's token writes as, asked once per client: GET /user for a user token (PAT). */
export function tokenIdentity(octokit: GitHubClient): Promise<TokenIdentity> {
  let identity = identities.get(octokit)
  if (!identity) {
    identity = lookUp(octokit)
    identities.set(octokit, identity)
  }
  return identity
}

async function lookUp(octokit: GitHubClient): Promise<TokenIdentity> {
  try {
    const {data} = await octokit.rest.users.getAuthenticated()
    return {login: data.login, id: data.id, type: data.type}
  } catch (error) {
    if (httpStatus(error) === 403) return ACTIONS_BOT
    throw error
  }
}

/** True when `user` (a comment's or issue's author) is the token's own account. */
export function isAuthoredBy(
  user: {login: string; id?: number; type?: string} | null | undefined,
  identity: TokenIdentity
): boolean {
  if (!user) return false
  if (identity.id !== undefined) return user.id === identity.id
  return user.login === identity.login && user.type === identity.type
}
