import type {Check} from '../../check'
import type {KubernetesDoc} from '../../parsers/kubernetes'
import {podHostNamespaceCheck} from './pod-host-namespace-check'

export const hostPid: Check<KubernetesDoc> = podHostNamespaceCheck({
  id: 'PG-K8S-007',
  platform: 'kubernetes',
  severity: 'high',
  title: 'Pod shares the host process namespace',
  description:
    'With hostPID the containers see and can signal every process on the node, and read their environment through /proc (CIS Kubernetes 5.2.3).',
  remediation: 'Remove `hostPID: true`.',
  docs: 'https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline',
  aliases: ['CKV_K8S_17', 'host-pid'],
  field: 'hostPID',
  fail: {
    fileName: 'deployment.yaml',
    text: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    spec:
      hostPID: true
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
      hostPID: false
      containers:
        - name: app
          image: nginx:1.27
`
  }
})
