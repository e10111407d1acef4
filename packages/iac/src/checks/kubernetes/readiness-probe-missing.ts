import type {Check} from '../../check'
import type {KubernetesDoc} from '../../parsers/kubernetes'
import {containerProbeCheck} from './container-probe-check'

export const missingReadinessProbe: Check<KubernetesDoc> = containerProbeCheck({
  id: 'PG-K8S-031',
  platform: 'kubernetes',
  hygiene: 'always',
  severity: 'info',
  title: 'Container has no readiness probe',
  description:
    'Without a readiness probe traffic reaches the container before it can serve, and during rollouts broken versions take requests.',
  remediation:
    'Add a `readinessProbe` (httpGet, tcpSocket, grpc or exec) to each long-running container.',
  docs: 'https://kubernetes.io/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/',
  aliases: ['CKV_K8S_9', 'no-readiness-probe'],
  probe: 'readinessProbe',
  fail: {
    fileName: 'deployment.yaml',
    text: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    spec:
      containers:
        - name: app
          image: nginx:1.27
`,
    lines: [9]
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
      containers:
        - name: app
          image: nginx:1.27
          readinessProbe:
            httpGet:
              path: /healthz
              port: 8080
`
  }
})
