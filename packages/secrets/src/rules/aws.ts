import {defineRule} from '../rule'
import {keyed, prefixed} from './patterns'
import {BASE32, BASE64, HEX, UPPER_ALNUM, fake, fakeUuid} from './synthetic'

const keyId = (seed: string) => 'AKIA' + fake(BASE32, 16, seed)
const secretKey = (seed: string) => fake(BASE64, 40, seed)

const SECRET_KEY_SETTING = keyed(
  String.raw`aws[_-]?secret(?:[_-]?access)?[_-]?key|secret[_-]?access[_-]?key`,
  '[A-Za-z0-9/+]{40}'
)
/** The password of an s3:// URL whose user is an access key ID (a `/` in it may be written %2F). */
const S3_URL_SECRET = String.raw`\bs3[an]?://(?:AKIA|ASIA)[A-Z2-7]{16}:((?:[A-Za-z0-9/+]|%2[BFbf]){40})@`

export const awsRules = [
  defineRule({
    id: 'aws-access-token',
    description:
      'AWS access key ID (long-term AKIA, temporary ASIA, and other IAM unique-id prefixes)',
    severity: 'high',
    regex: prefixed('(?:A3T[A-Z0-9]|AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16}'),
    keywords: ['akia', 'asia', 'abia', 'acca', 'a3t'],
    entropy: 3,
    prefixLength: 4,
    allowlist: {regexes: [/EXAMPLE$/]},
    rotation:
      'Deactivate and delete the access key in the IAM console (Users > Security credentials) or with `aws iam delete-access-key`, create a new one, and check CloudTrail for its use.',
    docs: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html',
    truePositives: [
      `AWS_ACCESS_KEY_ID=${keyId('aws-id-1')}`,
      `aws_access_key_id = ${keyId('aws-id-2')}`,
      `"accessKeyId": "${'ASIA' + fake(BASE32.slice(0, 26), 16, 'aws-id-3')}"`,
      `aws s3 cp s3://bucket.acme.dev/${keyId('aws-id-4')}/report.csv .`
    ],
    falsePositives: [
      'aws_access_key_id = AKIAIOSFODNN7EXAMPLE',
      `key = "AKIA${'XXXXXXXXXXXXXXXX'}"`,
      `id = AKIA${fake(UPPER_ALNUM, 12, 'aws-short')}`
    ]
  }),
  defineRule({
    id: 'aws-secret-access-key',
    description:
      'AWS secret access key (in an AWS secret key setting or an s3://KEY_ID:SECRET@ URL)',
    severity: 'critical',
    regex: new RegExp(`${SECRET_KEY_SETTING.source}|${S3_URL_SECRET}`, 'i'),
    keywords: [
      'akia',
      'asia',
      'aws_secret',
      'aws-secret',
      'awssecret',
      'secret_access_key',
      'secret-access-key',
      'secretaccesskey'
    ],
    entropy: 4,
    allowlist: {stopwords: ['example']},
    rotation:
      'Delete the access key pair in the IAM console (Users > Security credentials) or with `aws iam delete-access-key`, issue a new pair, and review CloudTrail for use of the old key.',
    docs: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html',
    truePositives: [
      `aws_secret_access_key = ${secretKey('aws-secret-1')}`,
      `AWS_SECRET_ACCESS_KEY="${secretKey('aws-secret-2')}"`,
      `  secretAccessKey: '${secretKey('aws-secret-3')}'`,
      `SOURCE=s3://${keyId('aws-secret-5')}:${secretKey('aws-secret-6')}@backups/db.tgz`
    ],
    falsePositives: [
      'aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
      'AWS_SECRET_ACCESS_KEY=${{ secrets.AWS_SECRET_ACCESS_KEY }}',
      `aws_secret_access_key = ${secretKey('aws-secret-4').slice(0, 30)}`
    ]
  }),
  defineRule({
    id: 'aws-session-token',
    description: 'AWS temporary session token (STS)',
    severity: 'high',
    regex: keyed(
      String.raw`aws[_-]?session[_-]?token|session[_-]?token|x-amz-security-token|security[_-]?token`,
      '[A-Za-z0-9/+]{100,2000}={0,2}'
    ),
    keywords: [
      'session_token',
      'session-token',
      'sessiontoken',
      'security-token',
      'security_token'
    ],
    entropy: 4.5,
    rotation:
      'Session tokens expire on their own; revoke early by attaching an AWSRevokeOlderSessions policy to the role (IAM console > Roles > Revoke sessions) and rotate the long-term key that issued it.',
    docs: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_revoke-sessions.html',
    truePositives: [
      `aws_session_token = IQoJb3JpZ2luX2VjE${fake(BASE64, 300, 'aws-session-1')}`,
      `AWS_SESSION_TOKEN="FwoGZXIvYXdzE${fake(BASE64, 220, 'aws-session-2')}=="`
    ],
    falsePositives: [
      'aws_session_token = ${AWS_SESSION_TOKEN}',
      `aws_session_token = ${'A'.repeat(200)}`,
      'AWS_SESSION_TOKEN=$(aws sts get-session-token --query Credentials.SessionToken --output text)'
    ]
  }),
  defineRule({
    id: 'aws-amazon-bedrock-api-key-long-lived',
    description: 'Amazon Bedrock long-term API key',
    severity: 'high',
    regex: prefixed('ABSK[A-Za-z0-9+/]{109,269}={0,2}'),
    keywords: ['absk'],
    entropy: 3,
    prefixLength: 4,
    rotation:
      'Delete the Bedrock API key (the IAM service-specific credential) in the IAM console or with `aws iam delete-service-specific-credential`, then create a new one.',
    docs: 'https://docs.aws.amazon.com/bedrock/latest/userguide/api-keys.html',
    truePositives: [
      `AWS_BEARER_TOKEN_BEDROCK=ABSKQmVkcm9ja0FQSUtleS${fake(BASE64, 120, 'bedrock-1')}`
    ],
    falsePositives: [`AWS_BEARER_TOKEN_BEDROCK=ABSK${'x'.repeat(120)}`, 'name = "ABSKILLS"']
  }),
  defineRule({
    id: 'aws-amazon-bedrock-api-key-short-lived',
    description: 'Amazon Bedrock short-term API key (pre-signed bearer token)',
    severity: 'medium',
    regex: prefixed('bedrock-api-key-YmVkcm9jay5hbWF6b25hd3MuY29t[A-Za-z0-9+/]{40,8000}={0,2}'),
    keywords: ['bedrock-api-key-'],
    entropy: 3,
    prefixLength: 16,
    rotation:
      'The key expires with the session that signed it (at most 12 hours); revoke the issuing role sessions in the IAM console and rotate the credentials that generated it.',
    docs: 'https://docs.aws.amazon.com/bedrock/latest/userguide/api-keys.html',
    truePositives: [
      `export AWS_BEARER_TOKEN_BEDROCK=bedrock-api-key-YmVkcm9jay5hbWF6b25hd3MuY29t${fake(BASE64, 200, 'bedrock-3')}`
    ],
    falsePositives: ['const prefix = "bedrock-api-key-YmVkcm9jay5hbWF6b25hd3MuY29t"']
  }),
  defineRule({
    id: 'aws-mws-key',
    description: 'Amazon Marketplace Web Service (MWS) auth token',
    severity: 'high',
    regex: prefixed(
      String.raw`amzn\.mws\.[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}`
    ),
    keywords: ['amzn.mws.'],
    entropy: 3,
    prefixLength: 9,
    rotation:
      'Revoke the developer authorization in Seller Central (Settings > User Permissions > Third-party developer and apps) and authorize again to get a new MWS token.',
    truePositives: [`MWS_AUTH_TOKEN=amzn.mws.${fakeUuid('mws-1')}`],
    falsePositives: [
      'MWS_AUTH_TOKEN=amzn.mws.00000000-0000-0000-0000-000000000000',
      `token=amzn.mws.${fake(HEX, 8, 'mws')}`
    ]
  })
]
