import type {Check} from '../../check'
import type {KubernetesDoc} from '../../parsers/kubernetes'
import {containerResourceCheck} from './container-resource-check'

export const missingMemoryRequest: Check<KubernetesDoc> = containerResourceCheck({
  id: 'PG-K8S-015',
  platform: 'kubernetes',
  hygiene: 'always',
  severity: 'low',
  title: 'Container has no memory request',
  description:
    'Without a memory request the pod is BestEffort or Burstable and is evicted first when the node runs short of memory.',
  remediation:
    'Set `resources.requests.memory` on every container (a LimitRange can provide defaults per namespace).',
  docs: 'https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/',
  aliases: ['CKV_K8S_12', 'unset-memory-requirements'],
  setting: 'requests.memory',
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
        requests:
          memory: 128Mi
`
  }
})
