import type {Check} from '../../check'
import type {KubernetesDoc} from '../../parsers/kubernetes'
import {isTrue} from '../../parsers/yaml-document'
import {requiredSecurityContextCheck} from './container-security-context-check'

export const readOnlyRootFilesystem: Check<KubernetesDoc> = requiredSecurityContextCheck({
  id: 'PG-K8S-011',
  platform: 'kubernetes',
  hygiene: 'when-unset',
  severity: 'low',
  title: 'Container root filesystem is writable',
  description:
    'A writable root filesystem lets an attacker who got code execution drop tools or modify binaries inside the container.',
  remediation:
    'Set `securityContext.readOnlyRootFilesystem: true` and mount an emptyDir where the application must write.',
  docs: 'https://kubernetes.io/docs/tasks/configure-pod-container/security-context/',
  aliases: ['CKV_K8S_22', 'no-read-only-root-fs'],
  field: 'readOnlyRootFilesystem',
  isSafe: isTrue,
  kinds: ['containers', 'initContainers'],
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
        readOnlyRootFilesystem: false
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
        readOnlyRootFilesystem: true
`
  }
})
