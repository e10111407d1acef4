import {defineRule} from '../rule'
import {prefixed} from './patterns'
import {BASE64URL, HEX, fake} from './synthetic'

export const gcpRules = [
  defineRule({
    id: 'gcp-service-account-key',
    description: 'Google Cloud service account key file (JSON with a private key)',
    severity: 'critical',
    regex: /"type"\s*:\s*"service_account"[\s\S]{0,400}?"private_key_id"\s*:\s*"([0-9a-f]{40})"/,
    keywords: ['service_account'],
    entropy: 3,
    rotation:
      'Delete the key in the Google Cloud console (IAM & Admin > Service accounts > Keys) or with `gcloud iam service-accounts keys delete`, create a new key or switch to workload identity federation.',
    docs: 'https://cloud.google.com/iam/docs/keys-create-delete',
    truePositives: [
      [
        '{',
        '  "type": "service_account",',
        '  "project_id": "billing-prod-2231",',
        `  "private_key_id": "${fake(HEX, 40, 'gcp-sa-1')}",`,
        '  "client_email": "deployer@billing-prod-2231.iam.gserviceaccount.com"',
        '}'
      ].join('\n')
    ],
    falsePositives: [
      '{"type": "service_account", "project_id": "demo", "private_key_id": "<your-key-id>"}',
      '{"type": "authorized_user", "private_key_id": "' + fake(HEX, 40, 'gcp-sa-2') + '"}'
    ]
  }),
  defineRule({
    id: 'gcp-api-key',
    description: 'Google Cloud / Firebase / Gemini API key',
    severity: 'high',
    regex: prefixed(String.raw`AIza[\w-]{35}`),
    keywords: ['aiza'],
    entropy: 4,
    prefixLength: 4,
    rotation:
      'Delete or regenerate the key in the Google Cloud console (APIs & Services > Credentials) and add API and application restrictions to the replacement.',
    docs: 'https://cloud.google.com/docs/authentication/api-keys',
    truePositives: [
      `GOOGLE_API_KEY=AIza${fake(BASE64URL, 35, 'gcp-api-1')}`,
      `  apiKey: "AIza${fake(BASE64URL, 35, 'gcp-api-2')}",`
    ],
    falsePositives: [`apiKey: "AIza${'X'.repeat(35)}"`, 'apiKey: "AIzaSyD..."']
  }),
  defineRule({
    id: 'gcp-oauth-client-secret',
    description: 'Google OAuth client secret',
    severity: 'high',
    regex: prefixed('GOCSPX-[A-Za-z0-9_-]{28}'),
    keywords: ['gocspx-'],
    entropy: 3.5,
    prefixLength: 7,
    rotation:
      'Add a new secret and delete the old one for the OAuth client in the Google Cloud console (APIs & Services > Credentials > OAuth 2.0 Client IDs).',
    docs: 'https://support.google.com/cloud/answer/15549257',
    truePositives: [`"client_secret": "GOCSPX-${fake(BASE64URL, 28, 'gocspx-1')}"`],
    falsePositives: [
      '"client_secret": "GOCSPX-xxxxxxxxxxxxxxxxxxxxxxxxxxxx"',
      '"client_secret": "GOCSPX-<client secret>"'
    ]
  }),
  defineRule({
    id: 'gcp-oauth-access-token',
    description: 'Google OAuth 2.0 access token',
    severity: 'medium',
    regex: prefixed(String.raw`ya29\.[\w-]{50,2048}`),
    keywords: ['ya29.'],
    entropy: 4,
    prefixLength: 5,
    rotation:
      'The token expires within an hour; revoke it now at https://oauth2.googleapis.com/revoke?token=... and rotate the refresh token or key that minted it.',
    docs: 'https://developers.google.com/identity/protocols/oauth2',
    truePositives: [`Authorization: Bearer ya29.a0Af${fake(BASE64URL, 150, 'ya29-1')}`],
    falsePositives: [
      'Authorization: Bearer ya29.<access-token>',
      `token = "ya29.${'a'.repeat(60)}"`
    ]
  }),
  defineRule({
    id: 'gcp-oauth-refresh-token',
    description: 'Google OAuth 2.0 refresh token',
    severity: 'high',
    regex: prefixed(String.raw`1//0[\w-]{60,512}`),
    keywords: ['1//0'],
    entropy: 4,
    prefixLength: 4,
    rotation:
      'Revoke the grant at https://myaccount.google.com/permissions (or POST it to https://oauth2.googleapis.com/revoke) and re-authorize the application.',
    docs: 'https://developers.google.com/identity/protocols/oauth2',
    truePositives: [`"refresh_token": "1//0g${fake(BASE64URL, 97, 'g-refresh-1')}"`],
    falsePositives: [
      '"refresh_token": "1//0gxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"',
      'path = "1//0a"'
    ]
  }),
  defineRule({
    id: 'firebase-cloud-messaging-server-key',
    description: 'Firebase Cloud Messaging legacy server key',
    severity: 'high',
    regex: prefixed(String.raw`AAAA[A-Za-z0-9_-]{7}:APA91b[A-Za-z0-9_-]{134}`),
    keywords: [':apa91b'],
    entropy: 4,
    prefixLength: 4,
    rotation:
      'Delete the server key in the Firebase console (Project settings > Cloud Messaging) and migrate to the HTTP v1 API with service-account OAuth tokens.',
    docs: 'https://firebase.google.com/docs/cloud-messaging/auth-server',
    truePositives: [
      `FCM_SERVER_KEY=AAAA${fake(BASE64URL, 7, 'fcm-1')}:APA91b${fake(BASE64URL, 134, 'fcm-2')}`
    ],
    falsePositives: [
      `FCM_SERVER_KEY=AAAA${fake(BASE64URL, 7, 'fcm-3')}:APA91b${fake(BASE64URL, 40, 'fcm-4')}`
    ]
  })
]
