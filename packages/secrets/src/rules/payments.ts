import {defineRule} from '../rule'
import {keyed, prefixed} from './patterns'
import {ALNUM, BASE64URL, HEX, LOWER_ALNUM, fake, fakeUuid} from './synthetic'

export const paymentRules = [
  defineRule({
    id: 'stripe-access-token',
    description: 'Stripe live secret or restricted API key',
    severity: 'critical',
    regex: prefixed('(?:sk|rk)_(?:live|prod)_[a-zA-Z0-9]{10,99}'),
    keywords: ['sk_live', 'sk_prod', 'rk_live', 'rk_prod'],
    entropy: 3,
    prefixLength: 8,
    rotation:
      'Roll the key at https://dashboard.stripe.com/apikeys (Roll key, with an expiry for the old one) and check the request logs for misuse.',
    docs: 'https://docs.stripe.com/keys',
    truePositives: [
      `STRIPE_SECRET_KEY=sk_live_51${fake(ALNUM, 97, 'stripe-1')}`,
      `stripe.api_key = "rk_live_${fake(ALNUM, 24, 'stripe-2')}"`
    ],
    falsePositives: [
      'STRIPE_SECRET_KEY=sk_live_xxxxxxxxxxxxxxxxxxxxxxxx',
      'STRIPE_SECRET_KEY=sk_live_...'
    ]
  }),
  defineRule({
    id: 'stripe-test-access-token',
    description: 'Stripe test-mode secret or restricted API key',
    severity: 'low',
    regex: prefixed('(?:sk|rk)_test_[a-zA-Z0-9]{10,99}'),
    keywords: ['sk_test', 'rk_test'],
    entropy: 3,
    prefixLength: 8,
    rotation:
      'Test keys cannot move money but can read and change test data; roll it at https://dashboard.stripe.com/test/apikeys.',
    docs: 'https://docs.stripe.com/keys',
    truePositives: [`STRIPE_SECRET_KEY=sk_test_51${fake(ALNUM, 97, 'stripe-3')}`],
    falsePositives: ['STRIPE_SECRET_KEY=sk_test_xxxxxxxxxxxxxxxxxxxxxxxx']
  }),
  defineRule({
    id: 'stripe-webhook-secret',
    description: 'Stripe webhook signing secret',
    severity: 'high',
    regex: prefixed('whsec_[a-zA-Z0-9]{32,64}'),
    keywords: ['whsec_'],
    entropy: 3.5,
    prefixLength: 6,
    rotation:
      'Roll the signing secret of the endpoint at https://dashboard.stripe.com/webhooks (endpoint > Roll secret).',
    docs: 'https://docs.stripe.com/webhooks#verify-events',
    truePositives: [`STRIPE_WEBHOOK_SECRET=whsec_${fake(ALNUM, 32, 'whsec-1')}`],
    falsePositives: [
      'STRIPE_WEBHOOK_SECRET=whsec_...',
      `STRIPE_WEBHOOK_SECRET=whsec_${'1234'.repeat(8)}`
    ]
  }),
  defineRule({
    id: 'square-access-token',
    description: 'Square access token',
    severity: 'high',
    regex: prefixed(String.raw`(?:EAAA|sq0atp-)[\w-]{22,60}`),
    keywords: ['eaaa', 'sq0atp-'],
    entropy: 3.5,
    prefixLength: 4,
    rotation:
      'Revoke the token in the Square Developer Console (application > Credentials / OAuth > Revoke) and issue a new one.',
    docs: 'https://developer.squareup.com/docs/build-basics/access-tokens',
    truePositives: [
      `SQUARE_ACCESS_TOKEN=EAAA${fake(BASE64URL, 60, 'sq-1')}`,
      `square_token: sq0atp-${fake(BASE64URL, 22, 'sq-2')}`
    ],
    falsePositives: [
      `SQUARE_ACCESS_TOKEN=EAAA${'A'.repeat(60)}`,
      'SQUARE_ACCESS_TOKEN=EAAA-your-token-here'
    ]
  }),
  defineRule({
    id: 'square-secret',
    description: 'Square OAuth application secret',
    severity: 'high',
    regex: prefixed(String.raw`sq0csp-[\w-]{43}`),
    keywords: ['sq0csp-'],
    entropy: 3.5,
    prefixLength: 7,
    rotation:
      'Replace the application secret in the Square Developer Console (application > OAuth > Replace secret).',
    docs: 'https://developer.squareup.com/docs/oauth-api/overview',
    truePositives: [`SQUARE_APP_SECRET=sq0csp-${fake(BASE64URL, 43, 'sqcsp-1')}`],
    falsePositives: [`SQUARE_APP_SECRET=sq0csp-${'x'.repeat(43)}`]
  }),
  defineRule({
    id: 'braintree-access-token',
    description: 'PayPal Braintree access token',
    severity: 'critical',
    regex: prefixed(String.raw`access_token\$(?:production|sandbox)\$[0-9a-z]{16}\$[0-9a-f]{32}`),
    keywords: ['access_token$'],
    entropy: 3,
    prefixLength: 24,
    rotation:
      'Revoke the access token in the Braintree Control Panel (Settings > API > API keys / OAuth connections) and issue a new one.',
    docs: 'https://developer.paypal.com/braintree/articles/control-panel/important-gateway-credentials',
    truePositives: [
      `BRAINTREE_ACCESS_TOKEN=access_token$production$${fake(LOWER_ALNUM, 16, 'bt-1')}$${fake(HEX, 32, 'bt-2')}`
    ],
    falsePositives: ['BRAINTREE_ACCESS_TOKEN=access_token$production$<merchant_id>$<secret>']
  }),
  defineRule({
    id: 'paypal-client-secret',
    description: 'PayPal REST API client secret',
    severity: 'high',
    regex: keyed(String.raw`paypal[\w.-]{0,20}?secret`, '[A-Za-z0-9_-]{80}'),
    keywords: ['paypal'],
    entropy: 4,
    rotation:
      'Generate a new secret and disable the old one for the app at https://developer.paypal.com/dashboard/applications.',
    docs: 'https://developer.paypal.com/api/rest/',
    truePositives: [`PAYPAL_CLIENT_SECRET=E${fake(BASE64URL, 79, 'paypal-1')}`],
    falsePositives: [`PAYPAL_CLIENT_SECRET=${'E'.repeat(80)}`]
  }),
  defineRule({
    id: 'flutterwave-secret-key',
    description: 'Flutterwave secret key',
    severity: 'high',
    regex: prefixed('FLWSECK(?:_TEST)?-[a-h0-9]{32}-X', 'i'),
    keywords: ['flwseck'],
    entropy: 3,
    prefixLength: 8,
    rotation: 'Regenerate the API keys in the Flutterwave dashboard (Settings > API keys).',
    docs: 'https://developer.flutterwave.com/docs/integration-guides/authentication',
    truePositives: [`FLW_SECRET_KEY=FLWSECK_TEST-${fake(HEX, 32, 'flw-1')}-X`],
    falsePositives: [`FLW_SECRET_KEY=FLWSECK_TEST-${'0'.repeat(32)}-X`]
  }),
  defineRule({
    id: 'flutterwave-encryption-key',
    description: 'Flutterwave encryption key',
    severity: 'medium',
    regex: prefixed('FLWSECK(?:_TEST)?[a-h0-9]{12}', 'i'),
    keywords: ['flwseck'],
    entropy: 3,
    prefixLength: 7,
    rotation:
      'Regenerate the API keys (which resets the encryption key) in the Flutterwave dashboard (Settings > API keys).',
    docs: 'https://developer.flutterwave.com/docs/integration-guides/authentication',
    truePositives: [`FLW_ENCRYPTION_KEY=FLWSECK_TEST${fake(HEX, 12, 'flwenc-1')}`],
    falsePositives: [`FLW_ENCRYPTION_KEY=FLWSECK_TEST${'0'.repeat(12)}`]
  }),
  defineRule({
    id: 'gocardless-api-token',
    description: 'GoCardless access token',
    severity: 'high',
    regex: keyed(String.raw`gocardless`, '(?:live|sandbox)_[a-z0-9_=-]{40}'),
    keywords: ['gocardless'],
    entropy: 3.5,
    rotation:
      'Revoke the access token in the GoCardless dashboard (Developers > Access tokens) and create a new one.',
    docs: 'https://developer.gocardless.com/getting-started/api/making-your-first-request/',
    truePositives: [`GOCARDLESS_ACCESS_TOKEN=live_${fake(BASE64URL, 40, 'gc-1')}`],
    falsePositives: [`GOCARDLESS_ACCESS_TOKEN=live_${'x'.repeat(40)}`]
  }),
  defineRule({
    id: 'shippo-api-token',
    description: 'Shippo API token',
    severity: 'high',
    regex: prefixed('shippo_(?:live|test)_[a-fA-F0-9]{40}'),
    keywords: ['shippo_'],
    entropy: 3,
    prefixLength: 12,
    rotation: 'Regenerate the token in the Shippo dashboard (Settings > API).',
    docs: 'https://docs.goshippo.com/docs/guides_general/authentication/',
    truePositives: [`SHIPPO_TOKEN=shippo_live_${fake(HEX, 40, 'shippo-1')}`],
    falsePositives: [`SHIPPO_TOKEN=shippo_live_${'0'.repeat(40)}`]
  }),
  defineRule({
    id: 'plaid-api-token',
    description: 'Plaid access token',
    severity: 'high',
    regex: prefixed(
      'access-(?:sandbox|development|production)-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}'
    ),
    keywords: ['access-sandbox-', 'access-development-', 'access-production-'],
    entropy: 3,
    prefixLength: 18,
    rotation:
      'Call /item/remove (or rotate with /item/access_token/invalidate) for the Item and re-link it.',
    docs: 'https://plaid.com/docs/api/items/',
    truePositives: [`PLAID_ACCESS_TOKEN=access-production-${fakeUuid('plaid-1')}`],
    falsePositives: ['PLAID_ACCESS_TOKEN=access-production-00000000-0000-0000-0000-000000000000']
  }),
  defineRule({
    id: 'plaid-secret-key',
    description: 'Plaid API secret',
    severity: 'high',
    regex: keyed(String.raw`plaid[\w.-]{0,20}?secret`, '[a-z0-9]{30}'),
    keywords: ['plaid'],
    entropy: 3.5,
    rotation: 'Rotate the secret at https://dashboard.plaid.com/developers/keys.',
    docs: 'https://plaid.com/docs/account/security/',
    truePositives: [`PLAID_SECRET=${fake(HEX, 30, 'plaid-2')}`],
    falsePositives: ['PLAID_SECRET=your_plaid_secret_here_please_x']
  }),
  defineRule({
    id: 'plaid-client-id',
    description: 'Plaid client ID',
    severity: 'low',
    regex: keyed(String.raw`plaid[\w.-]{0,20}?client[_-]?id`, '[a-f0-9]{24}'),
    keywords: ['plaid'],
    entropy: 3,
    rotation:
      'The client ID is not secret by itself; rotate the matching Plaid secret at https://dashboard.plaid.com/developers/keys if it was committed alongside.',
    docs: 'https://plaid.com/docs/account/security/',
    truePositives: [`PLAID_CLIENT_ID=${fake(HEX, 24, 'plaid-3')}`],
    falsePositives: [`PLAID_CLIENT_ID=${'0'.repeat(24)}`]
  }),
  defineRule({
    id: 'easypost-api-token',
    description: 'EasyPost production API key',
    severity: 'high',
    regex: prefixed('EZAK[a-zA-Z0-9]{54}'),
    keywords: ['ezak'],
    entropy: 3.5,
    prefixLength: 4,
    rotation: 'Disable the key and create a new one at https://www.easypost.com/account/api-keys.',
    docs: 'https://docs.easypost.com/docs/authentication',
    truePositives: [`EASYPOST_API_KEY=EZAK${fake(ALNUM, 54, 'ezak-1')}`],
    falsePositives: [`EASYPOST_API_KEY=EZAK${'0'.repeat(54)}`]
  }),
  defineRule({
    id: 'easypost-test-api-token',
    description: 'EasyPost test API key',
    severity: 'low',
    regex: prefixed('EZTK[a-zA-Z0-9]{54}'),
    keywords: ['eztk'],
    entropy: 3.5,
    prefixLength: 4,
    rotation:
      'Disable the test key and create a new one at https://www.easypost.com/account/api-keys.',
    docs: 'https://docs.easypost.com/docs/authentication',
    truePositives: [`EASYPOST_TEST_KEY=EZTK${fake(ALNUM, 54, 'eztk-1')}`],
    falsePositives: [`EASYPOST_TEST_KEY=EZTK${'0'.repeat(54)}`]
  }),
  defineRule({
    id: 'duffel-api-token',
    description: 'Duffel API token',
    severity: 'high',
    regex: prefixed('duffel_(?:test|live)_[a-zA-Z0-9_=-]{43}'),
    keywords: ['duffel_'],
    entropy: 3.5,
    prefixLength: 12,
    rotation:
      'Revoke the token in the Duffel dashboard (Developers > Access tokens) and create a new one.',
    docs: 'https://duffel.com/docs/api/overview/authentication',
    truePositives: [`DUFFEL_TOKEN=duffel_live_${fake(BASE64URL, 43, 'duffel-1')}`],
    falsePositives: [`DUFFEL_TOKEN=duffel_live_${'x'.repeat(43)}`]
  }),
  defineRule({
    id: 'lob-api-key',
    description: 'Lob secret API key',
    severity: 'high',
    regex: keyed('lob[_-]', '(?:live|test)_[a-f0-9]{35}'),
    keywords: ['lob_', 'lob-'],
    entropy: 3,
    rotation: 'Roll the key in the Lob dashboard (Settings > API keys).',
    docs: 'https://docs.lob.com/#section/Authentication',
    truePositives: [`LOB_API_KEY=live_${fake(HEX, 35, 'lob-1')}`],
    falsePositives: [`LOB_API_KEY=live_${'0'.repeat(35)}`]
  }),
  defineRule({
    id: 'lob-pub-api-key',
    description: 'Lob publishable API key',
    severity: 'low',
    regex: keyed('lob[_-]', '(?:test|live)_pub_[a-f0-9]{31}'),
    keywords: ['lob_', 'lob-'],
    entropy: 3,
    rotation: 'Roll the publishable key in the Lob dashboard (Settings > API keys).',
    docs: 'https://docs.lob.com/#section/Authentication',
    truePositives: [`LOB_PUBLISHABLE_KEY=live_pub_${fake(HEX, 31, 'lobpub-1')}`],
    falsePositives: [`LOB_PUBLISHABLE_KEY=live_pub_${'0'.repeat(31)}`]
  }),
  defineRule({
    id: 'finicity-client-secret',
    description: 'Finicity partner secret',
    severity: 'high',
    regex: keyed(String.raw`finicity[\w.-]{0,20}?secret`, '[a-z0-9]{20}'),
    keywords: ['finicity'],
    entropy: 3.5,
    rotation:
      'Reset the partner secret in the Finicity (Mastercard Open Banking) developer dashboard.',
    docs: 'https://developer.mastercard.com/open-banking-us/documentation/',
    truePositives: [`FINICITY_PARTNER_SECRET=${fake(ALNUM, 20, 'finicity-1')}`],
    falsePositives: ['FINICITY_PARTNER_SECRET=changeme_changeme_x']
  }),
  defineRule({
    id: 'finicity-api-token',
    description: 'Finicity app key',
    severity: 'high',
    regex: keyed(String.raw`finicity[\w.-]{0,20}?(?:app[_-]?)?(?:key|token)`, '[a-f0-9]{32}'),
    keywords: ['finicity'],
    entropy: 3,
    rotation:
      'Regenerate the app key in the Finicity (Mastercard Open Banking) developer dashboard.',
    docs: 'https://developer.mastercard.com/open-banking-us/documentation/',
    truePositives: [`FINICITY_APP_KEY=${fake(HEX, 32, 'finicity-2')}`],
    falsePositives: [`FINICITY_APP_KEY=${'0'.repeat(32)}`]
  })
]
