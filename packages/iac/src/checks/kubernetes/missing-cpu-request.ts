import type {Check} from '../../check'
import type {KubernetesDoc} from '../../parsers/kubernetes'
import {containerResourceCheck} from './container-resource-check'

export const missingCpuRequest: Check<KubernetesDoc> = containerResourceCheck({
  id: 'PG-K8S-014',
  platform: 'kubernetes',
  hygiene: 'always',
  severity: 'low',
  title: 'Container has no CPU request',
  description:
    'Without a CPU request the scheduler cannot place the pod sensibly and it is the first to be throttled under contention.',
  remediation:
    'Set `resources.requests.cpu` on every container (a LimitRange can provide defaults per namespace).',
  docs: 'https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/',
  aliases: ['CKV_K8S_10', 'unset-cpu-requirements'],
  setting: 'requests.cpu',
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
          cpu: 100m
`
  }
})
