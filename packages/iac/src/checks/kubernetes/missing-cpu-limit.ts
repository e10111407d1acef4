import type {Check} from '../../check'
import type {KubernetesDoc} from '../../parsers/kubernetes'
import {containerResourceCheck} from './container-resource-check'

export const missingCpuLimit: Check<KubernetesDoc> = containerResourceCheck({
  id: 'PG-K8S-012',
  platform: 'kubernetes',
  hygiene: 'always',
  severity: 'medium',
  title: 'Container has no CPU limit',
  description:
    'Without a CPU limit one container can starve every other workload on the node (a noisy neighbour or a crypto-miner after compromise).',
  remediation:
    'Set `resources.limits.cpu` on every container (a LimitRange can provide defaults per namespace).',
  docs: 'https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/',
  aliases: ['CKV_K8S_11', 'unset-cpu-requirements'],
  setting: 'limits.cpu',
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
          cpu: 500m
`
  }
})
