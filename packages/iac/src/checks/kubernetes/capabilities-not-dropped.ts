import type {Check} from '../../check'
import type {KubernetesDoc} from '../../parsers/kubernetes'
import {containers} from '../../parsers/kubernetes-workloads'
import {get, items, pairOf, text} from '../../parsers/yaml-document'

export const capabilitiesNotDropped: Check<KubernetesDoc> = {
  id: 'PG-K8S-010',
  platform: 'kubernetes',
  hygiene: 'always',
  severity: 'low',
  title: 'Container does not drop all capabilities',
  description:
    'Container runtimes grant a default set of capabilities (NET_RAW, CHOWN, SETUID...) that most applications never need; each one widens what an exploit can do (CIS Kubernetes 5.2.9).',
  remediation:
    'Set `securityContext.capabilities.drop: [ALL]` and add back only what the process needs.',
  docs: 'https://kubernetes.io/docs/concepts/security/pod-security-standards/#restricted',
  aliases: ['CKV_K8S_37', 'CKV_K8S_28', 'drop-net-raw-capability'],
  run: doc =>
    containers(doc, ['containers', 'initContainers']).flatMap(c => {
      const capabilities = get(c.node, 'securityContext.capabilities')
      const drop = pairOf(capabilities, 'drop')
      if (items(drop?.value).some(item => (text(item) ?? '').toUpperCase() === 'ALL')) return []
      return [{line: drop ? drop.keyLine : c.line, resource: c.ref}]
    }),
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
      securityContext:
        capabilities:
          drop: [NET_RAW]
`,
    lines: [7, 13]
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
      securityContext:
        capabilities:
          drop:
            - ALL
`
  }
}
