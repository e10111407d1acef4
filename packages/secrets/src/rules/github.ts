import {defineRule} from '../rule'
import {keyed, prefixed} from './patterns'
import {ALNUM, HEX, fake} from './synthetic'

const REVOKE =
  'Revoke it at https://github.com/settings/tokens (or the owning app / organization settings) and create a new token; then remove it from history.'

const classic = (prefix: string, seed: string) => prefix + fake(ALNUM, 36, seed)

export const githubRules = [
  defineRule({
    id: 'github-pat',
    description: 'GitHub personal access token (classic)',
    severity: 'high',
    regex: prefixed('ghp_[0-9a-zA-Z]{36}'),
    keywords: ['ghp_'],
    entropy: 3,
    prefixLength: 4,
    rotation: REVOKE,
    docs: 'https://docs.github.com/authentication/keeping-your-account-and-data-secure/about-authentication-to-github#githubs-token-formats',
    truePositives: [
      `GITHUB_TOKEN=${classic('ghp_', 'ghp-1')}`,
      `git clone https://x-access-token:${classic('ghp_', 'ghp-2')}@github.com/acme/api.git`,
      `url = https://${classic('ghp_', 'ghp-4')}:x-oauth-basic@github.com/acme/api.git`,
      `curl https://api.acme.dev/hooks/${classic('ghp_', 'ghp-5')}/run?x=1`
    ],
    falsePositives: [
      `GITHUB_TOKEN=ghp_${'x'.repeat(36)}`,
      `token: ghp_${fake(ALNUM, 20, 'ghp-3')}`,
      `id: ghp_${fake(ALNUM, 40, 'ghp-6')}`
    ]
  }),
  defineRule({
    id: 'github-fine-grained-pat',
    description: 'GitHub fine-grained personal access token',
    severity: 'high',
    regex: prefixed(String.raw`github_pat_[0-9a-zA-Z]{22}_[0-9a-zA-Z]{59}`),
    keywords: ['github_pat_'],
    entropy: 3,
    prefixLength: 11,
    rotation:
      'Revoke it at https://github.com/settings/personal-access-tokens (organization owners can revoke it under Settings > Personal access tokens) and create a new one.',
    docs: 'https://docs.github.com/authentication/keeping-your-account-and-data-secure/managing-your-personal-access-tokens',
    truePositives: [
      `GH_TOKEN="github_pat_${fake(ALNUM, 22, 'ghfg-1')}_${fake(ALNUM, 59, 'ghfg-2')}"`
    ],
    falsePositives: [
      'GH_TOKEN="github_pat_<your-token>"',
      `GH_TOKEN=github_pat_${'x'.repeat(22)}_${'x'.repeat(59)}`
    ]
  }),
  defineRule({
    id: 'github-oauth',
    description: 'GitHub OAuth app access token',
    severity: 'high',
    regex: prefixed('gho_[0-9a-zA-Z]{36}'),
    keywords: ['gho_'],
    entropy: 3,
    prefixLength: 4,
    rotation:
      'Revoke the authorization at https://github.com/settings/applications (or reset the OAuth app tokens in its settings) and re-authorize.',
    docs: 'https://docs.github.com/apps/oauth-apps/maintaining-oauth-apps/modifying-an-oauth-app',
    truePositives: [`"access_token": "${classic('gho_', 'gho-1')}"`],
    falsePositives: [`"access_token": "gho_${'0'.repeat(36)}"`, 'gho_build_cache_dir = "/tmp"']
  }),
  defineRule({
    id: 'github-app-token',
    description: 'GitHub App user-to-server (ghu_) or installation (ghs_) token',
    severity: 'high',
    regex: prefixed('(?:ghu|ghs)_[0-9a-zA-Z]{36}'),
    keywords: ['ghu_', 'ghs_'],
    entropy: 3,
    prefixLength: 4,
    rotation:
      'Installation tokens expire within an hour; revoke early with DELETE /installation/token, and rotate the GitHub App private key at the app settings page if it leaked too.',
    docs: 'https://docs.github.com/apps/creating-github-apps/authenticating-with-a-github-app/authenticating-as-a-github-app-installation',
    truePositives: [
      `token: ${classic('ghs_', 'ghs-1')}`,
      `Authorization: token ${classic('ghu_', 'ghu-1')}`
    ],
    falsePositives: [`token: ghs_${'a'.repeat(36)}`, `token: ghs_${fake(ALNUM, 35, 'ghs-2')}-`]
  }),
  defineRule({
    id: 'github-refresh-token',
    description: 'GitHub App refresh token',
    severity: 'high',
    regex: prefixed('ghr_[0-9a-zA-Z]{36,76}'),
    keywords: ['ghr_'],
    entropy: 3,
    prefixLength: 4,
    rotation:
      'Revoke the user authorization at https://github.com/settings/apps/authorizations and let the user sign in again to get a new refresh token.',
    docs: 'https://docs.github.com/apps/creating-github-apps/authenticating-with-a-github-app/refreshing-user-access-tokens',
    truePositives: [`"refresh_token": "ghr_${fake(ALNUM, 76, 'ghr-1')}"`],
    falsePositives: [`"refresh_token": "ghr_${'x'.repeat(76)}"`, 'ghr_token_cache = {}']
  }),
  defineRule({
    id: 'github-oauth-client-secret',
    description: 'GitHub OAuth app / GitHub App client secret',
    severity: 'high',
    regex: keyed(
      String.raw`github[\w-]{0,20}?client[_-]?secret|gh[_-]?client[_-]?secret`,
      '[a-f0-9]{40}'
    ),
    keywords: ['github', 'gh_client', 'gh-client'],
    entropy: 3,
    rotation:
      'Generate a new client secret and delete the old one in the OAuth app or GitHub App settings (Settings > Developer settings).',
    docs: 'https://docs.github.com/apps/oauth-apps/maintaining-oauth-apps/modifying-an-oauth-app',
    truePositives: [`GITHUB_CLIENT_SECRET=${fake(HEX, 40, 'ghcs-1')}`],
    falsePositives: [
      'GITHUB_CLIENT_SECRET=${GITHUB_CLIENT_SECRET}',
      `GITHUB_CLIENT_SECRET=${'0'.repeat(40)}`
    ]
  })
]
