import {defineRule} from '../rule'
import {UUID, keyed, prefixed} from './patterns'
import {ALNUM, BASE64, BASE64URL, HEX, UPPER_ALNUM, base64url, fake, fakeUuid} from './synthetic'

export const cloudPlatformRules = [
  defineRule({
    id: 'digitalocean-pat',
    description: 'DigitalOcean personal access token',
    severity: 'critical',
    regex: prefixed('dop_v1_[a-f0-9]{64}'),
    keywords: ['dop_v1_'],
    entropy: 3,
    prefixLength: 7,
    rotation:
      'Delete the token at https://cloud.digitalocean.com/account/api/tokens and generate a new scoped token.',
    docs: 'https://docs.digitalocean.com/reference/api/create-personal-access-token/',
    truePositives: [`DIGITALOCEAN_TOKEN=dop_v1_${fake(HEX, 64, 'dop-1')}`],
    falsePositives: [`DIGITALOCEAN_TOKEN=dop_v1_${'0'.repeat(64)}`]
  }),
  defineRule({
    id: 'digitalocean-access-token',
    description: 'DigitalOcean OAuth access token',
    severity: 'high',
    regex: prefixed('doo_v1_[a-f0-9]{64}'),
    keywords: ['doo_v1_'],
    entropy: 3,
    prefixLength: 7,
    rotation:
      'Revoke the OAuth token (POST https://cloud.digitalocean.com/v1/oauth/revoke) or the application authorization in the DigitalOcean control panel.',
    docs: 'https://docs.digitalocean.com/reference/api/oauth/',
    truePositives: [`"access_token": "doo_v1_${fake(HEX, 64, 'doo-1')}"`],
    falsePositives: [`"access_token": "doo_v1_${'f'.repeat(64)}"`]
  }),
  defineRule({
    id: 'digitalocean-refresh-token',
    description: 'DigitalOcean OAuth refresh token',
    severity: 'high',
    regex: prefixed('dor_v1_[a-f0-9]{64}', 'i'),
    keywords: ['dor_v1_'],
    entropy: 3,
    prefixLength: 7,
    rotation:
      'Revoke the application authorization in the DigitalOcean control panel (API > OAuth applications) so the refresh token stops working.',
    docs: 'https://docs.digitalocean.com/reference/api/oauth/',
    truePositives: [`"refresh_token": "dor_v1_${fake(HEX, 64, 'dor-1')}"`],
    falsePositives: [`"refresh_token": "dor_v1_${'a'.repeat(64)}"`]
  }),
  defineRule({
    id: 'heroku-api-key-v2',
    description: 'Heroku API key / OAuth token (HRKU- format)',
    severity: 'high',
    regex: prefixed('HRKU-AA[0-9a-zA-Z_-]{58}'),
    keywords: ['hrku-aa'],
    entropy: 4,
    prefixLength: 7,
    rotation:
      'Regenerate the API key at https://dashboard.heroku.com/account (or revoke the authorization with `heroku authorizations:revoke`).',
    docs: 'https://devcenter.heroku.com/articles/authentication',
    truePositives: [`HEROKU_API_KEY=HRKU-AA${fake(BASE64URL, 58, 'hrku-1')}`],
    falsePositives: [`HEROKU_API_KEY=HRKU-AA${'x'.repeat(58)}`]
  }),
  defineRule({
    id: 'heroku-api-key',
    description: 'Heroku API key (legacy UUID format)',
    severity: 'high',
    regex: keyed('heroku', UUID),
    keywords: ['heroku'],
    entropy: 3,
    rotation:
      'Regenerate the API key at https://dashboard.heroku.com/account and update CI secrets.',
    docs: 'https://devcenter.heroku.com/articles/authentication',
    truePositives: [`HEROKU_API_KEY=${fakeUuid('heroku-1')}`],
    falsePositives: ['HEROKU_API_KEY=00000000-0000-0000-0000-000000000000']
  }),
  defineRule({
    id: 'vercel-access-token',
    description: 'Vercel access token',
    severity: 'high',
    regex: keyed('vercel', '[a-zA-Z0-9]{24}'),
    keywords: ['vercel'],
    entropy: 3.5,
    rotation:
      'Delete the token at https://vercel.com/account/tokens and create a new scoped token with an expiry.',
    docs: 'https://vercel.com/docs/rest-api#creating-an-access-token',
    truePositives: [`VERCEL_TOKEN=${fake(ALNUM, 24, 'vercel-1')}`],
    falsePositives: [`VERCEL_TOKEN=${'a'.repeat(24)}`]
  }),
  defineRule({
    id: 'netlify-access-token',
    description: 'Netlify personal access token',
    severity: 'high',
    regex: keyed('netlify', 'nfp_[a-zA-Z0-9]{36}|[a-z0-9=_-]{40,46}'),
    keywords: ['netlify'],
    entropy: 3.5,
    rotation:
      'Revoke the token at https://app.netlify.com/user/applications#personal-access-tokens and create a new one.',
    docs: 'https://docs.netlify.com/api/get-started/#authentication',
    truePositives: [
      `NETLIFY_AUTH_TOKEN=nfp_${fake(ALNUM, 36, 'netlify-1')}`,
      `NETLIFY_AUTH_TOKEN=${fake(BASE64URL, 43, 'netlify-2')}`
    ],
    falsePositives: [`NETLIFY_AUTH_TOKEN=${'x'.repeat(43)}`]
  }),
  defineRule({
    id: 'cloudflare-api-key',
    description: 'Cloudflare API token',
    severity: 'high',
    regex: keyed('cloudflare|cf[_-]api[_-]token', '[a-z0-9_-]{40}'),
    keywords: ['cloudflare', 'cf_api_token', 'cf-api-token'],
    entropy: 3.5,
    rotation:
      'Roll or delete the token at https://dash.cloudflare.com/profile/api-tokens and create a new one.',
    docs: 'https://developers.cloudflare.com/fundamentals/api/get-started/create-token/',
    truePositives: [`CLOUDFLARE_API_TOKEN=${fake(BASE64URL, 40, 'cf-1')}`],
    falsePositives: [`CLOUDFLARE_API_TOKEN=${'x'.repeat(40)}`]
  }),
  defineRule({
    id: 'cloudflare-global-api-key',
    description: 'Cloudflare global API key',
    severity: 'critical',
    regex: keyed('cloudflare|cf[_-]api[_-]key', '[a-f0-9]{37}'),
    keywords: ['cloudflare', 'cf_api_key', 'cf-api-key'],
    entropy: 3,
    rotation:
      'Change the Global API Key at https://dash.cloudflare.com/profile/api-tokens (Global API Key > Change) and move to scoped API tokens.',
    docs: 'https://developers.cloudflare.com/fundamentals/api/get-started/keys/',
    truePositives: [`CLOUDFLARE_API_KEY=${fake(HEX, 37, 'cfg-1')}`],
    falsePositives: [`CLOUDFLARE_API_KEY=${'0'.repeat(37)}`]
  }),
  defineRule({
    id: 'cloudflare-origin-ca-key',
    description: 'Cloudflare Origin CA key',
    severity: 'high',
    regex: prefixed(String.raw`v1\.0-[a-f0-9]{24}-[a-f0-9]{146}`),
    keywords: ['v1.0-'],
    entropy: 3,
    prefixLength: 5,
    rotation:
      'Change the Origin CA Key at https://dash.cloudflare.com/profile/api-tokens (Origin CA Key > Change).',
    docs: 'https://developers.cloudflare.com/fundamentals/api/get-started/ca-keys/',
    truePositives: [`CF_ORIGIN_CA_KEY=v1.0-${fake(HEX, 24, 'cfo-1')}-${fake(HEX, 146, 'cfo-2')}`],
    falsePositives: [`CF_ORIGIN_CA_KEY=v1.0-${'0'.repeat(24)}-${'0'.repeat(146)}`]
  }),
  defineRule({
    id: 'alibaba-access-key-id',
    description: 'Alibaba Cloud AccessKey ID',
    severity: 'high',
    regex: prefixed('LTAI[a-zA-Z0-9]{12,20}'),
    keywords: ['ltai'],
    entropy: 3,
    prefixLength: 4,
    rotation:
      'Disable and delete the AccessKey pair in the RAM console (Users > AccessKey) and create a new one.',
    docs: 'https://www.alibabacloud.com/help/en/ram/user-guide/create-an-accesskey-pair',
    truePositives: [`ALIBABA_CLOUD_ACCESS_KEY_ID=LTAI${fake(ALNUM, 20, 'ltai-1')}`],
    falsePositives: [`ALIBABA_CLOUD_ACCESS_KEY_ID=LTAI${'x'.repeat(20)}`]
  }),
  defineRule({
    id: 'alibaba-secret-key',
    description: 'Alibaba Cloud AccessKey secret',
    severity: 'critical',
    regex: keyed(String.raw`alibaba[\w.-]{0,30}?secret|aliyun[\w.-]{0,30}?secret`, '[a-z0-9]{30}'),
    keywords: ['alibaba', 'aliyun'],
    entropy: 3.5,
    rotation:
      'Disable and delete the AccessKey pair in the RAM console (Users > AccessKey) and create a new one.',
    docs: 'https://www.alibabacloud.com/help/en/ram/user-guide/create-an-accesskey-pair',
    truePositives: [`ALIBABA_CLOUD_ACCESS_KEY_SECRET=${fake(ALNUM, 30, 'alisec-1')}`],
    falsePositives: [`ALIBABA_CLOUD_ACCESS_KEY_SECRET=${'a'.repeat(30)}`]
  }),
  defineRule({
    id: 'tencent-cloud-secret-id',
    description: 'Tencent Cloud SecretId',
    severity: 'high',
    regex: prefixed('AKID[A-Za-z0-9]{32}'),
    keywords: ['akid'],
    entropy: 3.5,
    prefixLength: 4,
    rotation:
      'Disable and delete the API key in the Tencent Cloud CAM console (API Key Management) and create a new one.',
    docs: 'https://www.tencentcloud.com/document/product/598/32675',
    truePositives: [`TENCENTCLOUD_SECRET_ID=AKID${fake(ALNUM, 32, 'akid-1')}`],
    falsePositives: [`TENCENTCLOUD_SECRET_ID=AKID${'x'.repeat(32)}`]
  }),
  defineRule({
    id: 'tencent-cloud-secret-key',
    description: 'Tencent Cloud SecretKey',
    severity: 'critical',
    regex: keyed(String.raw`tencent[\w.-]{0,30}?secret[_-]?key`, '[A-Za-z0-9]{32}'),
    keywords: ['tencent'],
    entropy: 3.5,
    rotation:
      'Disable and delete the API key in the Tencent Cloud CAM console (API Key Management) and create a new one.',
    docs: 'https://www.tencentcloud.com/document/product/598/32675',
    truePositives: [`TENCENTCLOUD_SECRET_KEY=${fake(ALNUM, 32, 'tcsk-1')}`],
    falsePositives: [`TENCENTCLOUD_SECRET_KEY=${'a'.repeat(32)}`]
  }),
  defineRule({
    id: 'ibm-cloud-api-key',
    description: 'IBM Cloud API key',
    severity: 'critical',
    regex: keyed(
      String.raw`ibm[\w.-]{0,20}?api[_-]?key|ibmcloud[\w.-]{0,20}?key`,
      '[A-Za-z0-9_-]{44}'
    ),
    keywords: ['ibm'],
    entropy: 4,
    rotation:
      'Delete the API key in the IBM Cloud console (Manage > Access (IAM) > API keys) and create a new one.',
    docs: 'https://cloud.ibm.com/docs/account?topic=account-userapikey',
    truePositives: [`IBM_CLOUD_API_KEY=${fake(BASE64URL, 44, 'ibm-1')}`],
    falsePositives: [`IBM_CLOUD_API_KEY=${'x'.repeat(44)}`]
  }),
  defineRule({
    id: 'yandex-api-key',
    description: 'Yandex Cloud API key',
    severity: 'high',
    regex: prefixed('AQVN[A-Za-z0-9_-]{35,38}'),
    keywords: ['aqvn'],
    entropy: 3.5,
    prefixLength: 4,
    rotation:
      'Delete the API key of the service account in the Yandex Cloud console (Service accounts > API keys) and create a new one.',
    docs: 'https://yandex.cloud/en/docs/iam/concepts/authorization/api-key',
    truePositives: [`YC_API_KEY=AQVN${fake(BASE64URL, 36, 'aqvn-1')}`],
    falsePositives: [`YC_API_KEY=AQVN${'x'.repeat(36)}`]
  }),
  defineRule({
    id: 'yandex-access-token',
    description: 'Yandex Cloud IAM / OAuth token',
    severity: 'high',
    regex: prefixed(String.raw`t1\.[A-Z0-9a-z_-]+={0,2}\.[A-Z0-9a-z_-]{86}={0,2}`),
    keywords: ['t1.'],
    entropy: 4,
    prefixLength: 3,
    rotation:
      'IAM tokens expire within 12 hours; revoke the credential that issued it (OAuth token at https://oauth.yandex.com or the service-account key).',
    docs: 'https://yandex.cloud/en/docs/iam/concepts/authorization/iam-token',
    truePositives: [`YC_TOKEN=t1.${fake(BASE64URL, 40, 'yt1-1')}.${fake(BASE64URL, 86, 'yt1-2')}`],
    falsePositives: ['version = "t1.0.3"']
  }),
  defineRule({
    id: 'yandex-aws-access-token',
    description: 'Yandex Cloud static access key (S3-compatible)',
    severity: 'high',
    regex: keyed('yandex|yc[_-]', 'YC[a-zA-Z0-9_-]{38}'),
    keywords: ['yandex', 'yc_', 'yc-'],
    entropy: 3.5,
    rotation:
      'Delete the static access key of the service account in the Yandex Cloud console and create a new one.',
    docs: 'https://yandex.cloud/en/docs/iam/concepts/authorization/access-key',
    truePositives: [`YC_SECRET_ACCESS_KEY=YC${fake(BASE64URL, 38, 'yc-1')}`],
    falsePositives: [`YC_SECRET_ACCESS_KEY=YC${'x'.repeat(38)}`]
  }),
  defineRule({
    id: 'flyio-access-token',
    description: 'Fly.io access token',
    severity: 'high',
    regex: prefixed(
      String.raw`(?:fo1_[\w-]{43}|fm1[ar]_[a-zA-Z0-9+/]{100,}={0,3}|fm2_[a-zA-Z0-9+/]{100,}={0,3})`
    ),
    keywords: ['fo1_', 'fm1r_', 'fm1a_', 'fm2_'],
    entropy: 4,
    prefixLength: 4,
    rotation:
      'Revoke the token with `fly tokens revoke` (or in the dashboard under Tokens) and create a new scoped token.',
    docs: 'https://fly.io/docs/security/tokens/',
    truePositives: [
      `FLY_API_TOKEN=fm2_${fake(BASE64, 200, 'fly-1')}`,
      `FLY_API_TOKEN=fo1_${fake(BASE64URL, 43, 'fly-2')}`
    ],
    falsePositives: [`FLY_API_TOKEN=fo1_${'x'.repeat(43)}`]
  }),
  defineRule({
    id: 'scalingo-api-token',
    description: 'Scalingo API token',
    severity: 'high',
    regex: prefixed(String.raw`tk-us-[\w-]{48}`),
    keywords: ['tk-us-'],
    entropy: 3.5,
    prefixLength: 6,
    rotation:
      'Delete the token in the Scalingo dashboard (User settings > API tokens) and create a new one.',
    docs: 'https://doc.scalingo.com/platform/cli/start#api-tokens',
    truePositives: [`SCALINGO_API_TOKEN=tk-us-${fake(BASE64URL, 48, 'scalingo-1')}`],
    falsePositives: [`SCALINGO_API_TOKEN=tk-us-${'x'.repeat(48)}`]
  }),
  defineRule({
    id: 'databricks-api-token',
    description: 'Databricks personal access token',
    severity: 'high',
    regex: prefixed('dapi[a-f0-9]{32}(?:-[0-9])?'),
    keywords: ['dapi'],
    entropy: 3,
    prefixLength: 4,
    rotation:
      'Revoke the token in the Databricks workspace (Settings > Developer > Access tokens) and create a new one or use OAuth M2M.',
    docs: 'https://docs.databricks.com/en/dev-tools/auth/pat.html',
    truePositives: [`DATABRICKS_TOKEN=dapi${fake(HEX, 32, 'dapi-1')}-2`],
    falsePositives: [`DATABRICKS_TOKEN=dapi${'0'.repeat(32)}`]
  }),
  defineRule({
    id: 'confluent-access-token',
    description: 'Confluent Cloud API key',
    severity: 'medium',
    regex: keyed(String.raw`confluent[\w.-]{0,20}?(?:key|id)`, '[a-z0-9]{16}'),
    keywords: ['confluent'],
    entropy: 3,
    rotation: 'Delete the API key in Confluent Cloud (API keys) and create a new one.',
    docs: 'https://docs.confluent.io/cloud/current/security/authenticate/workload-identities/service-accounts/api-keys/overview.html',
    truePositives: [`CONFLUENT_API_KEY=${fake(UPPER_ALNUM, 16, 'confluent-1')}`],
    falsePositives: [`CONFLUENT_API_KEY=${'A'.repeat(16)}`]
  }),
  defineRule({
    id: 'confluent-secret-key',
    description: 'Confluent Cloud API secret',
    severity: 'high',
    regex: keyed(String.raw`confluent[\w.-]{0,20}?secret`, '[a-z0-9+/]{64}'),
    keywords: ['confluent'],
    entropy: 4,
    rotation: 'Delete the API key in Confluent Cloud (API keys) and create a new key/secret pair.',
    docs: 'https://docs.confluent.io/cloud/current/security/authenticate/workload-identities/service-accounts/api-keys/overview.html',
    truePositives: [`CONFLUENT_API_SECRET=${fake(BASE64, 64, 'confluent-2')}`],
    falsePositives: [`CONFLUENT_API_SECRET=${'a'.repeat(64)}`]
  }),
  defineRule({
    id: 'supabase-access-token',
    description: 'Supabase personal access token (management API)',
    severity: 'high',
    regex: prefixed('sbp_[a-f0-9]{40}'),
    keywords: ['sbp_'],
    entropy: 3,
    prefixLength: 4,
    rotation:
      'Revoke the token at https://supabase.com/dashboard/account/tokens and create a new one.',
    docs: 'https://supabase.com/docs/reference/api/introduction',
    truePositives: [`SUPABASE_ACCESS_TOKEN=sbp_${fake(HEX, 40, 'sbp-1')}`],
    falsePositives: [`SUPABASE_ACCESS_TOKEN=sbp_${'0'.repeat(40)}`]
  }),
  defineRule({
    id: 'supabase-secret-key',
    description: 'Supabase secret API key',
    severity: 'critical',
    regex: prefixed('sb_secret_[A-Za-z0-9_-]{20,64}'),
    keywords: ['sb_secret_'],
    entropy: 3.5,
    prefixLength: 10,
    rotation:
      'Delete the secret key in the Supabase dashboard (Project Settings > API Keys) and create a new one.',
    docs: 'https://supabase.com/docs/guides/api/api-keys',
    truePositives: [`SUPABASE_SECRET_KEY=sb_secret_${fake(BASE64URL, 31, 'sbs-1')}`],
    falsePositives: [
      'SUPABASE_SECRET_KEY=sb_secret_...',
      `SUPABASE_SECRET_KEY=sb_secret_${'x'.repeat(31)}`
    ]
  }),
  defineRule({
    id: 'planetscale-api-token',
    description: 'PlanetScale service token',
    severity: 'high',
    regex: prefixed(String.raw`pscale_tkn_[\w=.-]{32,64}`),
    keywords: ['pscale_tkn_'],
    entropy: 3.5,
    prefixLength: 11,
    rotation:
      'Delete the service token in PlanetScale (Organization settings > Service tokens) and create a new one.',
    docs: 'https://planetscale.com/docs/concepts/service-tokens',
    truePositives: [`PLANETSCALE_SERVICE_TOKEN=pscale_tkn_${fake(BASE64URL, 43, 'pscale-1')}`],
    falsePositives: [`PLANETSCALE_SERVICE_TOKEN=pscale_tkn_${'x'.repeat(43)}`]
  }),
  defineRule({
    id: 'planetscale-oauth-token',
    description: 'PlanetScale OAuth token',
    severity: 'high',
    regex: prefixed(String.raw`pscale_oauth_[\w=.-]{32,64}`),
    keywords: ['pscale_oauth_'],
    entropy: 3.5,
    prefixLength: 13,
    rotation:
      'Revoke the OAuth application authorization in PlanetScale (Organization settings > OAuth applications).',
    docs: 'https://planetscale.com/docs/concepts/oauth',
    truePositives: [`PLANETSCALE_TOKEN=pscale_oauth_${fake(BASE64URL, 43, 'pscale-2')}`],
    falsePositives: [`PLANETSCALE_TOKEN=pscale_oauth_${'x'.repeat(43)}`]
  }),
  defineRule({
    id: 'planetscale-password',
    description: 'PlanetScale database password',
    severity: 'critical',
    regex: prefixed(String.raw`pscale_pw_[\w=.-]{32,64}`),
    keywords: ['pscale_pw_'],
    entropy: 3.5,
    prefixLength: 10,
    rotation:
      'Delete the password in PlanetScale (database > Settings > Passwords) and create a new one.',
    docs: 'https://planetscale.com/docs/concepts/connection-strings',
    truePositives: [`DATABASE_PASSWORD=pscale_pw_${fake(BASE64URL, 43, 'pscale-3')}`],
    falsePositives: [`DATABASE_PASSWORD=pscale_pw_${'x'.repeat(43)}`]
  }),
  defineRule({
    id: 'hashicorp-tf-api-token',
    description: 'HCP Terraform / Terraform Enterprise API token',
    severity: 'critical',
    regex: prefixed(String.raw`[a-zA-Z0-9]{14}\.atlasv1\.[a-zA-Z0-9_=-]{60,70}`),
    keywords: ['atlasv1'],
    entropy: 3.5,
    rotation:
      'Delete the token at https://app.terraform.io/app/settings/tokens (or the team / organization token page) and create a new one.',
    docs: 'https://developer.hashicorp.com/terraform/cloud-docs/users-teams-organizations/api-tokens',
    truePositives: [
      `  token = "${fake(ALNUM, 14, 'atlas-1')}.atlasv1.${fake(BASE64URL, 67, 'atlas-2')}"`
    ],
    falsePositives: [`  token = "${'x'.repeat(14)}.atlasv1.${'x'.repeat(67)}"`]
  }),
  defineRule({
    id: 'pulumi-api-token',
    description: 'Pulumi access token',
    severity: 'high',
    regex: prefixed('pul-[a-f0-9]{40}'),
    keywords: ['pul-'],
    entropy: 3,
    prefixLength: 4,
    rotation:
      'Delete the token at https://app.pulumi.com/account/tokens and create a new one (or use OIDC).',
    docs: 'https://www.pulumi.com/docs/pulumi-cloud/access-management/access-tokens/',
    truePositives: [`PULUMI_ACCESS_TOKEN=pul-${fake(HEX, 40, 'pul-1')}`],
    falsePositives: [`PULUMI_ACCESS_TOKEN=pul-${'0'.repeat(40)}`]
  }),
  defineRule({
    id: 'vault-service-token',
    description: 'HashiCorp Vault service token',
    severity: 'critical',
    regex: prefixed(String.raw`hvs\.[\w-]{90,120}`),
    keywords: ['hvs.'],
    entropy: 3.5,
    prefixLength: 4,
    rotation:
      'Revoke it with `vault token revoke <token>` (or revoke its accessor) and issue a new token with a short TTL.',
    docs: 'https://developer.hashicorp.com/vault/docs/concepts/tokens',
    truePositives: [`VAULT_TOKEN=hvs.CAESI${fake(BASE64URL, 90, 'hvs-1')}`],
    falsePositives: [`VAULT_TOKEN=hvs.${'x'.repeat(95)}`, 'VAULT_TOKEN=hvs.root']
  }),
  defineRule({
    id: 'vault-batch-token',
    description: 'HashiCorp Vault batch token',
    severity: 'high',
    regex: prefixed(String.raw`hvb\.[\w-]{138,300}`),
    keywords: ['hvb.'],
    entropy: 4,
    prefixLength: 4,
    rotation:
      'Batch tokens cannot be revoked individually; revoke the parent token / lease and wait for the TTL, then rotate what issued it.',
    docs: 'https://developer.hashicorp.com/vault/docs/concepts/tokens#batch-tokens',
    truePositives: [`VAULT_TOKEN=hvb.AAAAAQ${fake(BASE64URL, 160, 'hvb-1')}`],
    falsePositives: [`VAULT_TOKEN=hvb.${'A'.repeat(150)}`]
  }),
  defineRule({
    id: 'vault-legacy-service-token',
    description: 'HashiCorp Vault service token (legacy s. format)',
    severity: 'critical',
    regex: keyed(String.raw`vault[\w.-]{0,20}?token`, String.raw`s\.[a-zA-Z0-9]{24}`),
    keywords: ['vault'],
    entropy: 3.5,
    rotation: 'Revoke it with `vault token revoke <token>` and issue a new token with a short TTL.',
    docs: 'https://developer.hashicorp.com/vault/docs/concepts/tokens',
    truePositives: [`VAULT_TOKEN=s.${fake(ALNUM, 24, 'vault-s-1')}`],
    falsePositives: [`VAULT_TOKEN=s.${'x'.repeat(24)}`]
  }),
  defineRule({
    id: 'doppler-api-token',
    description: 'Doppler personal token',
    severity: 'high',
    regex: prefixed(String.raw`dp\.pt\.[a-zA-Z0-9]{43}`),
    keywords: ['dp.pt.'],
    entropy: 3.5,
    prefixLength: 6,
    rotation:
      'Revoke the token in the Doppler dashboard (Tokens) or with `doppler configs tokens revoke`, then create a new one.',
    docs: 'https://docs.doppler.com/docs/token-formats',
    truePositives: [`DOPPLER_TOKEN=dp.pt.${fake(ALNUM, 43, 'dppt-1')}`],
    falsePositives: [`DOPPLER_TOKEN=dp.pt.${'x'.repeat(43)}`]
  }),
  defineRule({
    id: 'doppler-service-token',
    description: 'Doppler service / CLI / service-account / SCIM / audit token',
    severity: 'high',
    regex: prefixed(
      String.raw`dp\.(?:st|ct|sa|scim|audit)\.(?:[a-z0-9_-]{2,35}\.)?[a-zA-Z0-9]{40,44}`
    ),
    keywords: ['dp.st.', 'dp.ct.', 'dp.sa.', 'dp.scim.', 'dp.audit.'],
    entropy: 3.5,
    prefixLength: 6,
    rotation:
      'Revoke the token in the Doppler dashboard (project config > Access / Service tokens) and create a new one.',
    docs: 'https://docs.doppler.com/docs/token-formats',
    truePositives: [`DOPPLER_TOKEN=dp.st.prd.${fake(ALNUM, 43, 'dpst-1')}`],
    falsePositives: [`DOPPLER_TOKEN=dp.st.prd.${'x'.repeat(43)}`]
  }),
  defineRule({
    id: '1password-service-account-token',
    description: '1Password service account token',
    severity: 'critical',
    regex: prefixed('ops_eyJ[a-zA-Z0-9+/]{250,}={0,3}'),
    keywords: ['ops_'],
    entropy: 4,
    prefixLength: 4,
    rotation:
      'Revoke the service account token in 1Password (Developer > Service accounts > Revoke) and create a new one.',
    docs: 'https://developer.1password.com/docs/service-accounts/',
    truePositives: [
      `OP_SERVICE_ACCOUNT_TOKEN=ops_${base64url('{"signInAddress":"acme.1password.com","userAuth":').replace(/[-_]/g, 'A')}${fake(ALNUM + '+/', 300, 'ops-1')}`
    ],
    falsePositives: ['OP_SERVICE_ACCOUNT_TOKEN=ops_eyJ...']
  }),
  defineRule({
    id: '1password-secret-key',
    description: '1Password account Secret Key',
    severity: 'critical',
    regex: prefixed(
      'A3-[A-Z0-9]{6}-(?:[A-Z0-9]{11}|[A-Z0-9]{6}-[A-Z0-9]{5})-[A-Z0-9]{5}-[A-Z0-9]{5}-[A-Z0-9]{5}'
    ),
    keywords: ['a3-'],
    entropy: 3.8,
    prefixLength: 3,
    rotation:
      'Regenerate the Secret Key in 1Password (Profile > Regenerate Secret Key) and change the account password.',
    docs: 'https://support.1password.com/secret-key/',
    truePositives: [
      `secret_key: A3-${fake(UPPER_ALNUM, 6, 'a3-1')}-${fake(UPPER_ALNUM, 11, 'a3-2')}-${fake(UPPER_ALNUM, 5, 'a3-3')}-${fake(UPPER_ALNUM, 5, 'a3-4')}-${fake(UPPER_ALNUM, 5, 'a3-5')}`
    ],
    falsePositives: ['secret_key: A3-XXXXXX-XXXXXXXXXXX-XXXXX-XXXXX-XXXXX']
  }),
  defineRule({
    id: 'openshift-user-token',
    description: 'OpenShift user / service-account OAuth token',
    severity: 'high',
    regex: prefixed(String.raw`sha256~[\w-]{43}`),
    keywords: ['sha256~'],
    entropy: 3.5,
    prefixLength: 7,
    rotation:
      'Delete the OAuth access token (`oc delete oauthaccesstoken <name>` or the console user token page) and log in again.',
    docs: 'https://docs.openshift.com/container-platform/latest/authentication/managing-oauth-access-tokens.html',
    truePositives: [
      `oc login --token=sha256~${fake(BASE64URL, 43, 'ocp-1')} --server=https://api.ocp.acme.dev:6443`
    ],
    falsePositives: [`--token=sha256~${'x'.repeat(43)}`]
  }),
  defineRule({
    id: 'infracost-api-token',
    description: 'Infracost API key',
    severity: 'medium',
    regex: prefixed('ico-[a-zA-Z0-9]{32}'),
    keywords: ['ico-'],
    entropy: 3,
    prefixLength: 4,
    rotation: 'Rotate the API key in Infracost Cloud (Org settings > API keys).',
    docs: 'https://www.infracost.io/docs/',
    truePositives: [`INFRACOST_API_KEY=ico-${fake(ALNUM, 32, 'ico-1')}`],
    falsePositives: [`INFRACOST_API_KEY=ico-${'x'.repeat(32)}`]
  }),
  defineRule({
    id: 'render-api-key',
    description: 'Render API key',
    severity: 'high',
    regex: prefixed('rnd_[a-zA-Z0-9]{32}'),
    keywords: ['rnd_'],
    entropy: 3.5,
    prefixLength: 4,
    rotation:
      'Revoke the key in the Render dashboard (Account settings > API keys) and create a new one.',
    docs: 'https://render.com/docs/api#1-create-an-api-key',
    truePositives: [`RENDER_API_KEY=rnd_${fake(ALNUM, 32, 'rnd-1')}`],
    falsePositives: [`RENDER_API_KEY=rnd_${'x'.repeat(32)}`]
  }),
  defineRule({
    id: 'linode-api-token',
    description: 'Linode (Akamai Cloud) personal access token',
    severity: 'high',
    regex: keyed('linode', '[a-f0-9]{64}'),
    keywords: ['linode'],
    entropy: 3,
    rotation: 'Revoke the token in Cloud Manager (Profile > API Tokens) and create a new one.',
    docs: 'https://techdocs.akamai.com/linode-api/reference/get-started',
    truePositives: [`LINODE_TOKEN=${fake(HEX, 64, 'linode-1')}`],
    falsePositives: [`LINODE_TOKEN=${'0'.repeat(64)}`]
  }),
  defineRule({
    id: 'hetzner-cloud-api-token',
    description: 'Hetzner Cloud API token',
    severity: 'high',
    regex: keyed('hcloud|hetzner', '[a-zA-Z0-9]{64}'),
    keywords: ['hcloud', 'hetzner'],
    entropy: 4,
    rotation:
      'Delete the token in the Hetzner Cloud Console (project > Security > API tokens) and generate a new one.',
    docs: 'https://docs.hetzner.cloud/#authentication',
    truePositives: [`HCLOUD_TOKEN=${fake(ALNUM, 64, 'hcloud-1')}`],
    falsePositives: [`HCLOUD_TOKEN=${'ab'.repeat(32)}`]
  }),
  defineRule({
    id: 'harness-api-key',
    description: 'Harness personal access / service account token',
    severity: 'high',
    regex: prefixed(String.raw`(?:pat|sat)\.[a-zA-Z0-9_-]{22}\.[a-zA-Z0-9]{24}\.[a-zA-Z0-9]{20}`),
    keywords: ['pat.', 'sat.'],
    entropy: 3.5,
    prefixLength: 4,
    rotation:
      'Delete the token in Harness (My profile > API keys, or the service account page) and create a new one.',
    docs: 'https://developer.harness.io/docs/platform/automation/api/add-and-manage-api-keys/',
    truePositives: [
      `HARNESS_API_KEY=pat.${fake(BASE64URL, 22, 'harness-1')}.${fake(ALNUM, 24, 'harness-2')}.${fake(ALNUM, 20, 'harness-3')}`
    ],
    falsePositives: [`HARNESS_API_KEY=pat.${'x'.repeat(22)}.${'x'.repeat(24)}.${'x'.repeat(20)}`]
  }),
  defineRule({
    id: 'clickhouse-cloud-api-secret-key',
    description: 'ClickHouse Cloud API secret key',
    severity: 'high',
    regex: prefixed('4b1d[A-Za-z0-9]{38}'),
    keywords: ['4b1d'],
    entropy: 3,
    prefixLength: 4,
    rotation:
      'Delete the API key in ClickHouse Cloud (Organization > API keys) and create a new one.',
    docs: 'https://clickhouse.com/docs/cloud/manage/openapi',
    truePositives: [`CLICKHOUSE_KEY_SECRET=4b1d${fake(ALNUM, 38, 'ch-1')}`],
    falsePositives: [`CLICKHOUSE_KEY_SECRET=4b1d${'0'.repeat(38)}`]
  })
]
