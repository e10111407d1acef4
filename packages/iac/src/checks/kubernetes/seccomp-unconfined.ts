import type {Check} from '../../check'
import type {KubernetesDoc} from '../../parsers/kubernetes'
import {podSpecs} from '../../parsers/kubernetes-workloads'
import {get, items, pairOf, pairs, text, type YamlNode} from '../../parsers/yaml-document'

function unconfined(context: YamlNode | undefined): number | undefined {
  const type = pairOf(get(context, 'seccompProfile'), 'type')
  return type && text(type.value) === 'Unconfined' ? type.keyLine : undefined
}

export const seccompUnconfined: Check<KubernetesDoc> = {
  id: 'PG-K8S-023',
  platform: 'kubernetes',
  severity: 'medium',
  title: 'Seccomp profile is Unconfined',
  description:
    'An Unconfined seccomp profile lets the container call every system call, including the rarely needed ones behind most kernel exploits (CIS Kubernetes 5.7.2).',
  remediation: 'Use `seccompProfile: {type: RuntimeDefault}` (or a Localhost profile).',
  docs: 'https://kubernetes.io/docs/tutorials/security/seccomp/',
  aliases: ['CKV_K8S_31'],
  run: doc =>
    podSpecs(doc).flatMap(pod => {
      const lines: number[] = []
      const podLine = unconfined(get(pod.spec, 'securityContext'))
      if (podLine) lines.push(podLine)
      for (const kind of ['containers', 'initContainers', 'ephemeralContainers']) {
        for (const c of items(get(pod.spec, kind))) {
          const line = unconfined(get(c, 'securityContext'))
          if (line) lines.push(line)
        }
      }
      // The legacy annotation form, still honoured by older clusters.
      for (const a of pairs(get(pod.object.node, 'metadata.annotations'))) {
        if (
          a.key.startsWith('seccomp.security.alpha.kubernetes.io/') &&
          text(a.value) === 'unconfined'
        )
          lines.push(a.keyLine)
      }
      return lines.map(line => ({line, resource: pod.object.ref}))
    }),
  fail: {
    fileName: 'pod.yaml',
    text: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  securityContext:
    seccompProfile:
      type: RuntimeDefault
  containers:
    - name: app
      image: nginx:1.27
      securityContext:
        seccompProfile:
          type: Unconfined
`,
    lines: [14]
  },
  pass: {
    fileName: 'pod.yaml',
    text: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  securityContext:
    seccompProfile:
      type: RuntimeDefault
  containers:
    - name: app
      image: nginx:1.27
`
  }
}
