import {defineRule} from '../rule'
import {ASSIGN, END, UUID, keyed, prefixed} from './patterns'
import {ALNUM, BASE64URL, DIGITS, HEX, LOWER, LOWER_ALNUM, fake, fakeUuid} from './synthetic'

const shopify = (id: string, prefix: string, what: string, rotation: string) =>
  defineRule({
    id,
    description: `Shopify ${what}`,
    severity: 'high',
    regex: prefixed(`${prefix}[a-fA-F0-9]{32}`),
    keywords: [prefix],
    entropy: 3,
    prefixLength: prefix.length,
    rotation,
    docs: 'https://shopify.dev/docs/apps/build/authentication-authorization/access-tokens',
    truePositives: [`SHOPIFY_TOKEN=${prefix}${fake(HEX, 32, id)}`],
    falsePositives: [`SHOPIFY_TOKEN=${prefix}${'0'.repeat(32)}`, `SHOPIFY_TOKEN=${prefix}<token>`]
  })

const settlemint = (id: string, prefix: string, what: string) =>
  defineRule({
    id,
    description: `SettleMint ${what}`,
    severity: 'high',
    regex: prefixed(`${prefix}[a-zA-Z0-9]{16}`),
    keywords: [prefix],
    entropy: 3,
    prefixLength: prefix.length,
    rotation: 'Delete the token in the SettleMint console (Access tokens) and create a new one.',
    docs: 'https://console.settlemint.com/documentation',
    truePositives: [`SETTLEMINT_TOKEN=${prefix}${fake(ALNUM, 16, id)}`],
    falsePositives: [`SETTLEMINT_TOKEN=${prefix}${'x'.repeat(16)}`]
  })

export const saasRules = [
  defineRule({
    id: 'akismet-api-key',
    description: 'Akismet API key (12 hex characters) assigned to an Akismet setting',
    severity: 'medium',
    // Only its name tells it from a short commit id: the generic rule drops 12 hex characters.
    regex: keyed('akismet', '[0-9a-f]{12}'),
    keywords: ['akismet'],
    entropy: 2.5,
    rotation:
      'Regenerate the key in your Akismet / WordPress.com account and update the site configuration.',
    docs: 'https://akismet.com/developers/detailed-docs/key-verification/',
    truePositives: [
      `AKISMET_API_KEY = "${fake(HEX, 12, 'akismet-1')}"`,
      `export AKISMET_KEY=${fake(HEX, 12, 'akismet-2')}`
    ],
    falsePositives: ['AKISMET_API_KEY = "000000000000"', 'akismet_key: ${AKISMET_KEY}']
  }),
  shopify(
    'shopify-access-token',
    'shpat_',
    'Admin API access token',
    'Uninstall / reinstall the app or rotate the token in the Shopify admin (Settings > Apps and sales channels > Develop apps > API credentials).'
  ),
  shopify(
    'shopify-custom-access-token',
    'shpca_',
    'custom app access token',
    'Rotate the custom app credentials in the Shopify admin (Develop apps > app > API credentials > Rotate).'
  ),
  shopify(
    'shopify-private-app-access-token',
    'shppa_',
    'private app access token',
    'Delete the private app in the Shopify admin and recreate it as a custom app.'
  ),
  shopify(
    'shopify-shared-secret',
    'shpss_',
    'app shared secret',
    'Rotate the app client secret in the Shopify Partner dashboard (App > Client credentials > Rotate).'
  ),
  defineRule({
    id: 'okta-access-token',
    description: 'Okta API token',
    severity: 'critical',
    regex: keyed('okta', String.raw`00[\w=-]{40}`),
    keywords: ['okta'],
    entropy: 4,
    rotation:
      'Revoke the token in the Okta Admin Console (Security > API > Tokens) and create a new one, or move to OAuth service apps.',
    docs: 'https://developer.okta.com/docs/guides/create-an-api-token/main/',
    truePositives: [`OKTA_API_TOKEN=00${fake(BASE64URL, 40, 'okta-1')}`],
    falsePositives: [`OKTA_API_TOKEN=00${'x'.repeat(40)}`]
  }),
  defineRule({
    id: 'postman-api-token',
    description: 'Postman API key',
    severity: 'high',
    regex: prefixed('PMAK-[a-f0-9]{24}-[a-f0-9]{34}', 'i'),
    keywords: ['pmak-'],
    entropy: 3,
    prefixLength: 5,
    rotation:
      'Revoke the key at https://go.postman.co/settings/me/api-keys and generate a new one.',
    docs: 'https://learning.postman.com/docs/developer/postman-api/authentication/',
    truePositives: [`POSTMAN_API_KEY=PMAK-${fake(HEX, 24, 'pmak-1')}-${fake(HEX, 34, 'pmak-2')}`],
    falsePositives: [`POSTMAN_API_KEY=PMAK-${'0'.repeat(24)}-${'0'.repeat(34)}`]
  }),
  defineRule({
    id: 'linear-api-key',
    description: 'Linear personal API key',
    severity: 'high',
    regex: prefixed('lin_api_[a-zA-Z0-9]{40}'),
    keywords: ['lin_api_'],
    entropy: 3.5,
    prefixLength: 8,
    rotation:
      'Revoke the key in Linear (Settings > Security & access > Personal API keys) and create a new one.',
    docs: 'https://linear.app/developers/graphql#personal-api-keys',
    truePositives: [`LINEAR_API_KEY=lin_api_${fake(ALNUM, 40, 'linear-1')}`],
    falsePositives: [`LINEAR_API_KEY=lin_api_${'x'.repeat(40)}`]
  }),
  defineRule({
    id: 'linear-client-secret',
    description: 'Linear OAuth client secret',
    severity: 'high',
    regex: keyed(String.raw`linear[\w.-]{0,20}?secret`, '[a-f0-9]{32}'),
    keywords: ['linear'],
    entropy: 3,
    rotation:
      'Rotate the client secret of the OAuth application in Linear (Settings > API > OAuth applications).',
    docs: 'https://linear.app/developers/oauth-2-0-authentication',
    truePositives: [`LINEAR_CLIENT_SECRET=${fake(HEX, 32, 'linear-2')}`],
    falsePositives: [`LINEAR_CLIENT_SECRET=${'0'.repeat(32)}`]
  }),
  defineRule({
    id: 'notion-api-token',
    description: 'Notion integration token (ntn_ format)',
    severity: 'high',
    regex: prefixed('ntn_[0-9]{11}[A-Za-z0-9]{35}'),
    keywords: ['ntn_'],
    entropy: 4,
    prefixLength: 4,
    rotation:
      'Refresh the internal integration secret at https://www.notion.so/my-integrations (integration > Secrets > Refresh).',
    docs: 'https://developers.notion.com/docs/authorization',
    truePositives: [`NOTION_TOKEN=ntn_${fake(DIGITS, 11, 'ntn-1')}${fake(ALNUM, 35, 'ntn-2')}`],
    falsePositives: [`NOTION_TOKEN=ntn_${'0'.repeat(46)}`]
  }),
  defineRule({
    id: 'notion-legacy-integration-token',
    description: 'Notion integration token (legacy secret_ format)',
    severity: 'high',
    regex: prefixed('secret_[A-Za-z0-9]{43}'),
    keywords: ['secret_'],
    entropy: 4,
    prefixLength: 7,
    rotation:
      'Refresh the internal integration secret at https://www.notion.so/my-integrations (integration > Secrets > Refresh).',
    docs: 'https://developers.notion.com/docs/authorization',
    truePositives: [`NOTION_API_KEY=secret_${fake(ALNUM, 43, 'notion-1')}`],
    falsePositives: [
      `NOTION_API_KEY=secret_${'x'.repeat(43)}`,
      'secret_key_base_for_development_only_not_used'
    ]
  }),
  defineRule({
    id: 'figma-personal-access-token',
    description: 'Figma personal access token',
    severity: 'high',
    regex: prefixed('figd_[A-Za-z0-9_-]{38,43}'),
    keywords: ['figd_'],
    entropy: 3.5,
    prefixLength: 5,
    rotation:
      'Revoke the token in Figma (Settings > Security > Personal access tokens) and generate a new one.',
    docs: 'https://www.figma.com/developers/api#access-tokens',
    truePositives: [`FIGMA_TOKEN=figd_${fake(BASE64URL, 40, 'figd-1')}`],
    falsePositives: [`FIGMA_TOKEN=figd_${'x'.repeat(40)}`]
  }),
  defineRule({
    id: 'airtable-personnal-access-token',
    description: 'Airtable personal access token',
    severity: 'high',
    regex: prefixed(String.raw`pat[A-Za-z0-9]{14}\.[a-f0-9]{64}`),
    // `pat` alone would wake this rule on every `path` and `pattern`; gitleaks keys it on the name too.
    keywords: ['airtable'],
    entropy: 3.5,
    prefixLength: 3,
    rotation: 'Delete or regenerate the token at https://airtable.com/create/tokens.',
    docs: 'https://airtable.com/developers/web/guides/personal-access-tokens',
    truePositives: [
      `AIRTABLE_TOKEN=pat${fake(ALNUM, 14, 'airtable-1')}.${fake(HEX, 64, 'airtable-2')}`
    ],
    falsePositives: [`AIRTABLE_TOKEN=pat${'x'.repeat(14)}.${'0'.repeat(64)}`]
  }),
  defineRule({
    id: 'airtable-api-key',
    description: 'Airtable API key (legacy key... format)',
    severity: 'high',
    regex: keyed('airtable', 'key[a-zA-Z0-9]{14}'),
    keywords: ['airtable'],
    entropy: 3,
    rotation:
      'Legacy API keys are deprecated; regenerate or delete it at https://airtable.com/account and move to personal access tokens.',
    docs: 'https://airtable.com/developers/web/guides/personal-access-tokens',
    truePositives: [`AIRTABLE_API_KEY=key${fake(ALNUM, 14, 'airtable-3')}`],
    falsePositives: [`AIRTABLE_API_KEY=key${'x'.repeat(14)}`]
  }),
  defineRule({
    id: 'asana-personal-access-token',
    description: 'Asana personal access token',
    severity: 'high',
    regex: keyed('asana', '[0-9]/[0-9]{13,20}(?:/[0-9]{13,20})?:[a-f0-9]{32}'),
    keywords: ['asana'],
    entropy: 3,
    rotation:
      'Deauthorize the token in Asana (My Settings > Apps > Developer apps > Personal access tokens) and create a new one.',
    docs: 'https://developers.asana.com/docs/personal-access-token',
    truePositives: [
      `ASANA_TOKEN=2/${fake(DIGITS, 16, 'asana-1')}/${fake(DIGITS, 16, 'asana-2')}:${fake(HEX, 32, 'asana-3')}`
    ],
    falsePositives: [`ASANA_TOKEN=1/${'0'.repeat(16)}:${'0'.repeat(32)}`]
  }),
  defineRule({
    id: 'asana-client-secret',
    description: 'Asana OAuth client secret',
    severity: 'high',
    regex: keyed(String.raw`asana[\w.-]{0,20}?secret`, '[a-z0-9]{32}'),
    keywords: ['asana'],
    entropy: 3.5,
    rotation:
      'Reset the client secret of the app in the Asana developer console (My apps > app > OAuth).',
    docs: 'https://developers.asana.com/docs/oauth',
    truePositives: [`ASANA_CLIENT_SECRET=${fake(LOWER_ALNUM, 32, 'asana-4')}`],
    falsePositives: [`ASANA_CLIENT_SECRET=${'a'.repeat(32)}`]
  }),
  defineRule({
    id: 'algolia-api-key',
    description: 'Algolia admin / write API key',
    severity: 'high',
    regex: keyed(
      String.raw`algolia[\w.-]{0,20}?(?:admin|write|api)[\w.-]{0,10}?key`,
      '[a-f0-9]{32}'
    ),
    keywords: ['algolia'],
    entropy: 3,
    rotation:
      'Regenerate the admin key or delete the API key in the Algolia dashboard (Settings > API Keys).',
    docs: 'https://www.algolia.com/doc/guides/security/api-keys/',
    truePositives: [`ALGOLIA_ADMIN_KEY=${fake(HEX, 32, 'algolia-1')}`],
    falsePositives: [`ALGOLIA_ADMIN_KEY=${'0'.repeat(32)}`]
  }),
  defineRule({
    id: 'contentful-delivery-api-token',
    description: 'Contentful delivery / preview API token',
    severity: 'medium',
    regex: keyed('contentful', '[a-z0-9=_-]{43}'),
    keywords: ['contentful'],
    entropy: 3.5,
    rotation: 'Delete and recreate the API key in Contentful (Settings > API keys).',
    docs: 'https://www.contentful.com/developers/docs/references/authentication/',
    truePositives: [`CONTENTFUL_DELIVERY_TOKEN=${fake(BASE64URL, 43, 'contentful-1')}`],
    falsePositives: [`CONTENTFUL_DELIVERY_TOKEN=${'x'.repeat(43)}`]
  }),
  defineRule({
    id: 'contentful-personal-access-token',
    description: 'Contentful management personal access token',
    severity: 'high',
    regex: prefixed('CFPAT-[a-zA-Z0-9_-]{43}'),
    keywords: ['cfpat-'],
    entropy: 3.5,
    prefixLength: 6,
    rotation:
      'Revoke the token in Contentful (Account settings > CMA tokens) and create a new one.',
    docs: 'https://www.contentful.com/developers/docs/references/authentication/#the-content-management-api',
    truePositives: [`CONTENTFUL_MANAGEMENT_TOKEN=CFPAT-${fake(BASE64URL, 43, 'cfpat-1')}`],
    falsePositives: [`CONTENTFUL_MANAGEMENT_TOKEN=CFPAT-${'x'.repeat(43)}`]
  }),
  defineRule({
    id: 'dropbox-api-token',
    description: 'Dropbox app key / secret',
    severity: 'medium',
    regex: keyed(String.raw`dropbox[\w.-]{0,20}?(?:secret|key)`, '[a-z0-9]{15}'),
    keywords: ['dropbox'],
    entropy: 3.3,
    rotation:
      'Regenerate the app secret in the Dropbox App Console (https://www.dropbox.com/developers/apps > app > Settings).',
    docs: 'https://developers.dropbox.com/oauth-guide',
    truePositives: [`DROPBOX_APP_SECRET=${fake(LOWER_ALNUM, 15, 'dropbox-1')}`],
    falsePositives: [`DROPBOX_APP_SECRET=${'a'.repeat(15)}`]
  }),
  defineRule({
    id: 'dropbox-short-lived-api-token',
    description: 'Dropbox short-lived access token',
    severity: 'medium',
    regex: prefixed(String.raw`sl\.[A-Za-z0-9_=-]{1,2}[A-Za-z0-9_=.-]{120,1400}`),
    keywords: ['sl.'],
    entropy: 4,
    prefixLength: 3,
    rotation:
      'The token expires within hours; revoke it now with /2/auth/token/revoke and rotate the refresh token or app secret behind it.',
    docs: 'https://developers.dropbox.com/oauth-guide',
    truePositives: [`DROPBOX_ACCESS_TOKEN=sl.B${fake(BASE64URL, 140, 'dropbox-2')}`],
    falsePositives: [`DROPBOX_ACCESS_TOKEN=sl.${'A'.repeat(140)}`]
  }),
  defineRule({
    id: 'dropbox-long-lived-api-token',
    description: 'Dropbox long-lived access token',
    severity: 'high',
    // The secret is the random tail: the 11-character head and the run of A's are not secret.
    regex: new RegExp(
      String.raw`dropbox${ASSIGN}[a-z0-9]{11}AAAAAAAAAA([a-z0-9_=-]{43})${END}`,
      'i'
    ),
    keywords: ['dropbox'],
    entropy: 3.5,
    rotation:
      'Revoke the token with /2/auth/token/revoke or by unlinking the app at https://www.dropbox.com/account/connected_apps.',
    docs: 'https://developers.dropbox.com/oauth-guide',
    truePositives: [
      `DROPBOX_TOKEN=${fake(ALNUM, 11, 'dropbox-3')}AAAAAAAAAA${fake(BASE64URL, 43, 'dropbox-4')}`
    ],
    falsePositives: [`DROPBOX_TOKEN=${'A'.repeat(64)}`]
  }),
  defineRule({
    id: 'fastly-api-token',
    description: 'Fastly API token',
    severity: 'high',
    regex: keyed('fastly', '[a-z0-9=_-]{32}'),
    keywords: ['fastly'],
    entropy: 3.5,
    rotation:
      'Delete the token at https://manage.fastly.com/account/personal/tokens and create a new one.',
    docs: 'https://docs.fastly.com/en/guides/using-api-tokens',
    truePositives: [`FASTLY_API_TOKEN=${fake(BASE64URL, 32, 'fastly-1')}`],
    falsePositives: [`FASTLY_API_TOKEN=${'x'.repeat(32)}`]
  }),
  defineRule({
    id: 'frameio-api-token',
    description: 'Frame.io developer token',
    severity: 'high',
    regex: prefixed('fio-u-[a-zA-Z0-9_=-]{64}'),
    keywords: ['fio-u-'],
    entropy: 3.5,
    prefixLength: 6,
    rotation:
      'Delete the developer token at https://developer.frame.io (Tokens) and create a new one.',
    docs: 'https://developer.frame.io/docs/getting-started/authentication',
    truePositives: [`FRAMEIO_TOKEN=fio-u-${fake(BASE64URL, 64, 'fio-1')}`],
    falsePositives: [`FRAMEIO_TOKEN=fio-u-${'x'.repeat(64)}`]
  }),
  defineRule({
    id: 'launchdarkly-access-token',
    description: 'LaunchDarkly API access token / SDK key',
    severity: 'high',
    regex: keyed('launchdarkly|ld[_-]sdk[_-]key', `(?:api|sdk)-${UUID}|[a-z0-9=_-]{40}`),
    keywords: ['launchdarkly', 'ld_sdk_key', 'ld-sdk-key'],
    entropy: 3,
    rotation:
      'Reset the access token (Account settings > Authorization) or the SDK key (Project > Environments > Reset) in LaunchDarkly.',
    docs: 'https://docs.launchdarkly.com/home/account/api',
    truePositives: [
      `LAUNCHDARKLY_ACCESS_TOKEN=api-${fakeUuid('ld-1')}`,
      `LD_SDK_KEY=sdk-${fakeUuid('ld-2')}`
    ],
    falsePositives: ['LAUNCHDARKLY_ACCESS_TOKEN=api-00000000-0000-0000-0000-000000000000']
  }),
  defineRule({
    id: 'mapbox-secret-token',
    description: 'Mapbox secret access token',
    severity: 'high',
    regex: prefixed(String.raw`sk\.eyJ1[A-Za-z0-9_-]{20,200}\.[A-Za-z0-9_-]{22}`),
    keywords: ['sk.eyj1'],
    entropy: 4,
    prefixLength: 3,
    rotation: 'Delete or rotate the secret token at https://account.mapbox.com/access-tokens/.',
    docs: 'https://docs.mapbox.com/accounts/guides/tokens/',
    truePositives: [
      `MAPBOX_DOWNLOADS_TOKEN=sk.eyJ1${fake(BASE64URL, 60, 'mapbox-1')}.${fake(BASE64URL, 22, 'mapbox-2')}`
    ],
    falsePositives: [`MAPBOX_DOWNLOADS_TOKEN=sk.eyJ1${'A'.repeat(60)}.${'A'.repeat(22)}`]
  }),
  defineRule({
    id: 'mapbox-api-token',
    description: 'Mapbox public access token',
    severity: 'low',
    regex: keyed('mapbox', String.raw`pk\.[a-z0-9]{60}\.[a-z0-9_-]{22}`),
    keywords: ['mapbox'],
    entropy: 4,
    rotation:
      'Public tokens are meant for clients; restrict it by URL at https://account.mapbox.com/access-tokens/ or rotate it there if it is misused.',
    docs: 'https://docs.mapbox.com/accounts/guides/tokens/',
    truePositives: [
      `MAPBOX_TOKEN=pk.${fake(ALNUM, 60, 'mapbox-3')}.${fake(BASE64URL, 22, 'mapbox-4')}`
    ],
    falsePositives: [`MAPBOX_TOKEN=pk.${'a'.repeat(60)}.${'a'.repeat(22)}`]
  }),
  defineRule({
    id: 'readme-api-token',
    description: 'ReadMe API key',
    severity: 'medium',
    regex: prefixed('rdme_[a-z0-9]{70}'),
    keywords: ['rdme_'],
    entropy: 3.5,
    prefixLength: 5,
    rotation:
      'Revoke the key in the ReadMe dashboard (project > Configuration > API keys) and create a new one.',
    docs: 'https://docs.readme.com/main/reference/intro/authentication',
    truePositives: [`README_API_KEY=rdme_${fake(LOWER_ALNUM, 70, 'rdme-1')}`],
    falsePositives: [`README_API_KEY=rdme_${'x'.repeat(70)}`]
  }),
  defineRule({
    id: 'snyk-api-token',
    description: 'Snyk API token',
    severity: 'high',
    regex: keyed(String.raw`snyk[_.-]?(?:(?:api|oauth|auth)[_.-]?)?(?:key|token)`, UUID),
    keywords: ['snyk'],
    entropy: 3,
    rotation:
      'Revoke and regenerate the token at https://app.snyk.io/account (or the service account page) and update CI secrets.',
    docs: 'https://docs.snyk.io/snyk-api/authentication-for-api',
    truePositives: [`SNYK_TOKEN=${fakeUuid('snyk-1')}`],
    falsePositives: ['SNYK_TOKEN=00000000-0000-0000-0000-000000000000']
  }),
  defineRule({
    id: 'typeform-api-token',
    description: 'Typeform personal access token',
    severity: 'high',
    regex: prefixed(String.raw`tfp_[a-zA-Z0-9_=.-]{59}`),
    keywords: ['tfp_'],
    entropy: 3.5,
    prefixLength: 4,
    rotation: 'Delete the token in Typeform (Account > Personal tokens) and generate a new one.',
    docs: 'https://www.typeform.com/developers/get-started/personal-access-token/',
    truePositives: [`TYPEFORM_TOKEN=tfp_${fake(BASE64URL, 59, 'tfp-1')}`],
    falsePositives: [`TYPEFORM_TOKEN=tfp_${'x'.repeat(59)}`]
  }),
  defineRule({
    id: 'zendesk-secret-key',
    description: 'Zendesk API token',
    severity: 'high',
    regex: keyed('zendesk', '[a-z0-9]{40}'),
    keywords: ['zendesk'],
    entropy: 3.5,
    rotation:
      'Delete the token in Zendesk Admin Center (Apps and integrations > APIs > Zendesk API) and create a new one.',
    docs: 'https://developer.zendesk.com/api-reference/introduction/security-and-auth/',
    truePositives: [`ZENDESK_API_TOKEN=${fake(ALNUM, 40, 'zendesk-1')}`],
    falsePositives: [`ZENDESK_API_TOKEN=${'a'.repeat(40)}`]
  }),
  defineRule({
    id: 'hubspot-private-app-token',
    description: 'HubSpot private app access token',
    severity: 'high',
    regex: prefixed(`pat-(?:na|eu|ap)[0-9]{1,2}-${UUID}`),
    keywords: ['pat-na', 'pat-eu', 'pat-ap'],
    entropy: 3,
    prefixLength: 7,
    rotation:
      'Rotate the token of the private app in HubSpot (Settings > Integrations > Private apps > Auth > Rotate).',
    docs: 'https://developers.hubspot.com/docs/api/private-apps',
    truePositives: [`HUBSPOT_ACCESS_TOKEN=pat-na1-${fakeUuid('hubspot-1')}`],
    falsePositives: ['HUBSPOT_ACCESS_TOKEN=pat-na1-00000000-0000-0000-0000-000000000000']
  }),
  defineRule({
    id: 'hubspot-api-key',
    description: 'HubSpot API key (legacy)',
    severity: 'high',
    regex: keyed('hubspot', UUID),
    keywords: ['hubspot'],
    entropy: 3,
    rotation:
      'HubSpot API keys are sunset; delete it under Settings > Integrations > API key and migrate to a private app token.',
    docs: 'https://developers.hubspot.com/docs/api/migrate-an-api-key-integration-to-a-private-app',
    truePositives: [`HUBSPOT_API_KEY=${fakeUuid('hubspot-2')}`],
    falsePositives: ['HUBSPOT_API_KEY=00000000-0000-0000-0000-000000000000']
  }),
  defineRule({
    id: 'prefect-api-token',
    description: 'Prefect Cloud API key',
    severity: 'high',
    regex: prefixed('pnu_[a-zA-Z0-9]{36}'),
    keywords: ['pnu_'],
    entropy: 3.5,
    prefixLength: 4,
    rotation: 'Delete the key in Prefect Cloud (Profile > API keys) and create a new one.',
    docs: 'https://docs.prefect.io/v3/manage/cloud/manage-users/api-keys',
    truePositives: [`PREFECT_API_KEY=pnu_${fake(ALNUM, 36, 'pnu-1')}`],
    falsePositives: [`PREFECT_API_KEY=pnu_${'x'.repeat(36)}`]
  }),
  defineRule({
    id: 'privateai-api-token',
    description: 'Private AI API key',
    severity: 'medium',
    regex: keyed('private[_-]?ai', '[a-z0-9]{32}'),
    keywords: ['privateai', 'private_ai', 'private-ai'],
    entropy: 3.5,
    rotation: 'Rotate the key in the Private AI customer portal (API keys).',
    docs: 'https://docs.private-ai.com/',
    truePositives: [`PRIVATE_AI_API_KEY=${fake(LOWER_ALNUM, 32, 'pai-1')}`],
    falsePositives: [`PRIVATE_AI_API_KEY=${'a'.repeat(32)}`]
  }),
  defineRule({
    id: 'rapidapi-access-token',
    description: 'RapidAPI key',
    severity: 'medium',
    regex: keyed('rapidapi', '[a-z0-9_-]{50}'),
    keywords: ['rapidapi'],
    entropy: 3.5,
    rotation:
      'Rotate the application key in the RapidAPI developer dashboard (Apps > app > Authorization).',
    docs: 'https://docs.rapidapi.com/docs/keys-and-key-rotation',
    truePositives: [`X-RapidAPI-Key: ${fake(LOWER_ALNUM, 50, 'rapid-1')}`],
    falsePositives: [`X-RapidAPI-Key: ${'x'.repeat(50)}`]
  }),
  defineRule({
    id: 'travisci-access-token',
    description: 'Travis CI API token',
    severity: 'medium',
    regex: keyed('travis', '[a-z0-9]{22}'),
    keywords: ['travis'],
    entropy: 3.5,
    rotation:
      'Regenerate the token in Travis CI (Settings > API authentication > Regenerate token).',
    docs: 'https://docs.travis-ci.com/user/triggering-builds/',
    truePositives: [`TRAVIS_API_TOKEN=${fake(ALNUM, 22, 'travis-1')}`],
    falsePositives: [`TRAVIS_API_TOKEN=${'a'.repeat(22)}`]
  }),
  defineRule({
    id: 'circleci-personal-token',
    description: 'CircleCI personal API token',
    severity: 'high',
    regex: prefixed('CCIPAT_[a-zA-Z0-9]{20,30}_[a-f0-9]{40}'),
    keywords: ['ccipat_'],
    entropy: 3.5,
    prefixLength: 7,
    rotation:
      'Delete the token at https://app.circleci.com/settings/user/tokens and create a new one.',
    docs: 'https://circleci.com/docs/managing-api-tokens/',
    truePositives: [`CIRCLE_TOKEN=CCIPAT_${fake(ALNUM, 22, 'cci-1')}_${fake(HEX, 40, 'cci-2')}`],
    falsePositives: [`CIRCLE_TOKEN=CCIPAT_${'x'.repeat(22)}_${'0'.repeat(40)}`]
  }),
  defineRule({
    id: 'sonar-api-token',
    description: 'SonarQube / SonarCloud user, project or global analysis token',
    severity: 'high',
    regex: prefixed('sq[upa]_[a-f0-9]{40}'),
    keywords: ['squ_', 'sqp_', 'sqa_'],
    entropy: 3,
    prefixLength: 4,
    rotation:
      'Revoke the token in SonarQube / SonarCloud (My Account > Security) and generate a new one.',
    docs: 'https://docs.sonarsource.com/sonarqube-server/latest/user-guide/managing-tokens/',
    truePositives: [`SONAR_TOKEN=squ_${fake(HEX, 40, 'sonar-1')}`],
    falsePositives: [`SONAR_TOKEN=squ_${'0'.repeat(40)}`]
  }),
  defineRule({
    id: 'sourcegraph-access-token',
    description: 'Sourcegraph access token',
    severity: 'high',
    regex: prefixed('sgp_(?:[a-fA-F0-9]{16}|local)_[a-fA-F0-9]{40}|sgp_[a-fA-F0-9]{40}'),
    keywords: ['sgp_'],
    entropy: 3,
    prefixLength: 4,
    rotation:
      'Delete the token in Sourcegraph (User settings > Access tokens) and create a new one.',
    docs: 'https://sourcegraph.com/docs/cli/how-tos/creating_an_access_token',
    truePositives: [`SRC_ACCESS_TOKEN=sgp_${fake(HEX, 16, 'sgp-1')}_${fake(HEX, 40, 'sgp-2')}`],
    falsePositives: [`SRC_ACCESS_TOKEN=sgp_${'0'.repeat(40)}`]
  }),
  defineRule({
    id: 'looker-client-secret',
    description: 'Looker API client secret',
    severity: 'high',
    regex: keyed(String.raw`looker[\w.-]{0,20}?secret`, '[a-z0-9]{24}'),
    keywords: ['looker'],
    entropy: 3.5,
    rotation:
      'Delete the API key for the user in Looker (Admin > Users > Edit Keys) and create a new one.',
    docs: 'https://cloud.google.com/looker/docs/api-auth',
    truePositives: [`LOOKERSDK_CLIENT_SECRET=${fake(ALNUM, 24, 'looker-1')}`],
    falsePositives: [`LOOKERSDK_CLIENT_SECRET=${'a'.repeat(24)}`]
  }),
  defineRule({
    id: 'freshbooks-access-token',
    description: 'FreshBooks access token',
    severity: 'high',
    regex: keyed('freshbooks', '[a-z0-9]{64}'),
    keywords: ['freshbooks'],
    entropy: 3.5,
    rotation:
      'Revoke the app authorization in FreshBooks (Settings > Apps) or reset the client secret at https://my.freshbooks.com/#/developer.',
    docs: 'https://www.freshbooks.com/api/authentication',
    truePositives: [`FRESHBOOKS_TOKEN=${fake(LOWER_ALNUM, 64, 'fb-1')}`],
    falsePositives: [`FRESHBOOKS_TOKEN=${'a'.repeat(64)}`]
  }),
  defineRule({
    id: 'nytimes-access-token',
    description: 'New York Times API key',
    severity: 'low',
    regex: keyed('nytimes|new-york-times|newyorktimes', '[a-z0-9=_-]{32}'),
    keywords: ['nytimes', 'new-york-times', 'newyorktimes'],
    entropy: 3.5,
    rotation: 'Delete the app key at https://developer.nytimes.com/my-apps and create a new one.',
    docs: 'https://developer.nytimes.com/get-started',
    truePositives: [`NYTIMES_API_KEY=${fake(ALNUM, 32, 'nyt-1')}`],
    falsePositives: [`NYTIMES_API_KEY=${'x'.repeat(32)}`]
  }),
  defineRule({
    id: 'beamer-api-token',
    description: 'Beamer API key',
    severity: 'medium',
    regex: keyed('beamer', 'b_[a-z0-9=_-]{44}'),
    keywords: ['beamer'],
    entropy: 3.5,
    rotation: 'Regenerate the API key in Beamer (Settings > API).',
    docs: 'https://www.getbeamer.com/api',
    truePositives: [`BEAMER_API_KEY=b_${fake(BASE64URL, 44, 'beamer-1')}`],
    falsePositives: [`BEAMER_API_KEY=b_${'x'.repeat(44)}`]
  }),
  defineRule({
    id: 'adafruit-api-key',
    description: 'Adafruit IO key',
    severity: 'medium',
    regex: keyed('adafruit|aio[_-]key', '[a-z0-9_-]{32}'),
    keywords: ['adafruit', 'aio_key', 'aio-key'],
    entropy: 3.5,
    rotation: 'Regenerate the key at https://io.adafruit.com (My Key > Regenerate Key).',
    docs: 'https://io.adafruit.com/api/docs/#authentication',
    truePositives: [`ADAFRUIT_IO_KEY=aio_${fake(ALNUM, 28, 'aio-1')}`],
    falsePositives: [`ADAFRUIT_IO_KEY=${'x'.repeat(32)}`]
  }),
  defineRule({
    id: 'defined-networking-api-token',
    description: 'Defined Networking (Nebula) API token',
    severity: 'high',
    regex: prefixed('dnkey-[a-z0-9=_-]{26}-[a-z0-9=_-]{52}', 'i'),
    keywords: ['dnkey-'],
    entropy: 3.5,
    prefixLength: 6,
    rotation:
      'Delete the API key in the Defined Networking admin panel (Settings > API keys) and create a new one.',
    docs: 'https://docs.defined.net/guides/automating-host-creation/',
    truePositives: [`DN_API_KEY=dnkey-${fake(ALNUM, 26, 'dnkey-1')}-${fake(ALNUM, 52, 'dnkey-2')}`],
    falsePositives: [`DN_API_KEY=dnkey-${'x'.repeat(26)}-${'x'.repeat(52)}`]
  }),
  defineRule({
    id: 'maxmind-license-key',
    description: 'MaxMind license key',
    severity: 'medium',
    regex: prefixed('[A-Za-z0-9]{6}_[A-Za-z0-9]{29}_mmk'),
    keywords: ['_mmk'],
    entropy: 4,
    rotation:
      'Deactivate the key at https://www.maxmind.com/en/accounts/current/license-key and generate a new one.',
    docs: 'https://dev.maxmind.com/license-key-format',
    truePositives: [
      `MAXMIND_LICENSE_KEY=${fake(ALNUM, 6, 'mmk-1')}_${fake(ALNUM, 29, 'mmk-2')}_mmk`
    ],
    falsePositives: [`MAXMIND_LICENSE_KEY=${'x'.repeat(6)}_${'x'.repeat(29)}_mmk`]
  }),
  settlemint('settlemint-personal-access-token', 'sm_pat_', 'personal access token'),
  settlemint('settlemint-application-access-token', 'sm_aat_', 'application access token'),
  settlemint('settlemint-service-access-token', 'sm_sat_', 'service access token'),
  defineRule({
    id: 'adobe-client-secret',
    description: 'Adobe Developer Console client secret',
    severity: 'high',
    regex: prefixed('p8e-[a-zA-Z0-9]{32}'),
    keywords: ['p8e-'],
    entropy: 3.5,
    prefixLength: 4,
    rotation:
      'Rotate the client secret in the Adobe Developer Console (project > credential > Retrieve client secret > Rotate).',
    docs: 'https://developer.adobe.com/developer-console/docs/guides/authentication/',
    truePositives: [`ADOBE_CLIENT_SECRET=p8e-${fake(ALNUM, 32, 'p8e-1')}`],
    falsePositives: [`ADOBE_CLIENT_SECRET=p8e-${'x'.repeat(32)}`]
  }),
  defineRule({
    id: 'cisco-meraki-api-key',
    description: 'Cisco Meraki Dashboard API key',
    severity: 'high',
    regex: keyed('meraki', '[0-9a-f]{40}'),
    keywords: ['meraki'],
    entropy: 3,
    rotation:
      'Revoke the key in the Meraki dashboard (My profile > API access) and generate a new one.',
    docs: 'https://developer.cisco.com/meraki/api-v1/authorization/',
    truePositives: [`MERAKI_DASHBOARD_API_KEY=${fake(HEX, 40, 'meraki-1')}`],
    falsePositives: [`MERAKI_DASHBOARD_API_KEY=${'0'.repeat(40)}`]
  }),
  defineRule({
    id: 'droneci-access-token',
    description: 'Drone CI personal token',
    severity: 'high',
    regex: keyed(String.raw`drone(?:ci)?[_-]?token`, '[a-z0-9]{32}'),
    keywords: ['drone'],
    entropy: 3.5,
    rotation: 'Reset the token in the Drone UI (User settings > Token > Reset) and update scripts.',
    docs: 'https://docs.drone.io/cli/setup/',
    truePositives: [`DRONE_TOKEN=${fake(ALNUM, 32, 'drone-1')}`],
    falsePositives: [`DRONE_TOKEN=${'a'.repeat(32)}`]
  }),
  defineRule({
    id: 'squarespace-access-token',
    description: 'Squarespace API key',
    severity: 'high',
    regex: keyed('squarespace', UUID),
    keywords: ['squarespace'],
    entropy: 3,
    rotation:
      'Revoke the key in Squarespace (Settings > Advanced > Developer API keys) and generate a new one.',
    docs: 'https://developers.squarespace.com/commerce-apis/authentication-and-permissions',
    truePositives: [`SQUARESPACE_API_KEY=${fakeUuid('sqsp-1')}`],
    falsePositives: ['SQUARESPACE_API_KEY=00000000-0000-0000-0000-000000000000']
  }),
  defineRule({
    id: 'intra42-client-secret',
    description: '42 Intra OAuth application secret',
    severity: 'medium',
    regex: prefixed('s-s4t2(?:ud|af)-[a-f0-9]{64}'),
    keywords: ['s-s4t2ud-', 's-s4t2af-'],
    entropy: 3,
    prefixLength: 9,
    rotation:
      'Regenerate the application secret at https://profile.intra.42.fr/oauth/applications.',
    docs: 'https://api.intra.42.fr/apidoc/guides/getting_started',
    truePositives: [`FT_CLIENT_SECRET=s-s4t2ud-${fake(HEX, 64, 'intra-1')}`],
    falsePositives: [`FT_CLIENT_SECRET=s-s4t2ud-${'0'.repeat(64)}`]
  }),
  defineRule({
    id: 'sidekiq-secret',
    description: 'Sidekiq Pro / Enterprise gem server credentials',
    severity: 'medium',
    regex: keyed(
      'bundle_enterprise__contribsys__com|bundle_gems__contribsys__com',
      '[a-f0-9]{8}:[a-f0-9]{8}'
    ),
    keywords: ['bundle_enterprise__contribsys__com', 'bundle_gems__contribsys__com'],
    entropy: 2.5,
    rotation:
      'Ask Contributed Systems (support@contribsys.com) to rotate the license credentials and update the bundler config.',
    docs: 'https://github.com/sidekiq/sidekiq/wiki/Sidekiq-Pro-Installation',
    truePositives: [`BUNDLE_GEMS__CONTRIBSYS__COM=${fake(HEX, 8, 'sk-1')}:${fake(HEX, 8, 'sk-2')}`],
    falsePositives: ['BUNDLE_GEMS__CONTRIBSYS__COM=00000000:00000000']
  }),
  defineRule({
    id: 'sidekiq-sensitive-url',
    description: 'Sidekiq Pro / Enterprise gem server URL with credentials',
    severity: 'medium',
    regex:
      /\bhttps?:\/\/([a-f0-9]{8}:[a-f0-9]{8})@(?:gems\.contribsys\.com|enterprise\.contribsys\.com)(?:[/#?:]|$)/i,
    keywords: ['contribsys.com'],
    entropy: 2.5,
    rotation:
      'Ask Contributed Systems (support@contribsys.com) to rotate the license credentials and update the Gemfile source.',
    docs: 'https://github.com/sidekiq/sidekiq/wiki/Sidekiq-Pro-Installation',
    truePositives: [
      `source "https://${fake(HEX, 8, 'sk-3')}:${fake(HEX, 8, 'sk-4')}@gems.contribsys.com/" do`
    ],
    falsePositives: ['source "https://gems.contribsys.com/" do']
  }),
  defineRule({
    id: 'authress-service-client-access-key',
    description: 'Authress service client access key',
    severity: 'high',
    regex: prefixed(
      String.raw`(?:sc|ext|scauth|authress)_[a-zA-Z0-9]{5,30}\.[a-zA-Z0-9]{4,6}\.acc[_-][a-zA-Z0-9-]{10,32}\.[a-zA-Z0-9+/_=-]{30,120}`
    ),
    keywords: ['sc_', 'ext_', 'scauth_', 'authress_'],
    entropy: 3.5,
    allowlist: {stopwords: ['example']},
    prefixLength: 3,
    rotation:
      'Delete the access key of the service client in the Authress management portal and generate a new one.',
    docs: 'https://authress.io/knowledge-base/docs/authorization/service-clients/secrets-scanning',
    truePositives: [
      `AUTHRESS_KEY=sc_${fake(ALNUM, 12, 'authress-1')}.${fake(LOWER, 4, 'authress-2')}.acc_${fake(LOWER_ALNUM, 20, 'authress-3')}.${fake(BASE64URL, 60, 'authress-4')}`
    ],
    falsePositives: [
      'AUTHRESS_KEY=sc_example.abcd.acc_xxxxxxxxxxxx.replace-with-your-access-key-please'
    ]
  })
]
