import type {Check} from '../../check'
import type {KubernetesDoc} from '../../parsers/kubernetes'
import {text} from '../../parsers/yaml-document'
import {forbiddenSecurityContextCheck} from './container-security-context-check'

export const procMountUnmasked: Check<KubernetesDoc> = forbiddenSecurityContextCheck({
  id: 'PG-K8S-027',
  platform: 'kubernetes',
  severity: 'high',
  title: 'Container uses an unmasked /proc',
  description:
    '`procMount: Unmasked` removes the masking of sensitive /proc paths that protect the host kernel from the container.',
  remediation: 'Remove `procMount` or set it to `Default`.',
  docs: 'https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline',
  aliases: ['unsafe-proc-mount'],
  field: 'procMount',
  isUnsafe: value => text(value) === 'Unmasked',
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
        procMount: Unmasked
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
        procMount: Default
`
  }
})
