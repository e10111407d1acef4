import {defineRule} from '../rule'
import {prefixed} from './patterns'
import {ALNUM, BASE64URL, HEX, LOWER_ALNUM, fake} from './synthetic'

const REVOKE_PAT =
  'Revoke it in GitLab (User settings > Access tokens, or the project/group Access tokens page) and create a new token; then remove it from history.'

/** GitLab's simple prefixed tokens: prefix + 20 url-safe characters. */
function simple(
  id: string,
  prefix: string,
  description: string,
  rotation: string,
  docs: string,
  length = 20
) {
  return defineRule({
    id,
    description,
    severity: 'high',
    regex: prefixed(`${prefix}[0-9a-zA-Z_-]{${length}}`),
    keywords: [prefix.toLowerCase()],
    entropy: 3,
    prefixLength: prefix.length,
    rotation,
    docs,
    truePositives: [
      `GITLAB_TOKEN=${prefix}${fake(ALNUM, length, id)}`,
      `token: "${prefix}${fake(BASE64URL, length, id + '-2')}"`,
      `https://gitlab.acme.dev/api/v4/${prefix}${fake(ALNUM, length, id + '-3')}/info`
    ],
    falsePositives: [
      `GITLAB_TOKEN=${prefix}${'x'.repeat(length)}`,
      `${prefix}${fake(ALNUM, 8, id + '-short')} `
    ]
  })
}

const TOKENS_DOC = 'https://docs.gitlab.com/security/tokens/'

export const gitlabRules = [
  simple(
    'gitlab-pat',
    'glpat-',
    'GitLab personal, project or group access token',
    REVOKE_PAT,
    TOKENS_DOC
  ),
  defineRule({
    id: 'gitlab-pat-routable',
    description: 'GitLab routable personal access token',
    severity: 'high',
    regex: prefixed(String.raw`glpat-[0-9a-zA-Z_-]{27,300}\.[0-9a-z]{2}[0-9a-z]{7}`),
    keywords: ['glpat-'],
    entropy: 4,
    prefixLength: 6,
    rotation: REVOKE_PAT,
    docs: TOKENS_DOC,
    truePositives: [
      `CI_API_TOKEN=glpat-${fake(BASE64URL, 38, 'glpat-r1')}.01${fake(LOWER_ALNUM, 7, 'glpat-r2')}`
    ],
    falsePositives: [`CI_API_TOKEN=glpat-${'a'.repeat(38)}.01aaaaaaa`]
  }),
  defineRule({
    id: 'gitlab-ptt',
    description: 'GitLab pipeline trigger token',
    severity: 'high',
    regex: prefixed('glptt-[0-9a-f]{40}'),
    keywords: ['glptt-'],
    entropy: 3,
    prefixLength: 6,
    rotation:
      'Revoke the trigger in the project (Settings > CI/CD > Pipeline trigger tokens) and create a new one.',
    docs: 'https://docs.gitlab.com/ci/triggers/',
    truePositives: [
      `curl -X POST -F token=glptt-${fake(HEX, 40, 'glptt-1')} -F ref=main https://gitlab.com/api/v4/projects/42/trigger/pipeline`
    ],
    falsePositives: [
      `-F token=glptt-${fake(HEX, 20, 'glptt-2')}`,
      `-F token=glptt-${'0'.repeat(40)}`
    ]
  }),
  simple(
    'gitlab-rrt',
    'GR1348941',
    'GitLab runner registration token (legacy)',
    'Reset the registration token (Settings > CI/CD > Runners > Reset registration token) and migrate to runner authentication tokens.',
    'https://docs.gitlab.com/ci/runners/new_creation_workflow/'
  ),
  simple(
    'gitlab-runner-authentication-token',
    'glrt-',
    'GitLab runner authentication token',
    'Reset the runner authentication token (CI/CD > Runners > runner > Reset token) or delete and re-create the runner.',
    'https://docs.gitlab.com/ci/runners/runners_scope/'
  ),
  defineRule({
    id: 'gitlab-runner-authentication-token-routable',
    description: 'GitLab routable runner authentication token',
    severity: 'high',
    regex: prefixed(String.raw`glrt-t\d_[0-9a-zA-Z_-]{27,300}\.[0-9a-z]{2}[0-9a-z]{7}`),
    keywords: ['glrt-'],
    entropy: 4,
    prefixLength: 8,
    rotation:
      'Reset the runner authentication token (CI/CD > Runners > runner > Reset token) or delete and re-create the runner.',
    docs: 'https://docs.gitlab.com/ci/runners/runners_scope/',
    truePositives: [
      `  token = "glrt-t1_${fake(BASE64URL, 27, 'glrt-r1')}.01${fake(LOWER_ALNUM, 7, 'glrt-r2')}"`
    ],
    falsePositives: ['  token = "glrt-t1_REPLACE_WITH_RUNNER_TOKEN"']
  }),
  simple(
    'gitlab-deploy-token',
    'gldt-',
    'GitLab deploy token',
    'Revoke it under the project Settings > Repository > Deploy tokens and create a new one.',
    'https://docs.gitlab.com/user/project/deploy_tokens/'
  ),
  simple(
    'gitlab-feature-flag-client-token',
    'glffct-',
    'GitLab feature flag client token',
    'Reset the instance ID under Deploy > Feature flags > Configure.',
    'https://docs.gitlab.com/operations/feature_flags/'
  ),
  simple(
    'gitlab-feed-token',
    'glft-',
    'GitLab feed token',
    'Reset the feed token under User settings > Access tokens > Feed token.',
    TOKENS_DOC
  ),
  simple(
    'gitlab-incoming-mail-token',
    'glimt-',
    'GitLab incoming email token',
    'Reset the incoming email token under User settings > Access tokens.',
    TOKENS_DOC,
    25
  ),
  simple(
    'gitlab-kubernetes-agent-token',
    'glagent-',
    'GitLab agent for Kubernetes token',
    'Revoke the agent token under Operate > Kubernetes clusters > agent > Access tokens and create a new one.',
    'https://docs.gitlab.com/user/clusters/agent/work_with_agent/',
    50
  ),
  simple(
    'gitlab-oauth-app-secret',
    'gloas-',
    'GitLab OAuth application secret',
    'Renew the secret of the OAuth application under User/Group/Admin settings > Applications.',
    'https://docs.gitlab.com/integration/oauth_provider/',
    64
  ),
  simple(
    'gitlab-scim-token',
    'glsoat-',
    'GitLab SCIM OAuth token',
    'Reset the SCIM token under the group Settings > SAML SSO > Generate a SCIM token.',
    'https://docs.gitlab.com/user/group/saml_sso/scim_setup/'
  ),
  defineRule({
    id: 'gitlab-cicd-job-token',
    description: 'GitLab CI/CD job token',
    severity: 'medium',
    regex: prefixed('glcbt-[0-9a-zA-Z]{1,5}_[0-9a-zA-Z_-]{20}'),
    keywords: ['glcbt-'],
    entropy: 3,
    prefixLength: 6,
    rotation:
      'Job tokens expire when the job ends; cancel the job if it is still running and check the audit events for its use.',
    docs: 'https://docs.gitlab.com/ci/jobs/ci_job_token/',
    truePositives: [`CI_JOB_TOKEN=glcbt-64_${fake(BASE64URL, 20, 'glcbt-1')}`],
    falsePositives: [`CI_JOB_TOKEN=glcbt-64_${'x'.repeat(20)}`]
  }),
  defineRule({
    id: 'gitlab-session-cookie',
    description: 'GitLab session cookie',
    severity: 'medium',
    regex: /_gitlab_session=([0-9a-z]{32})/,
    keywords: ['_gitlab_session='],
    entropy: 3,
    rotation:
      'Sign out of all sessions (User settings > Active sessions > Revoke) so the cookie stops working.',
    docs: 'https://docs.gitlab.com/user/profile/active_sessions/',
    truePositives: [`Cookie: _gitlab_session=${fake(LOWER_ALNUM, 32, 'gl-sess-1')}`],
    falsePositives: [`Cookie: _gitlab_session=${'0'.repeat(32)}`]
  })
]
