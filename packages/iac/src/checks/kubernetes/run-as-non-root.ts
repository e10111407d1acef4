import type {Check} from '../../check'
import type {KubernetesDoc} from '../../parsers/kubernetes'
import {containers, effectiveSecurityContext} from '../../parsers/kubernetes-workloads'
import {isTrue} from '../../parsers/yaml-document'

export const runAsNonRoot: Check<KubernetesDoc> = {
  id: 'PG-K8S-003',
  platform: 'kubernetes',
  hygiene: 'when-unset',
  severity: 'medium',
  title: 'Container may run as root',
  description:
    'Without `runAsNonRoot: true` the kubelet starts the container as whatever user the image declares, often root; a container breakout then lands as root on the node (CIS Kubernetes 5.2.7).',
  remediation:
    'Set `securityContext.runAsNonRoot: true` on the pod or on each container (and a non-zero `runAsUser`).',
  docs: 'https://kubernetes.io/docs/concepts/security/pod-security-standards/#restricted',
  aliases: ['CKV_K8S_23', 'run-as-non-root'],
  run: doc =>
    containers(doc).flatMap(c => {
      const setting = effectiveSecurityContext(c, 'runAsNonRoot')
      if (setting && isTrue(setting.node)) return []
      // A fixed non-zero UID is not root, whatever runAsNonRoot says (false only skips the check).
      const user = effectiveSecurityContext(c, 'runAsUser')
      if (user && user.node.kind === 'scalar' && Number(user.node.value) > 0) return []
      return [{line: setting ? setting.line : c.line, resource: c.ref, hygiene: !setting}]
    }),
  fail: {
    fileName: 'pod.yaml',
    text: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  securityContext:
    runAsNonRoot: true
  containers:
    - name: app
      image: nginx:1.27
      securityContext:
        runAsNonRoot: false
  initContainers:
    - name: init
      image: busybox:1.36
`,
    lines: [12]
  },
  pass: {
    fileName: 'pod.yaml',
    text: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  securityContext:
    runAsNonRoot: true
  containers:
    - name: app
      image: nginx:1.27
`
  }
}
