import type {Check} from '../../check'
import type {KubernetesDoc} from '../../parsers/kubernetes'
import {get, pairOf, text} from '../../parsers/yaml-document'

export const clusterAdminBinding: Check<KubernetesDoc> = {
  id: 'PG-K8S-021',
  platform: 'kubernetes',
  severity: 'high',
  title: 'Binding grants cluster-admin',
  description:
    'cluster-admin can do anything in every namespace; a subject bound to it that is compromised (a service account token in a pod) owns the cluster (CIS Kubernetes 5.1.1).',
  remediation: 'Bind a Role or ClusterRole that lists only the permissions the subject needs.',
  docs: 'https://kubernetes.io/docs/concepts/security/rbac-good-practices/',
  aliases: ['cluster-admin-role-binding'],
  run: doc =>
    doc.objects
      .filter(o => o.kind === 'ClusterRoleBinding' || o.kind === 'RoleBinding')
      .flatMap(o => {
        const pair = pairOf(get(o.node, 'roleRef'), 'name')
        return pair && text(pair.value) === 'cluster-admin'
          ? [{line: pair.keyLine, resource: o.ref}]
          : []
      }),
  fail: {
    fileName: 'binding.yaml',
    text: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata:
  name: ci
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: ClusterRole
  name: cluster-admin
subjects:
  - kind: ServiceAccount
    name: ci
    namespace: build
`,
    lines: [8]
  },
  pass: {
    fileName: 'binding.yaml',
    text: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata:
  name: ci
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: ClusterRole
  name: deployer
subjects:
  - kind: ServiceAccount
    name: ci
    namespace: build
`
  }
}
