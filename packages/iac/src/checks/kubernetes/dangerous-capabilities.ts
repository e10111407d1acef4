import type {Check} from '../../check'
import type {KubernetesDoc} from '../../parsers/kubernetes'
import {containers} from '../../parsers/kubernetes-workloads'
import {get, items, text} from '../../parsers/yaml-document'

/** Capabilities that give a container a path to the host or to other tenants' traffic. */
const DANGEROUS = new Set([
  'ALL',
  'SYS_ADMIN',
  'NET_ADMIN',
  'NET_RAW',
  'SYS_PTRACE',
  'SYS_MODULE',
  'DAC_READ_SEARCH',
  'BPF',
  'SYS_RAWIO'
])

export const dangerousCapabilities: Check<KubernetesDoc> = {
  id: 'PG-K8S-009',
  platform: 'kubernetes',
  severity: 'high',
  title: 'Container adds a dangerous Linux capability',
  description:
    'SYS_ADMIN, NET_ADMIN, NET_RAW, SYS_PTRACE, SYS_MODULE or ALL let a process mount filesystems, load kernel modules, spoof packets or trace other processes: most container escapes start here (CIS Kubernetes 5.2.8, 5.2.9).',
  remediation:
    'Remove the capability from `securityContext.capabilities.add`; add only narrow ones such as NET_BIND_SERVICE.',
  docs: 'https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline',
  aliases: ['CKV_K8S_25', 'CKV_K8S_39'],
  run: doc =>
    containers(doc).flatMap(c =>
      items(get(c.node, 'securityContext.capabilities.add')).flatMap(item => {
        const cap = (text(item) ?? '').toUpperCase().replace(/^CAP_/, '')
        return DANGEROUS.has(cap)
          ? [
              {
                line: item.line,
                resource: c.ref,
                message: `Container ${c.name} adds capability ${cap}`
              }
            ]
          : []
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
      securityContext:
        capabilities:
          add:
            - NET_BIND_SERVICE
            - SYS_ADMIN
`,
    lines: [13]
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
          add: [NET_BIND_SERVICE]
          drop: [ALL]
`
  }
}
