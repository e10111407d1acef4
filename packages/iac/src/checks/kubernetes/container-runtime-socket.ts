import type {Check} from '../../check'
import type {KubernetesDoc} from '../../parsers/kubernetes'
import {podSpecs} from '../../parsers/kubernetes-workloads'
import {get, items, pairOf, text} from '../../parsers/yaml-document'

const RUNTIME_SOCKET =
  /(docker|containerd|crio|cri-dockerd)\.sock$|^\/var\/run\/docker$|^\/run\/containerd$/

export const containerRuntimeSocket: Check<KubernetesDoc> = {
  id: 'PG-K8S-029',
  platform: 'kubernetes',
  severity: 'critical',
  title: 'Pod mounts the container runtime socket',
  description:
    'Access to docker.sock or containerd.sock lets the pod start a privileged container on the node: it is root on the host (CIS Docker 5.31).',
  remediation:
    'Do not mount the runtime socket; build images with rootless tools (BuildKit rootless, kaniko) instead.',
  docs: 'https://kubernetes.io/docs/concepts/storage/volumes/#hostpath',
  aliases: ['CKV_K8S_27', 'docker-sock'],
  run: doc =>
    podSpecs(doc).flatMap(pod =>
      items(get(pod.spec, 'volumes')).flatMap(volume => {
        const pair = pairOf(get(volume, 'hostPath'), 'path')
        const path = text(pair?.value)
        return pair && path && RUNTIME_SOCKET.test(path.replace(/\/+$/, ''))
          ? [
              {
                line: pair.keyLine,
                resource: pod.object.ref,
                message: `Pod mounts the runtime socket ${path}`
              }
            ]
          : []
      })
    ),
  fail: {
    fileName: 'daemonset.yaml',
    text: `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: agent
spec:
  template:
    spec:
      containers:
        - name: agent
          image: datadog/agent:7.60.0
      volumes:
        - name: docker
          hostPath:
            path: /var/run/docker.sock
`,
    lines: [14]
  },
  pass: {
    fileName: 'daemonset.yaml',
    text: `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: agent
spec:
  template:
    spec:
      containers:
        - name: agent
          image: datadog/agent:7.60.0
      volumes:
        - name: logs
          hostPath:
            path: /var/log/pods
`
  }
}
