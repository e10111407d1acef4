import type {Check} from '../../check'
import type {KubernetesDoc} from '../../parsers/kubernetes'
import {containers} from '../../parsers/kubernetes-workloads'
import {parseImageRef} from '../../parsers/container-image'
import {pairOf, text} from '../../parsers/yaml-document'

export const imageWithoutDigest: Check<KubernetesDoc> = {
  id: 'PG-K8S-017',
  platform: 'kubernetes',
  hygiene: 'always',
  severity: 'low',
  title: 'Container image is not pinned by digest',
  description:
    'Tags are mutable: whoever controls the registry can move `1.27` to another image. Only a digest names exact content.',
  remediation:
    'Reference the image by digest (`nginx:1.27.3@sha256:...`); tools such as Renovate keep digests current.',
  docs: 'https://kubernetes.io/docs/concepts/containers/images/#image-names',
  aliases: ['CKV_K8S_43'],
  run: doc =>
    containers(doc).flatMap(c => {
      const pair = pairOf(c.node, 'image')
      const image = text(pair?.value)
      return pair && image && !parseImageRef(image).digest
        ? [{line: pair.keyLine, resource: c.ref}]
        : []
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
    lines: [8]
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
      image: nginx:1.27@sha256:4b3f1cd1a5e1b7b7c4a3d7d4f0c4f0ea0f8f7d2b9a9c0e5b6e2b4a6c1d3e5f7a
`
  }
}
