import type {Check} from '../../check'
import type {KubernetesDoc} from '../../parsers/kubernetes'
import {podHostNamespaceCheck} from './pod-host-namespace-check'

export const hostNetwork: Check<KubernetesDoc> = podHostNamespaceCheck({
  id: 'PG-K8S-006',
  platform: 'kubernetes',
  severity: 'high',
  title: 'Pod shares the host network namespace',
  description:
    'With hostNetwork the pod sees every interface of the node, can sniff traffic and reach services bound to localhost (CIS Kubernetes 5.2.5).',
  remediation: 'Remove `hostNetwork: true`.',
  docs: 'https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline',
  aliases: ['CKV_K8S_19', 'host-network'],
  field: 'hostNetwork',
  fail: {
    fileName: 'deployment.yaml',
    text: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    spec:
      hostNetwork: true
      containers:
        - name: app
          image: nginx:1.27
`,
    lines: [8]
  },
  pass: {
    fileName: 'deployment.yaml',
    text: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    spec:
      hostNetwork: false
      containers:
        - name: app
          image: nginx:1.27
`
  }
})
