import {defineRule} from '../rule'
import {START, UUID, keyed, prefixed} from './patterns'
import {ALNUM, BASE64, BASE64URL, HEX, UPPER_ALNUM, fake, fakeUuid} from './synthetic'

const sentryOrgPayload = Buffer.from(
  '{"iat":1712345678.1,"url":"https://sentry.io","region_url":"https://us.sentry.io","org":"acme"}'
)
  .toString('base64')
  .replace(/=+$/, '')

export const observabilityRules = [
  defineRule({
    id: 'datadog-api-key',
    description: 'Datadog API key',
    severity: 'high',
    regex: keyed(String.raw`datadog[\w.-]{0,20}?api|dd[_-]?api[_-]?key`, '[a-f0-9]{32}'),
    keywords: ['datadog', 'dd_api_key', 'dd-api-key', 'ddapikey'],
    entropy: 3,
    rotation: 'Revoke the key in Datadog (Organization Settings > API Keys) and create a new one.',
    docs: 'https://docs.datadoghq.com/account_management/api-app-keys/',
    truePositives: [
      `DD_API_KEY=${fake(HEX, 32, 'dd-1')}`,
      `datadog_api_key: "${fake(HEX, 32, 'dd-2')}"`
    ],
    falsePositives: [`DD_API_KEY=${'0'.repeat(32)}`, 'DD_API_KEY=<DATADOG_API_KEY>']
  }),
  defineRule({
    id: 'datadog-access-token',
    description: 'Datadog application key',
    severity: 'high',
    regex: keyed(
      String.raw`datadog[\w.-]{0,20}?app|dd[_-]?app(?:lication)?[_-]?key`,
      '[a-z0-9]{40}'
    ),
    keywords: ['datadog', 'dd_app', 'dd-app', 'ddapp'],
    entropy: 3,
    rotation:
      'Revoke the application key in Datadog (Organization Settings > Application Keys) and create a new one.',
    docs: 'https://docs.datadoghq.com/account_management/api-app-keys/',
    truePositives: [`DD_APP_KEY=${fake(HEX, 40, 'ddapp-1')}`],
    falsePositives: [`DD_APP_KEY=${'0'.repeat(40)}`]
  }),
  defineRule({
    id: 'new-relic-user-api-key',
    description: 'New Relic user API key',
    severity: 'high',
    regex: prefixed('NRAK-[A-Z0-9]{27}'),
    keywords: ['nrak-'],
    entropy: 3.5,
    prefixLength: 5,
    rotation: 'Delete the key at https://one.newrelic.com/api-keys and create a new one.',
    docs: 'https://docs.newrelic.com/docs/apis/intro-apis/new-relic-api-keys/',
    truePositives: [`NEW_RELIC_API_KEY=NRAK-${fake(UPPER_ALNUM, 27, 'nrak-1')}`],
    falsePositives: [`NEW_RELIC_API_KEY=NRAK-${'X'.repeat(27)}`]
  }),
  defineRule({
    id: 'new-relic-browser-api-token',
    description: 'New Relic browser ingest key',
    severity: 'medium',
    regex: prefixed('NRJS-[a-f0-9]{19}'),
    keywords: ['nrjs-'],
    entropy: 3,
    prefixLength: 5,
    rotation: 'Delete the browser key at https://one.newrelic.com/api-keys and create a new one.',
    docs: 'https://docs.newrelic.com/docs/apis/intro-apis/new-relic-api-keys/',
    truePositives: [`licenseKey: 'NRJS-${fake(HEX, 19, 'nrjs-1')}'`],
    falsePositives: [`licenseKey: 'NRJS-${'0'.repeat(19)}'`]
  }),
  defineRule({
    id: 'new-relic-insert-key',
    description: 'New Relic insert key',
    severity: 'medium',
    regex: prefixed('NRII-[a-z0-9_-]{32}', 'i'),
    keywords: ['nrii-'],
    entropy: 3.5,
    prefixLength: 5,
    rotation: 'Delete the insert key at https://one.newrelic.com/api-keys and create a new one.',
    docs: 'https://docs.newrelic.com/docs/apis/intro-apis/new-relic-api-keys/',
    truePositives: [`NEW_RELIC_INSERT_KEY=NRII-${fake(BASE64URL, 32, 'nrii-1')}`],
    falsePositives: [`NEW_RELIC_INSERT_KEY=NRII-${'x'.repeat(32)}`]
  }),
  defineRule({
    id: 'new-relic-license-key',
    description: 'New Relic ingest license key',
    severity: 'medium',
    regex: prefixed('[a-f0-9]{36}NRAL'),
    keywords: ['nral'],
    entropy: 3,
    rotation:
      'Rotate the ingest license key at https://one.newrelic.com/api-keys (create a new license key, then delete the old one).',
    docs: 'https://docs.newrelic.com/docs/apis/intro-apis/new-relic-api-keys/#license-key',
    truePositives: [`NEW_RELIC_LICENSE_KEY=${fake(HEX, 36, 'nral-1')}NRAL`],
    falsePositives: [`NEW_RELIC_LICENSE_KEY=${'0'.repeat(36)}NRAL`]
  }),
  defineRule({
    id: 'sentry-org-token',
    description: 'Sentry organization auth token',
    severity: 'high',
    // After the fixed-length signature a `/` starts a path segment, not more of the token.
    regex: new RegExp(
      String.raw`${START}(sntrys_eyJpYXQiO[a-zA-Z0-9+/]{10,200}(?:LCJyZWdpb25fdXJs|InJlZ2lvbl91cmwi|cmVnaW9uX3VybCI6)[a-zA-Z0-9+/]{10,200}={0,2}_[a-zA-Z0-9+/]{43})(?![a-zA-Z0-9+_])`
    ),
    keywords: ['sntrys_eyjpyxqio'],
    entropy: 4.5,
    prefixLength: 7,
    rotation:
      'Revoke the token in Sentry (Settings > Developer Settings > Organization Tokens) and create a new one.',
    docs: 'https://docs.sentry.io/account/auth-tokens/',
    truePositives: [
      `SENTRY_AUTH_TOKEN=sntrys_${sentryOrgPayload}_${fake(BASE64, 43, 'sntrys-1')}`,
      `https://ci.acme.dev/secrets/sntrys_${sentryOrgPayload}_${fake(ALNUM, 43, 'sntrys-2')}/x`
    ],
    falsePositives: ['SENTRY_AUTH_TOKEN=sntrys_YOUR_TOKEN_HERE']
  }),
  defineRule({
    id: 'sentry-user-token',
    description: 'Sentry user auth token',
    severity: 'high',
    regex: prefixed('sntryu_[a-f0-9]{64}'),
    keywords: ['sntryu_'],
    entropy: 3.5,
    prefixLength: 7,
    rotation: 'Revoke the token in Sentry (User settings > Personal Tokens) and create a new one.',
    docs: 'https://docs.sentry.io/account/auth-tokens/',
    truePositives: [`SENTRY_AUTH_TOKEN=sntryu_${fake(HEX, 64, 'sntryu-1')}`],
    falsePositives: [`SENTRY_AUTH_TOKEN=sntryu_${'0'.repeat(64)}`]
  }),
  defineRule({
    id: 'sentry-access-token',
    description: 'Sentry legacy auth token',
    severity: 'high',
    regex: keyed('sentry', '[a-f0-9]{64}'),
    keywords: ['sentry'],
    entropy: 3,
    rotation:
      'Revoke the token in Sentry (Settings > Auth Tokens) and create a new organization token.',
    docs: 'https://docs.sentry.io/account/auth-tokens/',
    truePositives: [`SENTRY_AUTH_TOKEN=${fake(HEX, 64, 'sentry-1')}`],
    falsePositives: [`SENTRY_AUTH_TOKEN=${'0'.repeat(64)}`]
  }),
  defineRule({
    id: 'sentry-dsn-secret',
    description: 'Sentry DSN with an embedded secret key (legacy DSN format)',
    severity: 'medium',
    regex: /\bhttps?:\/\/[a-f0-9]{32}:([a-f0-9]{32})@[\w.-]+(?::\d+)?\/\d+/,
    keywords: ['sentry'],
    entropy: 3,
    rotation:
      'Revoke the client key in Sentry (Project Settings > Client Keys (DSN) > Revoke) and use a new DSN without the secret part.',
    docs: 'https://docs.sentry.io/concepts/key-terms/dsn-explainer/',
    truePositives: [
      `SENTRY_DSN=https://${fake(HEX, 32, 'dsn-1')}:${fake(HEX, 32, 'dsn-2')}@o12345.ingest.sentry.io/67890`
    ],
    falsePositives: [`SENTRY_DSN=https://${fake(HEX, 32, 'dsn-3')}@o12345.ingest.sentry.io/67890`]
  }),
  defineRule({
    id: 'grafana-api-key',
    description: 'Grafana API key (legacy)',
    severity: 'high',
    regex: prefixed('eyJrIjoi[A-Za-z0-9]{70,400}={0,3}'),
    keywords: ['eyjrijoi'],
    entropy: 3,
    prefixLength: 8,
    rotation:
      'Delete the API key in Grafana (Administration > API keys) and migrate to a service account token.',
    docs: 'https://grafana.com/docs/grafana/latest/administration/service-accounts/',
    truePositives: [`GRAFANA_API_KEY=eyJrIjoi${fake(ALNUM, 80, 'gfk-1')}`],
    falsePositives: [`GRAFANA_API_KEY=eyJrIjoi${'A'.repeat(80)}`]
  }),
  defineRule({
    id: 'grafana-cloud-api-token',
    description: 'Grafana Cloud access policy / API token',
    severity: 'high',
    regex: prefixed('glc_[A-Za-z0-9+/]{32,400}={0,3}'),
    keywords: ['glc_'],
    entropy: 3.5,
    prefixLength: 4,
    rotation:
      'Delete the token in the Grafana Cloud portal (Security > Access policies) and create a new one.',
    docs: 'https://grafana.com/docs/grafana-cloud/security-and-account-management/authentication-and-permissions/access-policies/',
    truePositives: [`GRAFANA_CLOUD_TOKEN=glc_${fake(BASE64, 120, 'glc-1')}=`],
    falsePositives: [`GRAFANA_CLOUD_TOKEN=glc_${'x'.repeat(40)}`]
  }),
  defineRule({
    id: 'grafana-service-account-token',
    description: 'Grafana service account token',
    severity: 'high',
    regex: prefixed('glsa_[A-Za-z0-9]{32}_[A-Fa-f0-9]{8}'),
    keywords: ['glsa_'],
    entropy: 3.5,
    prefixLength: 5,
    rotation:
      'Delete the token in Grafana (Administration > Service accounts > account > Tokens) and create a new one.',
    docs: 'https://grafana.com/docs/grafana/latest/administration/service-accounts/',
    truePositives: [`GRAFANA_TOKEN=glsa_${fake(ALNUM, 32, 'glsa-1')}_${fake(HEX, 8, 'glsa-2')}`],
    falsePositives: [`GRAFANA_TOKEN=glsa_${'x'.repeat(32)}_00000000`]
  }),
  defineRule({
    id: 'dynatrace-api-token',
    description: 'Dynatrace API token',
    severity: 'high',
    regex: prefixed(String.raw`dt0c01\.[A-Z0-9]{24}\.[A-Z0-9]{64}`, 'i'),
    keywords: ['dt0c01.'],
    entropy: 4,
    prefixLength: 7,
    rotation: 'Revoke the token in Dynatrace (Access tokens) and generate a new one.',
    docs: 'https://docs.dynatrace.com/docs/manage/access-control/access-tokens',
    truePositives: [
      `DT_API_TOKEN=dt0c01.${fake(UPPER_ALNUM, 24, 'dt-1')}.${fake(UPPER_ALNUM, 64, 'dt-2')}`
    ],
    falsePositives: [`DT_API_TOKEN=dt0c01.${'A'.repeat(24)}.${'B'.repeat(64)}`]
  }),
  defineRule({
    id: 'sumologic-access-id',
    description: 'Sumo Logic access ID',
    severity: 'medium',
    regex: keyed('sumo', 'su[a-zA-Z0-9]{12}'),
    keywords: ['sumo'],
    entropy: 3,
    rotation:
      'Delete the access key in Sumo Logic (Administration > Security > Access Keys) and create a new one.',
    docs: 'https://help.sumologic.com/docs/manage/security/access-keys/',
    truePositives: [`SUMO_ACCESS_ID=su${fake(ALNUM, 12, 'sumo-1')}`],
    falsePositives: ['SUMO_ACCESS_ID=suxxxxxxxxxxxx']
  }),
  defineRule({
    id: 'sumologic-access-token',
    description: 'Sumo Logic access key',
    severity: 'high',
    regex: keyed('sumo', '[a-z0-9]{64}'),
    keywords: ['sumo'],
    entropy: 3,
    rotation:
      'Delete the access key in Sumo Logic (Administration > Security > Access Keys) and create a new one.',
    docs: 'https://help.sumologic.com/docs/manage/security/access-keys/',
    truePositives: [`SUMO_ACCESS_KEY=${fake(ALNUM, 64, 'sumo-2')}`],
    falsePositives: [`SUMO_ACCESS_KEY=${'0'.repeat(64)}`]
  }),
  defineRule({
    id: 'honeycomb-api-key',
    description: 'Honeycomb API / ingest key',
    severity: 'medium',
    regex: keyed('honeycomb', String.raw`hcai[kc]_[a-z0-9]{58}|[a-zA-Z0-9]{22}|[a-f0-9]{32}`),
    keywords: ['honeycomb'],
    entropy: 3.5,
    rotation:
      'Disable and delete the key in Honeycomb (Environment settings > API Keys) and create a new one.',
    docs: 'https://docs.honeycomb.io/configure/environments/manage-api-keys/',
    truePositives: [`HONEYCOMB_API_KEY=${fake(ALNUM, 22, 'hny-1')}`],
    falsePositives: [`HONEYCOMB_API_KEY=${'a'.repeat(22)}`]
  }),
  defineRule({
    id: 'pagerduty-api-key',
    description: 'PagerDuty REST API key',
    severity: 'high',
    regex: keyed(String.raw`pagerduty|pd[_-](?:api[_-]?)?(?:key|token)`, '[a-z0-9_+-]{20}'),
    keywords: ['pagerduty', 'pd_api', 'pd-api', 'pd_token', 'pd-token', 'pd_key', 'pd-key'],
    entropy: 3.5,
    rotation:
      'Delete the key in PagerDuty (Integrations > API Access Keys, or the user profile User Settings) and create a new one.',
    docs: 'https://support.pagerduty.com/main/docs/api-access-keys',
    truePositives: [`PAGERDUTY_TOKEN=u+${fake(BASE64URL, 18, 'pd-1')}`],
    falsePositives: [`PAGERDUTY_TOKEN=${'y'.repeat(20)}`]
  }),
  defineRule({
    id: 'splunk-hec-token',
    description: 'Splunk HTTP Event Collector token',
    severity: 'medium',
    regex: keyed(String.raw`splunk[\w.-]{0,20}?(?:token|key)|hec[_-]?token`, UUID),
    keywords: ['splunk', 'hec_token', 'hec-token', 'hectoken'],
    entropy: 3,
    rotation:
      'Disable or delete the token in Splunk (Settings > Data inputs > HTTP Event Collector) and create a new one.',
    docs: 'https://docs.splunk.com/Documentation/Splunk/latest/Data/UsetheHTTPEventCollector',
    truePositives: [`SPLUNK_HEC_TOKEN=${fakeUuid('splunk-1')}`],
    falsePositives: ['SPLUNK_HEC_TOKEN=00000000-0000-0000-0000-000000000000']
  }),
  defineRule({
    id: 'opsgenie-api-key',
    description: 'Opsgenie API key',
    severity: 'high',
    regex: keyed('opsgenie', UUID),
    keywords: ['opsgenie'],
    entropy: 3,
    rotation:
      'Delete the API integration key in Opsgenie (Settings > Integrations / API key management) and create a new one.',
    docs: 'https://support.atlassian.com/opsgenie/docs/api-key-management/',
    truePositives: [`OPSGENIE_API_KEY=${fakeUuid('opsgenie-1')}`],
    falsePositives: ['OPSGENIE_API_KEY=00000000-0000-0000-0000-000000000000']
  }),
  defineRule({
    id: 'rollbar-access-token',
    description: 'Rollbar access token',
    severity: 'medium',
    regex: keyed('rollbar', '[a-f0-9]{32}'),
    keywords: ['rollbar'],
    entropy: 3,
    rotation:
      'Disable the token in Rollbar (Project Settings > Project Access Tokens) and create a new one.',
    docs: 'https://docs.rollbar.com/reference/getting-started-1#authentication',
    truePositives: [`ROLLBAR_ACCESS_TOKEN=${fake(HEX, 32, 'rollbar-1')}`],
    falsePositives: [`ROLLBAR_ACCESS_TOKEN=${'0'.repeat(32)}`]
  }),
  defineRule({
    id: 'codecov-access-token',
    description: 'Codecov upload / API token',
    severity: 'medium',
    regex: keyed('codecov', `${UUID}|[a-f0-9]{32}`),
    keywords: ['codecov'],
    entropy: 3,
    rotation:
      'Regenerate the repository upload token in Codecov (repository Settings > General > Regenerate) or the API token in your Codecov account settings.',
    docs: 'https://docs.codecov.com/docs/codecov-tokens',
    truePositives: [`CODECOV_TOKEN=${fakeUuid('codecov-1')}`],
    falsePositives: ['CODECOV_TOKEN=${{ secrets.CODECOV_TOKEN }}']
  })
]
