import type {Check} from '../../check'
import type {KubernetesDoc} from '../../parsers/kubernetes'
import {containers, effectiveSecurityContext} from '../../parsers/kubernetes-workloads'
import {get, pairs} from '../../parsers/yaml-document'

export const seccompProfileMissing: Check<KubernetesDoc> = {
  id: 'PG-K8S-024',
  platform: 'kubernetes',
  hygiene: 'always',
  severity: 'low',
  title: 'No seccomp profile is set',
  description:
    'Without a seccomp profile most runtimes run the container unconfined, with every system call available to an exploit (CIS Kubernetes 5.7.2).',
  remediation: 'Set `securityContext.seccompProfile.type: RuntimeDefault` in the pod spec.',
  docs: 'https://kubernetes.io/docs/tutorials/security/seccomp/',
  aliases: ['CKV_K8S_31'],
  run: doc =>
    containers(doc, ['containers', 'initContainers']).flatMap(c => {
      if (effectiveSecurityContext(c, 'seccompProfile')) return []
      const annotations = pairs(get(c.pod.object.node, 'metadata.annotations'))
      if (annotations.some(a => a.key.startsWith('seccomp.security.alpha.kubernetes.io/')))
        return []
      return [{line: c.line, resource: c.ref}]
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
  containers:
    - name: app
      image: nginx:1.27
      securityContext:
        seccompProfile:
          type: RuntimeDefault
`
  }
}
