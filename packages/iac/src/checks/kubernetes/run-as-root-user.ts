import type {Check} from '../../check'
import type {KubernetesDoc} from '../../parsers/kubernetes'
import {containers, effectiveSecurityContext} from '../../parsers/kubernetes-workloads'
import {text} from '../../parsers/yaml-document'

export const runAsRootUser: Check<KubernetesDoc> = {
  id: 'PG-K8S-004',
  platform: 'kubernetes',
  severity: 'high',
  title: 'Container runs as UID 0',
  description:
    '`runAsUser: 0` explicitly runs the process as root, overriding a non-root USER in the image (CIS Kubernetes 5.2.7).',
  remediation: 'Use a non-zero `runAsUser` (for example 10001) and `runAsNonRoot: true`.',
  docs: 'https://kubernetes.io/docs/concepts/security/pod-security-standards/#restricted',
  aliases: ['CKV_K8S_40'],
  run: doc =>
    containers(doc).flatMap(c => {
      const setting = effectiveSecurityContext(c, 'runAsUser')
      return setting && text(setting.node) === '0' ? [{line: setting.line, resource: c.ref}] : []
    }),
  fail: {
    fileName: 'pod.yaml',
    text: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  securityContext:
    runAsUser: 0
  containers:
    - name: app
      image: nginx:1.27
    - name: agent
      image: datadog/agent:7.60.0
      securityContext:
        runAsUser: 10001
`,
    lines: [7]
  },
  pass: {
    fileName: 'pod.yaml',
    text: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  securityContext:
    runAsUser: 10001
  containers:
    - name: app
      image: nginx:1.27
`
  }
}
