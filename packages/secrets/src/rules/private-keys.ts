import {defineRule} from '../rule'
import {BASE64, BECH32, fake, fold} from './synthetic'

/** One line break: a real one or the `\n` escape of a JSON / env string (the body class takes the rest). */
const SEP = String.raw`(?:\\r\\n|\\n|\s)`
const HEADERS = String.raw`(?:(?:Proc-Type|DEK-Info|Comment|Version|Charset|Hash):[^\n\\]*${SEP})*`

const pem = (label: string, seed: string, escaped = false) => {
  const text = [
    '-----BEGIN ' + label + '-----',
    fold(fake(BASE64, 1600, seed)),
    '-----END ' + label + '-----'
  ].join('\n')
  return escaped ? text.replace(/\n/g, '\\n') : text
}

export const privateKeyRules = [
  defineRule({
    id: 'private-key',
    description: 'PEM / OpenSSH private key (RSA, EC, DSA, PKCS#8, encrypted PKCS#8, OpenSSH)',
    severity: 'critical',
    regex: new RegExp(
      String.raw`(-----BEGIN[ A-Z0-9_-]{0,100}PRIVATE KEY-----${SEP}${HEADERS}[A-Za-z0-9+/=\s\\]{64,16384}?-----END[ A-Z0-9_-]{0,100}PRIVATE KEY-----)`
    ),
    keywords: ['private key-----'],
    entropy: 4.5,
    rotation:
      'Treat the key pair as compromised: generate a new key pair, replace the public key / certificate wherever it is trusted (servers, authorized_keys, deploy keys, CAs), revoke the old certificate, and remove the key from history.',
    docs: 'https://datatracker.ietf.org/doc/html/rfc7468',
    truePositives: [
      pem('RSA PRIVATE KEY', 'pem-rsa'),
      pem('OPENSSH PRIVATE KEY', 'pem-openssh'),
      `  "private_key": "${pem('PRIVATE KEY', 'pem-json', true)}\\n",`,
      pem('EC PRIVATE KEY', 'pem-ec')
    ],
    falsePositives: [
      '-----BEGIN RSA PRIVATE KEY-----\n...\n-----END RSA PRIVATE KEY-----',
      ['-----BEGIN PRIVATE KEY-----', fold('A'.repeat(640)), '-----END PRIVATE KEY-----'].join(
        '\n'
      ),
      [
        '-----BEGIN PUBLIC KEY-----',
        fold(fake(BASE64, 400, 'pem-pub')),
        '-----END PUBLIC KEY-----'
      ].join('\n')
    ]
  }),
  defineRule({
    id: 'pgp-private-key-block',
    description: 'OpenPGP (GPG) private key block',
    severity: 'critical',
    regex: new RegExp(
      String.raw`(-----BEGIN PGP PRIVATE KEY BLOCK-----${SEP}${HEADERS}[A-Za-z0-9+/=\s\\]{64,65536}?-----END PGP PRIVATE KEY BLOCK-----)`
    ),
    keywords: ['pgp private key block'],
    entropy: 4.5,
    rotation:
      'Revoke the key (gpg --gen-revoke, then publish the revocation certificate to keyservers / GitHub), generate a new key, and re-sign what depended on it.',
    docs: 'https://www.rfc-editor.org/rfc/rfc4880#section-6.2',
    truePositives: [
      [
        '-----BEGIN PGP PRIVATE KEY BLOCK-----',
        '',
        fold(fake(BASE64, 2400, 'pgp-1')),
        '=' + fake(BASE64, 4, 'pgp-2'),
        '-----END PGP PRIVATE KEY BLOCK-----'
      ].join('\n')
    ],
    falsePositives: [
      [
        '-----BEGIN PGP PUBLIC KEY BLOCK-----',
        '',
        fold(fake(BASE64, 800, 'pgp-3')),
        '-----END PGP PUBLIC KEY BLOCK-----'
      ].join('\n'),
      '-----BEGIN PGP PRIVATE KEY BLOCK-----\n<paste your key here>\n-----END PGP PRIVATE KEY BLOCK-----'
    ]
  }),
  defineRule({
    id: 'putty-private-key',
    description: 'PuTTY private key file (.ppk)',
    severity: 'critical',
    regex:
      /PuTTY-User-Key-File-[23]: [\w-]+\r?\n[\s\S]{0,2000}?Private-Lines: \d+\r?\n((?:[A-Za-z0-9+/=]{1,64}\r?\n){1,200})/,
    keywords: ['putty-user-key-file'],
    entropy: 4.5,
    rotation:
      'Generate a new key pair with PuTTYgen, replace the public key in authorized_keys / the servers that trust it, and delete the old key.',
    docs: 'https://the.earth.li/~sgtatham/putty/0.80/htmldoc/AppendixC.html',
    truePositives: [
      [
        'PuTTY-User-Key-File-3: ssh-ed25519',
        'Encryption: none',
        'Comment: deploy@ci',
        'Public-Lines: 2',
        fold(fake(BASE64, 68, 'ppk-1')),
        'Private-Lines: 1',
        fake(BASE64, 44, 'ppk-2'),
        'Private-MAC: ' + fake(BASE64, 64, 'ppk-3').toLowerCase(),
        ''
      ].join('\n')
    ],
    falsePositives: [
      'PuTTY-User-Key-File-3: ssh-ed25519\nEncryption: none\nPrivate-Lines: 1\nAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\n'
    ]
  }),
  defineRule({
    id: 'age-secret-key',
    description: 'age encryption secret key',
    severity: 'critical',
    regex: /(AGE-SECRET-KEY-1[QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L]{58})/,
    keywords: ['age-secret-key-1'],
    entropy: 3.5,
    prefixLength: 15,
    rotation:
      'Generate a new identity with age-keygen, re-encrypt every file encrypted to the old recipient, and update SOPS / .age recipients.',
    docs: 'https://age-encryption.org/v1',
    truePositives: [
      `# created: 2026-01-10\nAGE-SECRET-KEY-1${fake(BECH32, 58, 'age-1').toUpperCase()}`
    ],
    falsePositives: [
      `AGE-SECRET-KEY-1${'Q'.repeat(58)}`,
      'age1ql3z7hjy54pw3hyww5ayyfg7zqgvc7w3j2elw8zmrj2kg5sfn9aqmcac8p'
    ]
  })
]
