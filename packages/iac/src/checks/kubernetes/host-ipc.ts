import type {Check} from '../../check'
import type {KubernetesDoc} from '../../parsers/kubernetes'
import {podHostNamespaceCheck} from './pod-host-namespace-check'

export const hostIpc: Check<KubernetesDoc> = podHostNamespaceCheck({
  id: 'PG-K8S-008',
  platform: 'kubernetes',
  severity: 'high',
  title: 'Pod shares the host IPC namespace',
  description:
    'With hostIPC the containers can read and write shared memory of every process on the node (CIS Kubernetes 5.2.4).',
  remediation: 'Remove `hostIPC: true`.',
  docs: 'https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline',
  aliases: ['CKV_K8S_18', 'host-ipc'],
  field: 'hostIPC',
  fail: {
    fileName: 'deployment.yaml',
    text: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    spec:
      hostIPC: true
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
      hostIPC: false
      containers:
        - name: app
          image: nginx:1.27
`
  }
})
