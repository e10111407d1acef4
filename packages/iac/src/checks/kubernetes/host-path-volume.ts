import type {Check} from '../../check'
import type {KubernetesDoc} from '../../parsers/kubernetes'
import {podSpecs} from '../../parsers/kubernetes-workloads'
import {get, items, pairOf, text} from '../../parsers/yaml-document'

export const hostPathVolume: Check<KubernetesDoc> = {
  id: 'PG-K8S-005',
  platform: 'kubernetes',
  severity: 'medium',
  title: 'Pod mounts a hostPath volume',
  description:
    "A hostPath volume exposes the node's filesystem to the pod; with write access it can plant binaries or read other pods' data and kubelet credentials.",
  remediation: 'Use a PersistentVolumeClaim, ConfigMap, Secret or emptyDir instead of hostPath.',
  docs: 'https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline',
  aliases: ['sensitive-host-mounts'],
  run: doc =>
    podSpecs(doc).flatMap(pod =>
      items(get(pod.spec, 'volumes')).flatMap(volume => {
        const pair = pairOf(volume, 'hostPath')
        if (!pair) return []
        const path = text(get(pair.value, 'path')) ?? ''
        return [
          {
            line: pair.keyLine,
            resource: pod.object.ref,
            message: `Pod mounts the host path ${path}`
          }
        ]
      })
    ),
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
  volumes:
    - name: logs
      hostPath:
        path: /var/log
`,
    lines: [11]
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
  volumes:
    - name: cache
      emptyDir: {}
`
  }
}
