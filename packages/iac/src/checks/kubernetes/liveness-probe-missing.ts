import type {Check} from '../../check'
import type {KubernetesDoc} from '../../parsers/kubernetes'
import {containerProbeCheck} from './container-probe-check'

export const missingLivenessProbe: Check<KubernetesDoc> = containerProbeCheck({
  id: 'PG-K8S-030',
  platform: 'kubernetes',
  hygiene: 'always',
  severity: 'low',
  title: 'Container has no liveness probe',
  description:
    'Without a liveness probe a hung process keeps receiving traffic and is never restarted.',
  remediation:
    'Add a `livenessProbe` (httpGet, tcpSocket, grpc or exec) to each long-running container.',
  docs: 'https://kubernetes.io/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/',
  aliases: ['CKV_K8S_8', 'no-liveness-probe'],
  probe: 'livenessProbe',
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
          livenessProbe:
            httpGet:
              path: /healthz
              port: 8080
`
  }
})
