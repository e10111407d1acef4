import type {Check} from '../../check'
import type {KubernetesDoc} from '../../parsers/kubernetes'
import {containers} from '../../parsers/kubernetes-workloads'
import {get, items, pairOf, text} from '../../parsers/yaml-document'

export const hostPort: Check<KubernetesDoc> = {
  id: 'PG-K8S-025',
  platform: 'kubernetes',
  severity: 'medium',
  title: 'Container binds a host port',
  description:
    "A hostPort exposes the container directly on the node's address, bypassing Services and network policies, and limits where the pod can be scheduled.",
  remediation: 'Remove `hostPort` and expose the container through a Service.',
  docs: 'https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline',
  aliases: ['CKV_K8S_26'],
  run: doc =>
    containers(doc).flatMap(c =>
      items(get(c.node, 'ports')).flatMap(port => {
        const pair = pairOf(port, 'hostPort')
        const value = text(pair?.value)
        return pair && value && value !== '0' ? [{line: pair.keyLine, resource: c.ref}] : []
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
      ports:
        - containerPort: 80
          hostPort: 80
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
      ports:
        - containerPort: 80
`
  }
}
