import type {Check} from '../../check'
import type {KubernetesDoc} from '../../parsers/kubernetes'
import {get, pairOf, text} from '../../parsers/yaml-document'

export const defaultNamespace: Check<KubernetesDoc> = {
  id: 'PG-K8S-019',
  platform: 'kubernetes',
  hygiene: 'always',
  severity: 'low',
  title: 'Object is placed in the default namespace',
  description:
    'The default namespace usually has no network policies, quotas or narrow RBAC; workloads there share one trust boundary with everything else dropped in by accident (CIS Kubernetes 5.7.4).',
  remediation: 'Create a dedicated namespace per application and set `metadata.namespace` to it.',
  docs: 'https://kubernetes.io/docs/concepts/security/rbac-good-practices/',
  aliases: ['CKV_K8S_21', 'use-namespace'],
  run: doc =>
    doc.objects.flatMap(o => {
      const pair = pairOf(get(o.node, 'metadata'), 'namespace')
      return pair && text(pair.value) === 'default' ? [{line: pair.keyLine, resource: o.ref}] : []
    }),
  fail: {
    fileName: 'service.yaml',
    text: `apiVersion: v1
kind: ConfigMap
metadata:
  name: settings
  namespace: default
data:
  mode: production
`,
    lines: [5]
  },
  pass: {
    fileName: 'service.yaml',
    text: `apiVersion: v1
kind: ConfigMap
metadata:
  name: settings
  namespace: shop
data:
  mode: production
`
  }
}
