import type {Check} from '../../check'
import type {KubernetesDoc} from '../../parsers/kubernetes'
import {podSpecs} from '../../parsers/kubernetes-workloads'
import {isFalse, pairOf} from '../../parsers/yaml-document'

export const automountServiceAccountToken: Check<KubernetesDoc> = {
  id: 'PG-K8S-022',
  platform: 'kubernetes',
  hygiene: 'always',
  severity: 'low',
  title: 'Service account token is mounted automatically',
  description:
    "Every container gets an API token unless `automountServiceAccountToken: false`; most applications never call the Kubernetes API, and a stolen token is an attacker's first foothold in the cluster (CIS Kubernetes 5.1.6).",
  remediation:
    'Set `automountServiceAccountToken: false` in the pod spec (or on the ServiceAccount) unless the pod talks to the API.',
  docs: 'https://kubernetes.io/docs/tasks/configure-pod-container/configure-service-account/#opt-out-of-api-credential-automounting',
  aliases: ['CKV_K8S_38'],
  run: doc =>
    podSpecs(doc).flatMap(pod => {
      const pair = pairOf(pod.spec, 'automountServiceAccountToken')
      if (pair && isFalse(pair.value)) return []
      return [{line: pair ? pair.keyLine : pod.line, resource: pod.object.ref}]
    }),
  fail: {
    fileName: 'job.yaml',
    text: `apiVersion: batch/v1
kind: CronJob
metadata:
  name: report
spec:
  schedule: "0 3 * * *"
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: OnFailure
          containers:
            - name: report
              image: busybox:1.36
`,
    lines: [10]
  },
  pass: {
    fileName: 'job.yaml',
    text: `apiVersion: batch/v1
kind: CronJob
metadata:
  name: report
spec:
  schedule: "0 3 * * *"
  jobTemplate:
    spec:
      template:
        spec:
          automountServiceAccountToken: false
          restartPolicy: OnFailure
          containers:
            - name: report
              image: busybox:1.36
`
  }
}
