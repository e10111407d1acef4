import type {Check} from '../../check'
import type {KubernetesDoc} from '../../parsers/kubernetes'
import {containers} from '../../parsers/kubernetes-workloads'
import {get, isTrue, pairOf} from '../../parsers/yaml-document'

export const readOnlyRootFilesystem: Check<KubernetesDoc> = {
  id: 'PG-K8S-011',
  platform: 'kubernetes',
  severity: 'low',
  title: 'Container root filesystem is writable',
  description:
    'A writable root filesystem lets an attacker who got code execution drop tools or modify binaries inside the container.',
  remediation:
    'Set `securityContext.readOnlyRootFilesystem: true` and mount an emptyDir where the application must write.',
  docs: 'https://kubernetes.io/docs/tasks/configure-pod-container/security-context/',
  aliases: ['CKV_K8S_22', 'no-read-only-root-fs'],
  run: doc =>
    containers(doc, ['containers', 'initContainers']).flatMap(c => {
      const pair = pairOf(get(c.node, 'securityContext'), 'readOnlyRootFilesystem')
      if (pair && isTrue(pair.value)) return []
      return [{line: pair ? pair.keyLine : c.line, resource: c.ref}]
    }),
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
}
