import {defineRule} from '../rule'
import {keyed, prefixed} from './patterns'
import {ALNUM, BASE64URL, LOWER_ALNUM, fake} from './synthetic'

export const atlassianRules = [
  defineRule({
    id: 'atlassian-api-token',
    description: 'Atlassian (Jira / Confluence / Bitbucket Cloud) API token',
    severity: 'high',
    regex: prefixed('ATATT3[A-Za-z0-9_=-]{186}'),
    keywords: ['atatt3'],
    entropy: 3.5,
    prefixLength: 6,
    rotation:
      'Revoke it at https://id.atlassian.com/manage-profile/security/api-tokens and create a new token.',
    docs: 'https://support.atlassian.com/atlassian-account/docs/manage-api-tokens-for-your-atlassian-account/',
    truePositives: [`JIRA_API_TOKEN=ATATT3xFfGF0${fake(BASE64URL, 180, 'atatt-1')}`],
    falsePositives: [`JIRA_API_TOKEN=ATATT3${'x'.repeat(186)}`, 'JIRA_API_TOKEN=ATATT3<your-token>']
  }),
  defineRule({
    id: 'atlassian-api-token-legacy',
    description:
      'Atlassian API token (legacy 24-character format) next to a Jira / Confluence / Atlassian key',
    severity: 'high',
    regex: keyed('atlassian|confluence|jira', String.raw`(?=[a-z]{0,23}\d)[a-z0-9]{24}`),
    keywords: ['atlassian', 'confluence', 'jira'],
    entropy: 3.5,
    rotation:
      'Revoke it at https://id.atlassian.com/manage-profile/security/api-tokens and create a new token.',
    docs: 'https://support.atlassian.com/atlassian-account/docs/manage-api-tokens-for-your-atlassian-account/',
    truePositives: [`JIRA_API_TOKEN=${fake(ALNUM, 24, 'jira-1')}`],
    falsePositives: [
      'jira_project_key = "PLATFORMTEAMBACKLOGITEMS"',
      'JIRA_API_TOKEN=${JIRA_API_TOKEN}'
    ]
  }),
  defineRule({
    id: 'bitbucket-app-password',
    description: 'Bitbucket Cloud app password / access token (ATBB / ATCTT prefix)',
    severity: 'high',
    regex: prefixed('(?:ATBB[A-Za-z0-9]{32}|ATCTT3[A-Za-z0-9_=-]{180,200})'),
    keywords: ['atbb', 'atctt3'],
    entropy: 3.5,
    prefixLength: 4,
    rotation:
      'Revoke the app password at https://bitbucket.org/account/settings/app-passwords/ (or the repository/workspace access token in its settings) and create a new one.',
    docs: 'https://support.atlassian.com/bitbucket-cloud/docs/app-passwords/',
    truePositives: [
      `BITBUCKET_APP_PASSWORD=ATBB${fake(ALNUM, 32, 'atbb-1')}`,
      `token: ATCTT3xFfGN0${fake(BASE64URL, 182, 'atctt-1')}`
    ],
    falsePositives: [`BITBUCKET_APP_PASSWORD=ATBB${'X'.repeat(32)}`, 'ATBBREVIATION = 1']
  }),
  defineRule({
    id: 'bitbucket-client-id',
    description: 'Bitbucket OAuth consumer key',
    severity: 'medium',
    regex: keyed(String.raw`bitbucket[\w.-]{0,20}?(?:client[_-]?id|key)`, '[a-z0-9]{18,32}'),
    keywords: ['bitbucket'],
    entropy: 3.5,
    rotation:
      'Delete the OAuth consumer in the Bitbucket workspace settings (OAuth consumers) and create a new one.',
    docs: 'https://support.atlassian.com/bitbucket-cloud/docs/use-oauth-on-bitbucket-cloud/',
    truePositives: [`BITBUCKET_CLIENT_ID=${fake(ALNUM, 18, 'bb-id-1')}`],
    falsePositives: ['BITBUCKET_CLIENT_ID=your-client-id', `BITBUCKET_CLIENT_ID=${'a'.repeat(18)}`]
  }),
  defineRule({
    id: 'bitbucket-client-secret',
    description: 'Bitbucket OAuth consumer secret',
    severity: 'high',
    regex: keyed(String.raw`bitbucket[\w.-]{0,20}?secret`, '[a-z0-9=_-]{32,64}'),
    keywords: ['bitbucket'],
    entropy: 3.5,
    rotation:
      'Delete the OAuth consumer in the Bitbucket workspace settings (OAuth consumers) and create a new one with a new secret.',
    docs: 'https://support.atlassian.com/bitbucket-cloud/docs/use-oauth-on-bitbucket-cloud/',
    truePositives: [`BITBUCKET_CLIENT_SECRET=${fake(ALNUM, 32, 'bb-sec-1')}`],
    falsePositives: [
      'BITBUCKET_CLIENT_SECRET=$BITBUCKET_CLIENT_SECRET',
      `BITBUCKET_CLIENT_SECRET=${'abc'.repeat(11)}`
    ]
  }),
  defineRule({
    id: 'gitea-access-token',
    description: 'Gitea / Forgejo access token next to a Gitea / Forgejo key',
    severity: 'high',
    regex: keyed(String.raw`gitea[\w.-]{0,20}?token|forgejo[\w.-]{0,20}?token`, '[a-f0-9]{40}'),
    keywords: ['gitea', 'forgejo'],
    entropy: 3,
    rotation:
      'Delete the token under the Gitea/Forgejo user Settings > Applications > Access tokens and generate a new one.',
    docs: 'https://docs.gitea.com/development/api-usage',
    truePositives: [`GITEA_TOKEN=${fake(LOWER_ALNUM.slice(0, 16), 40, 'gitea-1')}`],
    falsePositives: [`GITEA_TOKEN=${'0'.repeat(40)}`, 'GITEA_TOKEN=${{ secrets.GITEA_TOKEN }}']
  })
]
