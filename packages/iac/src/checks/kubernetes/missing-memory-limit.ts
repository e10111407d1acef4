import type {Check} from '../../check'
import type {KubernetesDoc} from '../../parsers/kubernetes'
import {containerResourceCheck} from './container-resource-check'

export const missingMemoryLimit: Check<KubernetesDoc> = containerResourceCheck({
  id: 'PG-K8S-013',
  platform: 'kubernetes',
  hygiene: 'always',
  severity: 'medium',
  title: 'Container has no memory limit',
  description:
    'Without a memory limit a leak or an attack can exhaust node memory and get other pods OOM-killed.',
  remediation:
    'Set `resources.limits.memory` on every container (a LimitRange can provide defaults per namespace).',
  docs: 'https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/',
  aliases: ['CKV_K8S_13', 'unset-memory-requirements'],
  setting: 'limits.memory',
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
      resources: {}
`,
    lines: [7, 11]
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
      resources:
        limits:
          memory: 256Mi
`
  }
})
