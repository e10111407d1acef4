import type {Check} from '../../check'
import type {KubernetesDoc} from '../../parsers/kubernetes'
import {get, items, text} from '../../parsers/yaml-document'

export const rbacWildcard: Check<KubernetesDoc> = {
  id: 'PG-K8S-020',
  platform: 'kubernetes',
  severity: 'high',
  title: 'RBAC rule grants wildcard verbs or resources',
  description:
    'A `*` in verbs, resources or apiGroups grants every current and future permission, including reading Secrets and escalating through new CRDs (CIS Kubernetes 5.1.3).',
  remediation: 'List the exact verbs, resources and apiGroups the subject needs.',
  docs: 'https://kubernetes.io/docs/concepts/security/rbac-good-practices/#least-privilege',
  aliases: ['CKV_K8S_49', 'wildcard-in-rules'],
  run: doc =>
    doc.objects
      .filter(o => o.kind === 'Role' || o.kind === 'ClusterRole')
      .flatMap(o =>
        items(get(o.node, 'rules')).flatMap(rule =>
          ['verbs', 'resources', 'apiGroups'].flatMap(field =>
            items(get(rule, field))
              .filter(item => text(item) === '*')
              .map(item => ({
                line: item.line,
                resource: o.ref,
                message: `${o.ref} grants "*" in ${field}`
              }))
          )
        )
      ),
  fail: {
    fileName: 'role.yaml',
    text: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: deployer
rules:
  - apiGroups: ["apps"]
    resources: ["deployments"]
    verbs:
      - get
      - "*"
`,
    lines: [10]
  },
  pass: {
    fileName: 'role.yaml',
    text: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: deployer
rules:
  - apiGroups: ["apps"]
    resources: ["deployments"]
    verbs: ["get", "list", "patch"]
`
  }
}
