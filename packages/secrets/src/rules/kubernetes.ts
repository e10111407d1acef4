import {plainValueNoise} from '../noise'
import {defineRule} from '../rule'
import {keyed} from './patterns'
import {ALNUM, LOWER_ALNUM, fake} from './synthetic'

/** Base64 of the words people put in example Secrets: password, changeme, secret, admin, test. */
const BASE64_PLACEHOLDERS = /^(?:cGFzc3dvcmQ|Y2hhbmdlbWU|c2VjcmV0|YWRtaW4|dGVzdA)/

/**
 * base64 is not encryption: the decoded value is judged. Binary (key material, keystores) is kept;
 * text is judged like a value found without a key name (`mypassword`, an API address are not secrets).
 */
function decodedSecretNoise(encoded: string): string | undefined {
  const decoded = Buffer.from(encoded, 'base64').toString('utf8')
  if (/[^\x20-\x7e\r\n\t]/.test(decoded)) return undefined
  return plainValueNoise(decoded.trim())
}

const secretYaml = (value: string) =>
  [
    'apiVersion: v1',
    'kind: Secret',
    'metadata:',
    '  name: billing-db',
    'type: Opaque',
    'data:',
    `  password: ${value}`,
    '  username: YmlsbGluZw=='
  ].join('\n')

export const kubernetesRules = [
  defineRule({
    id: 'kubernetes-secret-yaml',
    description: 'Kubernetes Secret manifest with a base64 value under data:',
    severity: 'high',
    regex:
      /\bkind:[ \t]*["']?Secret["']?[ \t]*\r?\n[\s\S]{0,600}?^data:[ \t]*\r?\n(?:[ \t]+#[^\n]*\n)*[ \t]+[\w.-]+:[ \t]*["']?([A-Za-z0-9+/]{12,}={0,2})["']?[ \t]*$/m,
    keywords: ['kind: secret', 'kind: "secret"', "kind: 'secret'", 'kind:secret'],
    entropy: 3.5,
    allowlist: {regexes: [BASE64_PLACEHOLDERS]},
    notASecret: decodedSecretNoise,
    rotation:
      'Change the credential stored in the Secret at its source, then manage the manifest with Sealed Secrets, SOPS or an external secret store instead of committing base64 (which is not encryption).',
    docs: 'https://kubernetes.io/docs/concepts/configuration/secret/',
    truePositives: [
      secretYaml(Buffer.from(fake(ALNUM, 20, 'k8s-1')).toString('base64')),
      secretYaml(Buffer.from(`sk-${fake(ALNUM, 40, 'k8s-3')}`).toString('base64'))
    ],
    falsePositives: [
      secretYaml(Buffer.from('mypassword2024').toString('base64')),
      secretYaml(Buffer.from('https://api.acme.dev/v1').toString('base64')),
      secretYaml(Buffer.from('postgres.billing.svc.cluster.local:5432').toString('base64')),
      secretYaml('cGFzc3dvcmQ='),
      secretYaml('{{ .Values.db.password | b64enc }}'),
      [
        'apiVersion: v1',
        'kind: ConfigMap',
        'data:',
        `  settings: ${Buffer.from(fake(ALNUM, 20, 'k8s-2')).toString('base64')}`
      ].join('\n')
    ]
  }),
  defineRule({
    id: 'kubernetes-bootstrap-token',
    description: 'Kubernetes bootstrap (kubeadm join) token assigned to a kube token setting',
    severity: 'high',
    regex: keyed(
      String.raw`kube[\w.-]{0,20}?token|k8s[\w.-]{0,20}?token`,
      String.raw`[a-z0-9]{6}\.[a-z0-9]{16}`
    ),
    keywords: ['kube', 'k8s'],
    entropy: 3,
    allowlist: {regexes: [/^abcdef\.0123456789abcdef$/]},
    rotation:
      'Delete the bootstrap token with `kubeadm token delete <id>` (or the Secret holding it) and create a new short-lived one.',
    docs: 'https://kubernetes.io/docs/reference/access-authn-authz/bootstrap-tokens/',
    truePositives: [
      `KUBEADM_TOKEN=${fake(LOWER_ALNUM, 6, 'kube-1')}.${fake(LOWER_ALNUM, 16, 'kube-2')}`
    ],
    falsePositives: ['KUBE_TOKEN=abcdef.0123456789abcdef']
  })
]
