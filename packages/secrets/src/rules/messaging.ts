import {defineRule} from '../rule'
import {END, START, UUID, keyed, prefixed} from './patterns'
import {ALNUM, BASE64URL, DIGITS, HEX, LOWER_ALNUM, UPPER_ALNUM, fake, fakeUuid} from './synthetic'

const SLACK_REVOKE =
  'Revoke it with the auth.revoke API or in the app settings at https://api.slack.com/apps (OAuth & Permissions > Revoke / Rotate), then reinstall the app to get a new token.'
const slackId = (seed: string) => fake(DIGITS.slice(1), 1, seed) + fake(DIGITS, 11, seed + '-n')

export const messagingRules = [
  defineRule({
    id: 'slack-bot-token',
    description: 'Slack bot token',
    severity: 'high',
    regex: prefixed('xoxb-[0-9]{10,13}-[0-9]{10,13}-[a-zA-Z0-9]{20,32}'),
    keywords: ['xoxb-'],
    entropy: 3,
    prefixLength: 5,
    rotation: SLACK_REVOKE,
    docs: 'https://api.slack.com/concepts/token-types',
    truePositives: [
      `SLACK_BOT_TOKEN=xoxb-${slackId('xoxb-1')}-${slackId('xoxb-2')}-${fake(ALNUM, 24, 'xoxb-3')}`
    ],
    falsePositives: [
      'SLACK_BOT_TOKEN=xoxb-000000000000-000000000000-xxxxxxxxxxxxxxxxxxxxxxxx',
      'SLACK_BOT_TOKEN=xoxb-your-bot-token'
    ]
  }),
  defineRule({
    id: 'slack-legacy-bot-token',
    description: 'Slack legacy bot token',
    severity: 'high',
    regex: prefixed('xoxb-[0-9]{8,14}-[a-zA-Z0-9]{18,26}'),
    keywords: ['xoxb-'],
    entropy: 3,
    prefixLength: 5,
    rotation: SLACK_REVOKE,
    docs: 'https://api.slack.com/legacy/custom-integrations/legacy-tokens',
    truePositives: [`token: xoxb-${fake(DIGITS, 11, 'xoxbl-1')}-${fake(ALNUM, 24, 'xoxbl-2')}`],
    falsePositives: [`token: xoxb-${fake(DIGITS, 11, 'xoxbl-3')}-${'x'.repeat(24)}`]
  }),
  defineRule({
    id: 'slack-user-token',
    description: 'Slack user (xoxp) or refresh-enabled (xoxe) token',
    severity: 'high',
    regex: prefixed('xox[pe](?:-[0-9]{10,13}){3}-[a-zA-Z0-9-]{28,34}'),
    keywords: ['xoxp-', 'xoxe-'],
    entropy: 3,
    prefixLength: 5,
    rotation: SLACK_REVOKE,
    docs: 'https://api.slack.com/concepts/token-types',
    truePositives: [
      `SLACK_USER_TOKEN=xoxp-${slackId('xoxp-1')}-${slackId('xoxp-2')}-${slackId('xoxp-3')}-${fake(HEX, 32, 'xoxp-4')}`
    ],
    falsePositives: [
      'SLACK_USER_TOKEN=xoxp-0000000000-0000000000-0000000000-00000000000000000000000000000000'
    ]
  }),
  defineRule({
    id: 'slack-app-token',
    description: 'Slack app-level token',
    severity: 'high',
    regex: prefixed(String.raw`xapp-\d-[A-Z0-9]+-\d+-[a-z0-9]+`, 'i'),
    keywords: ['xapp-'],
    entropy: 3,
    prefixLength: 5,
    rotation:
      'Revoke the app-level token in the app settings at https://api.slack.com/apps (Basic Information > App-Level Tokens) and generate a new one.',
    docs: 'https://api.slack.com/concepts/token-types',
    truePositives: [
      `SLACK_APP_TOKEN=xapp-1-A${fake(UPPER_ALNUM, 10, 'xapp-1')}-${fake(DIGITS, 13, 'xapp-2')}-${fake(HEX, 64, 'xapp-3')}`
    ],
    falsePositives: ['SLACK_APP_TOKEN=xapp-1-A0000000000-0000000000000-0000000000000000']
  }),
  defineRule({
    id: 'slack-legacy-token',
    description: 'Slack legacy (xoxo / xoxs) token',
    severity: 'high',
    regex: prefixed(String.raw`xox[os]-\d+-\d+-\d+-[a-fA-F\d]+`),
    keywords: ['xoxo-', 'xoxs-'],
    entropy: 3,
    prefixLength: 5,
    rotation:
      'Revoke the legacy token at https://api.slack.com/legacy/custom-integrations/legacy-tokens and move to a Slack app token.',
    docs: 'https://api.slack.com/legacy/custom-integrations/legacy-tokens',
    truePositives: [
      `SLACK_TOKEN=xoxs-${fake(DIGITS, 10, 'xoxs-1')}-${fake(DIGITS, 11, 'xoxs-2')}-${fake(DIGITS, 12, 'xoxs-3')}-${fake(HEX, 64, 'xoxs-4')}`
    ],
    falsePositives: ['SLACK_TOKEN=xoxs-1-1-1-1']
  }),
  defineRule({
    id: 'slack-legacy-workspace-token',
    description: 'Slack legacy workspace (xoxa / xoxr) token',
    severity: 'high',
    regex: prefixed('xox[ar]-(?:[0-9]-)?[0-9a-zA-Z]{8,48}'),
    keywords: ['xoxa-', 'xoxr-'],
    entropy: 3,
    prefixLength: 5,
    rotation: SLACK_REVOKE,
    docs: 'https://api.slack.com/concepts/token-types',
    truePositives: [`SLACK_TOKEN=xoxa-2-${fake(ALNUM, 40, 'xoxa-1')}`],
    falsePositives: [`SLACK_TOKEN=xoxa-2-${'a'.repeat(40)}`]
  }),
  defineRule({
    id: 'slack-config-access-token',
    description: 'Slack app configuration access token',
    severity: 'high',
    regex: prefixed(String.raw`xoxe\.xox[bp]-\d-[A-Z0-9]{163,166}`, 'i'),
    keywords: ['xoxe.xoxb-', 'xoxe.xoxp-'],
    entropy: 3,
    prefixLength: 10,
    rotation:
      'Revoke the configuration token at https://api.slack.com/authentication/config-tokens (Your App Configuration Tokens > Revoke).',
    docs: 'https://api.slack.com/authentication/config-tokens',
    truePositives: [`SLACK_CONFIG_TOKEN=xoxe.xoxp-1-${fake(UPPER_ALNUM, 164, 'xoxe-c1')}`],
    falsePositives: [`SLACK_CONFIG_TOKEN=xoxe.xoxp-1-${'X'.repeat(164)}`]
  }),
  defineRule({
    id: 'slack-config-refresh-token',
    description: 'Slack app configuration refresh token',
    severity: 'high',
    regex: prefixed(String.raw`xoxe-\d-[A-Z0-9]{146}`, 'i'),
    keywords: ['xoxe-'],
    entropy: 3,
    prefixLength: 5,
    rotation:
      'Revoke the configuration token pair at https://api.slack.com/authentication/config-tokens and generate a new one.',
    docs: 'https://api.slack.com/authentication/config-tokens',
    truePositives: [`SLACK_CONFIG_REFRESH_TOKEN=xoxe-1-${fake(UPPER_ALNUM, 146, 'xoxe-r1')}`],
    falsePositives: [`SLACK_CONFIG_REFRESH_TOKEN=xoxe-1-${'A'.repeat(146)}`]
  }),
  defineRule({
    id: 'slack-webhook-url',
    description: 'Slack incoming webhook / workflow trigger URL',
    severity: 'medium',
    regex:
      /((?:https?:\/\/)?hooks\.slack\.com\/(?:services|workflows|triggers)\/[A-Za-z0-9+/]{43,56})/,
    keywords: ['hooks.slack.com'],
    entropy: 3.5,
    rotation:
      'Regenerate or remove the webhook in the Slack app settings (Incoming Webhooks) or delete the workflow trigger; anyone with the URL can post to the channel.',
    docs: 'https://api.slack.com/messaging/webhooks',
    truePositives: [
      `SLACK_WEBHOOK_URL=https://hooks.slack.com/services/T${fake(UPPER_ALNUM, 8, 'swh-1')}/B${fake(UPPER_ALNUM, 10, 'swh-2')}/${fake(ALNUM, 24, 'swh-3')}`
    ],
    falsePositives: [
      'SLACK_WEBHOOK_URL=https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX'
    ]
  }),
  defineRule({
    id: 'discord-bot-token',
    description: 'Discord bot token',
    severity: 'high',
    regex: keyed(
      String.raw`discord|bot[_-]?token`,
      String.raw`[MNO][A-Za-z0-9_-]{23,25}\.[A-Za-z0-9_-]{6}\.[A-Za-z0-9_-]{27,38}`
    ),
    keywords: ['discord', 'bot_token', 'bot-token', 'bottoken'],
    entropy: 4,
    rotation:
      'Reset the token at https://discord.com/developers/applications (application > Bot > Reset Token).',
    docs: 'https://discord.com/developers/docs/topics/oauth2#bots',
    truePositives: [
      `DISCORD_TOKEN=M${fake(BASE64URL, 25, 'dbot-1')}.${fake(BASE64URL, 6, 'dbot-2')}.${fake(BASE64URL, 38, 'dbot-3')}`
    ],
    falsePositives: [
      `DISCORD_TOKEN=M${'A'.repeat(25)}.AAAAAA.${'A'.repeat(38)}`,
      'DISCORD_TOKEN=your.bot.token'
    ]
  }),
  defineRule({
    id: 'discord-webhook-url',
    description: 'Discord webhook URL',
    severity: 'medium',
    regex:
      /(https:\/\/(?:ptb\.|canary\.)?discord(?:app)?\.com\/api\/webhooks\/\d{17,20}\/[\w-]{60,68})/,
    keywords: ['discord'],
    entropy: 3.5,
    rotation:
      'Delete the webhook in the channel settings (Integrations > Webhooks) and create a new one; anyone with the URL can post.',
    docs: 'https://discord.com/developers/docs/resources/webhook',
    truePositives: [
      `DISCORD_WEBHOOK=https://discord.com/api/webhooks/1${fake(DIGITS, 18, 'dwh-1')}/${fake(BASE64URL, 68, 'dwh-2')}`
    ],
    falsePositives: ['DISCORD_WEBHOOK=https://discord.com/api/webhooks/123456789012345678/<token>']
  }),
  defineRule({
    id: 'discord-client-secret',
    description: 'Discord OAuth2 client secret',
    severity: 'high',
    regex: keyed(String.raw`discord[\w.-]{0,20}?secret`, '[a-z0-9=_-]{32}'),
    keywords: ['discord'],
    entropy: 3.5,
    rotation:
      'Reset the client secret at https://discord.com/developers/applications (application > OAuth2 > Reset Secret).',
    docs: 'https://discord.com/developers/docs/topics/oauth2',
    truePositives: [`DISCORD_CLIENT_SECRET=${fake(BASE64URL, 32, 'dcs-1')}`],
    falsePositives: [`DISCORD_CLIENT_SECRET=${'x'.repeat(32)}`]
  }),
  defineRule({
    id: 'telegram-bot-api-token',
    description: 'Telegram bot token',
    severity: 'high',
    regex: new RegExp(
      String.raw`(?:${START}|(?<=/bot))([0-9]{5,16}:AA[A-Za-z0-9_-]{33})(?:${END}|(?=/))`
    ),
    keywords: [':aa'],
    entropy: 3.5,
    rotation: 'Revoke it with @BotFather (/revoke, choose the bot) and use the new token.',
    docs: 'https://core.telegram.org/bots/api#authorizing-your-bot',
    truePositives: [
      `TELEGRAM_BOT_TOKEN=${fake(DIGITS, 10, 'tg-1')}:AA${fake(BASE64URL, 33, 'tg-2')}`,
      `curl https://api.telegram.org/bot${fake(DIGITS, 10, 'tg-3')}:AA${fake(BASE64URL, 33, 'tg-4')}/getMe`
    ],
    falsePositives: [
      'TELEGRAM_BOT_TOKEN=123456789:AAxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
      'time 12:AA'
    ]
  }),
  defineRule({
    id: 'twilio-api-key',
    description: 'Twilio API key SID',
    severity: 'medium',
    regex: prefixed('SK[0-9a-fA-F]{32}'),
    keywords: ['sk'],
    entropy: 3,
    prefixLength: 2,
    rotation:
      'Delete the API key in the Twilio Console (Account > API keys & tokens) and create a new one.',
    docs: 'https://www.twilio.com/docs/iam/api-keys',
    truePositives: [`TWILIO_API_KEY=SK${fake(HEX, 32, 'twsk-1')}`],
    falsePositives: [`TWILIO_API_KEY=SK${'0'.repeat(32)}`, 'SKIP_INTEGRATION_TESTS=true']
  }),
  defineRule({
    id: 'twilio-auth-token',
    description: 'Twilio auth token / API key secret',
    severity: 'critical',
    regex: keyed(String.raw`twilio[\w.-]{0,20}?(?:token|secret)`, '[a-f0-9]{32}'),
    keywords: ['twilio'],
    entropy: 3,
    rotation:
      'Rotate the auth token in the Twilio Console (Account > API keys & tokens > Auth tokens > Request a secondary token, then promote it).',
    docs: 'https://www.twilio.com/docs/iam/access-tokens',
    truePositives: [`TWILIO_AUTH_TOKEN=${fake(HEX, 32, 'twat-1')}`],
    falsePositives: [`TWILIO_AUTH_TOKEN=${'0'.repeat(32)}`, 'TWILIO_AUTH_TOKEN=your_auth_token']
  }),
  defineRule({
    id: 'twilio-account-credentials',
    description: 'Twilio account SID with its auth token (AC...:token basic-auth pair)',
    severity: 'critical',
    regex: /\b(?:AC[a-f0-9]{32}):([a-f0-9]{32})\b/,
    keywords: ['twilio'],
    entropy: 3,
    rotation:
      'Rotate the auth token in the Twilio Console (Account > API keys & tokens > Auth tokens > Request a secondary token, then promote it).',
    docs: 'https://www.twilio.com/docs/iam/api/authtoken',
    truePositives: [
      `curl -u AC${fake(HEX, 32, 'twac-1')}:${fake(HEX, 32, 'twac-2')} https://api.twilio.com/2010-04-01/Accounts.json`
    ],
    falsePositives: [`# twilio account AC${fake(HEX, 32, 'twac-3')}:${'0'.repeat(32)}`]
  }),
  defineRule({
    id: 'sendgrid-api-token',
    description: 'Twilio SendGrid API key',
    severity: 'high',
    regex: prefixed(String.raw`SG\.[\w-]{22}\.[\w-]{43}`),
    keywords: ['sg.'],
    entropy: 3.5,
    prefixLength: 3,
    rotation:
      'Delete the key at https://app.sendgrid.com/settings/api_keys and create a new one with restricted access.',
    docs: 'https://www.twilio.com/docs/sendgrid/ui/account-and-settings/api-keys',
    truePositives: [
      `SENDGRID_API_KEY=SG.${fake(BASE64URL, 22, 'sg-1')}.${fake(BASE64URL, 43, 'sg-2')}`
    ],
    falsePositives: [
      `SENDGRID_API_KEY=SG.${'x'.repeat(22)}.${'x'.repeat(43)}`,
      'SENDGRID_API_KEY=SG.your-key'
    ]
  }),
  defineRule({
    id: 'mailgun-private-api-token',
    description: 'Mailgun private API key',
    severity: 'high',
    regex: keyed(
      String.raw`mailgun(?![\w.-]{0,20}?signing)`,
      'key-[a-f0-9]{32}|[a-f0-9]{32}-[a-f0-9]{8}-[a-f0-9]{8}'
    ),
    keywords: ['mailgun'],
    entropy: 3,
    rotation:
      'Delete the key in the Mailgun control panel (API Security / API keys) and create a new one.',
    docs: 'https://documentation.mailgun.com/docs/mailgun/user-manual/api-key-mgmt/',
    truePositives: [
      `MAILGUN_API_KEY=key-${fake(HEX, 32, 'mg-1')}`,
      `mailgun_api_key: "${fake(HEX, 32, 'mg-2')}-${fake(HEX, 8, 'mg-3')}-${fake(HEX, 8, 'mg-4')}"`
    ],
    falsePositives: [`MAILGUN_API_KEY=key-${'0'.repeat(32)}`]
  }),
  defineRule({
    id: 'mailgun-signing-key',
    description: 'Mailgun webhook signing key',
    severity: 'medium',
    regex: keyed(String.raw`mailgun[\w.-]{0,20}?signing`, '[a-h0-9]{32}-[a-h0-9]{8}-[a-h0-9]{8}'),
    keywords: ['mailgun'],
    entropy: 3,
    rotation:
      'Reset the HTTP webhook signing key in the Mailgun control panel (Sending > Webhooks).',
    docs: 'https://documentation.mailgun.com/docs/mailgun/user-manual/tracking-messages/#securing-webhooks',
    truePositives: [
      `MAILGUN_WEBHOOK_SIGNING_KEY=${fake(HEX, 32, 'mgs-1')}-${fake(HEX, 8, 'mgs-2')}-${fake(HEX, 8, 'mgs-3')}`
    ],
    falsePositives: [`MAILGUN_WEBHOOK_SIGNING_KEY=${'0'.repeat(32)}-00000000-00000000`]
  }),
  defineRule({
    id: 'mailchimp-api-key',
    description: 'Mailchimp API key',
    severity: 'high',
    regex: prefixed('[a-f0-9]{32}-us[0-9]{1,2}'),
    keywords: ['-us'],
    entropy: 3,
    rotation: 'Disable the key in Mailchimp (Profile > Extras > API keys) and create a new one.',
    docs: 'https://mailchimp.com/developer/marketing/guides/quick-start/',
    truePositives: [`MAILCHIMP_API_KEY=${fake(HEX, 32, 'mc-1')}-us21`],
    falsePositives: [`MAILCHIMP_API_KEY=${'0'.repeat(32)}-us21`, 'locale = "en-us"']
  }),
  defineRule({
    id: 'mandrill-api-key',
    description: 'Mailchimp Transactional (Mandrill) API key',
    severity: 'high',
    regex: keyed('mandrill', 'md-[A-Za-z0-9_-]{22}'),
    keywords: ['mandrill'],
    entropy: 3.5,
    rotation:
      'Delete the key in Mailchimp Transactional (Settings > SMTP & API Info) and create a new one.',
    docs: 'https://mailchimp.com/developer/transactional/guides/quick-start/',
    truePositives: [`MANDRILL_API_KEY=md-${fake(BASE64URL, 22, 'md-1')}`],
    falsePositives: [`MANDRILL_API_KEY=md-${'x'.repeat(22)}`]
  }),
  defineRule({
    id: 'sendinblue-api-token',
    description: 'Brevo (Sendinblue) API key',
    severity: 'high',
    regex: prefixed('xkeysib-[a-f0-9]{64}-[a-zA-Z0-9]{16}'),
    keywords: ['xkeysib-'],
    entropy: 3,
    prefixLength: 8,
    rotation: 'Delete the key in Brevo (SMTP & API > API keys) and generate a new one.',
    docs: 'https://developers.brevo.com/docs/getting-started',
    truePositives: [
      `BREVO_API_KEY=xkeysib-${fake(HEX, 64, 'brevo-1')}-${fake(ALNUM, 16, 'brevo-2')}`
    ],
    falsePositives: [`BREVO_API_KEY=xkeysib-${'0'.repeat(64)}-${'x'.repeat(16)}`]
  }),
  defineRule({
    id: 'sendinblue-smtp-key',
    description: 'Brevo (Sendinblue) SMTP key',
    severity: 'high',
    regex: prefixed('xsmtpsib-[a-f0-9]{64}-[a-zA-Z0-9]{16}'),
    keywords: ['xsmtpsib-'],
    entropy: 3,
    prefixLength: 9,
    rotation: 'Delete the SMTP key in Brevo (SMTP & API > SMTP) and generate a new one.',
    docs: 'https://developers.brevo.com/docs/smtp-integration',
    truePositives: [
      `SMTP_PASSWORD=xsmtpsib-${fake(HEX, 64, 'brevo-3')}-${fake(ALNUM, 16, 'brevo-4')}`
    ],
    falsePositives: [`SMTP_PASSWORD=xsmtpsib-${'0'.repeat(64)}-${'x'.repeat(16)}`]
  }),
  defineRule({
    id: 'postmark-server-token',
    description: 'Postmark server / account API token',
    severity: 'high',
    regex: keyed('postmark', UUID),
    keywords: ['postmark'],
    entropy: 3,
    rotation:
      'Reset the server API token in Postmark (Server > API Tokens > Reset) and update clients.',
    docs: 'https://postmarkapp.com/developer/api/overview#authentication',
    truePositives: [`POSTMARK_SERVER_TOKEN=${fakeUuid('postmark-1')}`],
    falsePositives: ['POSTMARK_SERVER_TOKEN=00000000-0000-0000-0000-000000000000']
  }),
  defineRule({
    id: 'microsoft-teams-webhook',
    description: 'Microsoft Teams incoming webhook URL',
    severity: 'medium',
    regex: new RegExp(
      String.raw`(https://[a-z0-9-]+\.webhook\.office\.com/webhookb2/${UUID}@${UUID}/IncomingWebhook/[a-z0-9]{32}/${UUID}(?:/[A-Za-z0-9_-]{20,80})?)`,
      'i'
    ),
    keywords: ['webhook.office.com'],
    entropy: 3.5,
    rotation:
      'Remove the Incoming Webhook connector from the channel (Connectors > Configured > Manage > Remove) and create a new one or move to Workflows.',
    docs: 'https://learn.microsoft.com/microsoftteams/platform/webhooks-and-connectors/how-to/add-incoming-webhook',
    truePositives: [
      `TEAMS_WEBHOOK=https://acme.webhook.office.com/webhookb2/${fakeUuid('msteams-1')}@${fakeUuid('msteams-2')}/IncomingWebhook/${fake(LOWER_ALNUM, 32, 'msteams-3')}/${fakeUuid('msteams-4')}`
    ],
    falsePositives: [
      'TEAMS_WEBHOOK=https://acme.webhook.office.com/webhookb2/<group-id>@<tenant-id>/IncomingWebhook/<id>/<owner>'
    ]
  }),
  defineRule({
    id: 'mattermost-access-token',
    description: 'Mattermost personal access token',
    severity: 'high',
    regex: keyed('mattermost', '[a-z0-9]{26}'),
    keywords: ['mattermost'],
    entropy: 3.5,
    rotation:
      'Revoke the token in Mattermost (Profile > Security > Personal Access Tokens, or System Console > Users) and create a new one.',
    docs: 'https://developers.mattermost.com/integrate/reference/personal-access-token/',
    truePositives: [`MATTERMOST_TOKEN=${fake(LOWER_ALNUM, 26, 'mm-1')}`],
    falsePositives: [`MATTERMOST_TOKEN=${'a'.repeat(26)}`]
  }),
  defineRule({
    id: 'messagebird-api-token',
    description: 'MessageBird (Bird) API access key',
    severity: 'high',
    regex: keyed('message[_-]?bird', '[a-z0-9]{25}'),
    keywords: ['messagebird', 'message_bird', 'message-bird'],
    entropy: 3.5,
    rotation:
      'Delete the access key in the MessageBird / Bird dashboard (Developers > API access) and create a new one.',
    docs: 'https://developers.messagebird.com/api/#authentication',
    truePositives: [`MESSAGEBIRD_API_KEY=${fake(ALNUM, 25, 'mb-1')}`],
    falsePositives: [`MESSAGEBIRD_API_KEY=${'x'.repeat(25)}`]
  }),
  defineRule({
    id: 'sendbird-access-token',
    description: 'Sendbird API token',
    severity: 'high',
    regex: keyed('sendbird', '[a-f0-9]{40}'),
    keywords: ['sendbird'],
    entropy: 3,
    rotation:
      'Revoke the API token in the Sendbird dashboard (Settings > Application > General > API tokens) and create a new one.',
    docs: 'https://sendbird.com/docs/chat/platform-api/v3/prepare-to-use-api',
    truePositives: [`SENDBIRD_API_TOKEN=${fake(HEX, 40, 'sb-1')}`],
    falsePositives: [`SENDBIRD_API_TOKEN=${'0'.repeat(40)}`]
  }),
  defineRule({
    id: 'intercom-api-key',
    description: 'Intercom access token',
    severity: 'high',
    regex: keyed('intercom', '[a-z0-9=_-]{60}'),
    keywords: ['intercom'],
    entropy: 3.5,
    rotation:
      'Regenerate the access token in the Intercom Developer Hub (app > Authentication) and update integrations.',
    docs: 'https://developers.intercom.com/docs/build-an-integration/learn-more/authentication',
    truePositives: [`INTERCOM_ACCESS_TOKEN=dG9rOj${fake(BASE64URL, 54, 'ic-1')}`],
    falsePositives: [`INTERCOM_ACCESS_TOKEN=${'x'.repeat(60)}`]
  }),
  defineRule({
    id: 'vonage-api-secret',
    description: 'Vonage (Nexmo) API secret',
    severity: 'high',
    regex: keyed(String.raw`(?:vonage|nexmo)[\w.-]{0,20}?secret`, '[A-Za-z0-9]{16}'),
    keywords: ['vonage', 'nexmo'],
    entropy: 3.5,
    rotation:
      'Rotate the API secret in the Vonage API dashboard (API settings > Create new secret, then delete the old one).',
    docs: 'https://developer.vonage.com/en/getting-started/concepts/authentication',
    truePositives: [`VONAGE_API_SECRET=${fake(ALNUM, 16, 'vonage-1')}`],
    falsePositives: [`VONAGE_API_SECRET=${'a'.repeat(16)}`]
  }),
  defineRule({
    id: 'pusher-app-secret',
    description: 'Pusher Channels app secret',
    severity: 'high',
    regex: keyed(String.raw`pusher[\w.-]{0,20}?secret`, '[a-f0-9]{20}'),
    keywords: ['pusher'],
    entropy: 3,
    rotation:
      'Regenerate the app keys in the Pusher dashboard (App > App Keys > Create new key, then delete the old one).',
    docs: 'https://pusher.com/docs/channels/server_api/authenticating-users/',
    truePositives: [`PUSHER_APP_SECRET=${fake(HEX, 20, 'pusher-1')}`],
    falsePositives: [`PUSHER_APP_SECRET=${'0'.repeat(20)}`]
  }),
  defineRule({
    id: 'gitter-access-token',
    description: 'Gitter access token',
    severity: 'medium',
    regex: keyed('gitter', '[a-z0-9_-]{40}'),
    keywords: ['gitter'],
    entropy: 3.5,
    rotation: 'Revoke the token at https://developer.gitter.im/apps and create a new one.',
    docs: 'https://developer.gitter.im/docs/authentication',
    truePositives: [`GITTER_TOKEN=${fake(LOWER_ALNUM, 40, 'gitter-1')}`],
    falsePositives: [`GITTER_TOKEN=${'x'.repeat(40)}`]
  })
]
