import {defineRule} from '../rule'
import {END, START, keyed, prefixed} from './patterns'
import {ALNUM, DIGITS, HEX, LOWER_ALNUM, fake} from './synthetic'

const TWITTER_ROTATE =
  'Regenerate the keys and tokens of the app in the X / Twitter developer portal (Projects & Apps > app > Keys and tokens > Regenerate).'
const TWITTER_DOCS = 'https://developer.x.com/en/docs/authentication/oauth-1-0a/api-key-and-secret'

export const socialRules = [
  defineRule({
    id: 'twitter-bearer-token',
    description: 'X / Twitter app bearer token',
    severity: 'high',
    // The 22 leading A's are a fixed, public header; the secret is what follows.
    regex: new RegExp(String.raw`${START}A{22}([a-zA-Z0-9%]{80,100})${END}`),
    keywords: ['aaaaaaaaaaaaaaaaaaaaaa'],
    entropy: 3.5,
    rotation: TWITTER_ROTATE,
    docs: 'https://developer.x.com/en/docs/authentication/oauth-2-0/bearer-tokens',
    truePositives: [
      `TWITTER_BEARER_TOKEN=${'A'.repeat(22)}${fake(ALNUM, 30, 'tw-1')}%3D${fake(ALNUM, 60, 'tw-2')}`
    ],
    falsePositives: [`TWITTER_BEARER_TOKEN=${'A'.repeat(112)}`]
  }),
  defineRule({
    id: 'twitter-access-token',
    description: 'X / Twitter user access token',
    severity: 'high',
    regex: keyed('twitter', '[0-9]{15,25}-[a-zA-Z0-9]{20,40}'),
    keywords: ['twitter'],
    entropy: 3.5,
    rotation: TWITTER_ROTATE,
    docs: TWITTER_DOCS,
    truePositives: [
      `TWITTER_ACCESS_TOKEN=${fake(DIGITS, 19, 'twat-1')}-${fake(ALNUM, 31, 'twat-2')}`
    ],
    falsePositives: [`TWITTER_ACCESS_TOKEN=${'1'.repeat(19)}-${'x'.repeat(31)}`]
  }),
  defineRule({
    id: 'twitter-access-secret',
    description: 'X / Twitter user access token secret',
    severity: 'high',
    regex: keyed(
      String.raw`twitter[\w.-]{0,20}?(?:access[_-]?)?(?:token[_-]?)?secret`,
      '[a-z0-9]{45}'
    ),
    keywords: ['twitter'],
    entropy: 4,
    rotation: TWITTER_ROTATE,
    docs: TWITTER_DOCS,
    truePositives: [`TWITTER_ACCESS_TOKEN_SECRET=${fake(ALNUM, 45, 'twas-1')}`],
    falsePositives: [`TWITTER_ACCESS_TOKEN_SECRET=${'ab'.repeat(22)}c`]
  }),
  defineRule({
    id: 'twitter-api-key',
    description: 'X / Twitter API (consumer) key',
    severity: 'medium',
    regex: keyed(String.raw`twitter[\w.-]{0,20}?(?:api|consumer)[_-]?key`, '[a-z0-9]{25}'),
    keywords: ['twitter'],
    entropy: 3.5,
    rotation: TWITTER_ROTATE,
    docs: TWITTER_DOCS,
    truePositives: [`TWITTER_API_KEY=${fake(ALNUM, 25, 'twk-1')}`],
    falsePositives: [`TWITTER_API_KEY=${'a'.repeat(25)}`]
  }),
  defineRule({
    id: 'twitter-api-secret',
    description: 'X / Twitter API (consumer) secret',
    severity: 'high',
    regex: keyed(String.raw`twitter[\w.-]{0,20}?(?:api|consumer)[_-]?secret`, '[a-z0-9]{50}'),
    keywords: ['twitter'],
    entropy: 4,
    rotation: TWITTER_ROTATE,
    docs: TWITTER_DOCS,
    truePositives: [`TWITTER_API_SECRET=${fake(ALNUM, 50, 'tws-1')}`],
    falsePositives: [`TWITTER_API_SECRET=${'a'.repeat(50)}`]
  }),
  defineRule({
    id: 'facebook-page-access-token',
    description: 'Facebook / Meta access token (EAA...)',
    severity: 'high',
    regex: prefixed('EAA[MC][a-zA-Z0-9]{100,}'),
    keywords: ['eaam', 'eaac'],
    entropy: 4,
    prefixLength: 4,
    rotation:
      'Invalidate the token by resetting the app secret or removing the app authorization in Meta for Developers (App settings > Basic > Reset), then request a new token.',
    docs: 'https://developers.facebook.com/docs/facebook-login/guides/access-tokens',
    truePositives: [`FB_PAGE_TOKEN=EAAC${fake(ALNUM, 180, 'fbpage-1')}`],
    falsePositives: [`FB_PAGE_TOKEN=EAAC${'A'.repeat(180)}`]
  }),
  defineRule({
    id: 'facebook-secret',
    description: 'Facebook / Meta app secret',
    severity: 'high',
    regex: keyed(String.raw`facebook[\w.-]{0,20}?secret|fb[_-]app[_-]secret`, '[a-f0-9]{32}'),
    keywords: ['facebook', 'fb_app_secret', 'fb-app-secret'],
    entropy: 3,
    rotation:
      'Reset the app secret in Meta for Developers (App settings > Basic > App secret > Reset).',
    docs: 'https://developers.facebook.com/docs/facebook-login/security/#appsecret',
    truePositives: [`FACEBOOK_APP_SECRET=${fake(HEX, 32, 'fbsec-1')}`],
    falsePositives: [`FACEBOOK_APP_SECRET=${'0'.repeat(32)}`]
  }),
  defineRule({
    id: 'facebook-access-token',
    description: 'Facebook app access token (app-id|app-secret)',
    severity: 'high',
    regex: prefixed(String.raw`[0-9]{15,16}(?:\||%7C)[0-9a-zA-Z_-]{27,40}`),
    keywords: ['facebook', 'fb_', 'fb-', 'graph.', 'access_token'],
    entropy: 3.5,
    rotation:
      'Reset the app secret in Meta for Developers (App settings > Basic > App secret > Reset); app tokens are derived from it.',
    docs: 'https://developers.facebook.com/docs/facebook-login/guides/access-tokens#apptokens',
    truePositives: [
      `FACEBOOK_APP_TOKEN=${fake(DIGITS, 15, 'fbat-1')}|${fake(ALNUM, 27, 'fbat-2')}`
    ],
    falsePositives: [`row = ${'1'.repeat(15)}|${'x'.repeat(27)}`]
  }),
  defineRule({
    id: 'twitch-api-token',
    description: 'Twitch client secret / OAuth token',
    severity: 'high',
    regex: keyed('twitch', '[a-z0-9]{30}'),
    keywords: ['twitch'],
    entropy: 3.5,
    rotation:
      'Generate a new client secret at https://dev.twitch.tv/console/apps (app > Manage > New Secret) and revoke user tokens with the /oauth2/revoke endpoint.',
    docs: 'https://dev.twitch.tv/docs/authentication/',
    truePositives: [`TWITCH_CLIENT_SECRET=${fake(LOWER_ALNUM, 30, 'twitch-1')}`],
    falsePositives: [`TWITCH_CLIENT_SECRET=${'a'.repeat(30)}`]
  }),
  defineRule({
    id: 'linkedin-client-secret',
    description: 'LinkedIn app client secret',
    severity: 'high',
    regex: keyed(String.raw`linked[_-]?in[\w.-]{0,20}?secret`, '[a-z0-9]{16}'),
    keywords: ['linkedin', 'linked_in', 'linked-in'],
    entropy: 3.3,
    rotation:
      'Generate a new client secret in the LinkedIn developer portal (My apps > app > Auth > Generate a new Client Secret).',
    docs: 'https://learn.microsoft.com/linkedin/shared/authentication/authentication',
    truePositives: [`LINKEDIN_CLIENT_SECRET=${fake(ALNUM, 16, 'li-1')}`],
    falsePositives: [`LINKEDIN_CLIENT_SECRET=${'a'.repeat(16)}`]
  }),
  defineRule({
    id: 'etsy-access-token',
    description: 'Etsy API key',
    severity: 'medium',
    regex: keyed('etsy', '[a-z0-9]{24}'),
    keywords: ['etsy'],
    entropy: 3.5,
    rotation:
      'Regenerate the keystring / shared secret at https://www.etsy.com/developers/your-apps.',
    docs: 'https://developers.etsy.com/documentation/essentials/authentication',
    truePositives: [`ETSY_API_KEY=${fake(LOWER_ALNUM, 24, 'etsy-1')}`],
    falsePositives: [`ETSY_API_KEY=${'a'.repeat(24)}`]
  }),
  defineRule({
    id: 'flickr-access-token',
    description: 'Flickr API key',
    severity: 'low',
    regex: keyed('flickr', '[a-z0-9]{32}'),
    keywords: ['flickr'],
    entropy: 3,
    rotation: 'Delete the key at https://www.flickr.com/services/apps/by/me and request a new one.',
    docs: 'https://www.flickr.com/services/api/misc.api_keys.html',
    truePositives: [`FLICKR_API_KEY=${fake(HEX, 32, 'flickr-1')}`],
    falsePositives: [`FLICKR_API_KEY=${'0'.repeat(32)}`]
  })
]
