import type {Check} from '../../check'
import type {KubernetesDoc} from '../../parsers/kubernetes'
import {type PodSpec, podSpecs} from '../../parsers/kubernetes-workloads'
import {get, isFalse, pairOf, text} from '../../parsers/yaml-document'

/** `namespace/name` of the ServiceAccounts in the file that turn automounting off. */
function optedOut(doc: KubernetesDoc): Set<string> {
  return new Set(
    doc.objects
      .filter(
        o => o.kind === 'ServiceAccount' && isFalse(get(o.node, 'automountServiceAccountToken'))
      )
      .map(o => `${o.namespace ?? ''}/${o.name}`)
  )
}

function serviceAccountOf(pod: PodSpec): string {
  const name =
    text(get(pod.spec, 'serviceAccountName')) ?? text(get(pod.spec, 'serviceAccount')) ?? 'default'
  return `${pod.object.namespace ?? ''}/${name}`
}

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
  run: doc => {
    const off = optedOut(doc)
    return podSpecs(doc).flatMap(pod => {
      const pair = pairOf(pod.spec, 'automountServiceAccountToken')
      if (pair && isFalse(pair.value)) return []
      // The pod's own setting wins; without one, its ServiceAccount's applies.
      if (!pair && off.has(serviceAccountOf(pod))) return []
      return [{line: pair ? pair.keyLine : pod.line, resource: pod.object.ref}]
    })
  },
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
