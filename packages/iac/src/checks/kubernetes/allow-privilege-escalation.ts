import type {Check} from '../../check'
import type {KubernetesDoc} from '../../parsers/kubernetes'
import {isFalse} from '../../parsers/yaml-document'
import {requiredSecurityContextCheck} from './container-security-context-check'

export const allowPrivilegeEscalation: Check<KubernetesDoc> = requiredSecurityContextCheck({
  id: 'PG-K8S-002',
  platform: 'kubernetes',
  hygiene: 'when-unset',
  severity: 'medium',
  title: 'Container allows privilege escalation',
  description:
    'Unless `allowPrivilegeEscalation` is false, a process can gain more privileges than its parent (setuid binaries, file capabilities) (CIS Kubernetes 5.2.6).',
  remediation: 'Set `securityContext.allowPrivilegeEscalation: false` on every container.',
  docs: 'https://kubernetes.io/docs/concepts/security/pod-security-standards/#restricted',
  aliases: ['CKV_K8S_20', 'privilege-escalation-container'],
  field: 'allowPrivilegeEscalation',
  isSafe: isFalse,
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
    - name: sidecar
      image: envoyproxy/envoy:v1.31.0
      securityContext:
        allowPrivilegeEscalation: true
`,
    lines: [7, 12]
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
        allowPrivilegeEscalation: false
`
  }
})
