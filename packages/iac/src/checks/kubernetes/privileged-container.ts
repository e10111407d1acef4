import type {Check} from '../../check'
import type {KubernetesDoc} from '../../parsers/kubernetes'
import {isTrue} from '../../parsers/yaml-document'
import {forbiddenSecurityContextCheck} from './container-security-context-check'

export const privilegedContainer: Check<KubernetesDoc> = forbiddenSecurityContextCheck({
  id: 'PG-K8S-001',
  platform: 'kubernetes',
  severity: 'high',
  title: 'Container runs privileged',
  description:
    'A privileged container has every capability and full access to the host devices; escaping to the node is trivial (CIS Kubernetes 5.2.2).',
  remediation:
    'Remove `securityContext.privileged: true` (or set it to false) and grant only the capabilities the process needs.',
  docs: 'https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline',
  aliases: ['CKV_K8S_16', 'privileged-container'],
  field: 'privileged',
  isUnsafe: isTrue,
  fail: {
    fileName: 'pod.yaml',
    text: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: app
      image: nginx:1.27
      securityContext:
        privileged: true
`,
    lines: [10]
  },
  pass: {
    fileName: 'pod.yaml',
    text: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: app
      image: nginx:1.27
      securityContext:
        privileged: false
`
  }
})
