import type {Check} from '../../check'
import type {KubernetesDoc} from '../../parsers/kubernetes'
import {containers} from '../../parsers/kubernetes-workloads'
import {isFloatingImage} from '../../parsers/container-image'
import {pairOf, text} from '../../parsers/yaml-document'

export const imageTagNotPinned: Check<KubernetesDoc> = {
  id: 'PG-K8S-016',
  platform: 'kubernetes',
  severity: 'medium',
  title: 'Container image uses the latest tag or no tag',
  description:
    'A floating tag means every restart may pull different code: builds are not reproducible and a compromised upstream image is deployed silently.',
  remediation:
    'Pin the image to a version tag and preferably a digest (`nginx:1.27.3@sha256:...`).',
  docs: 'https://kubernetes.io/docs/concepts/containers/images/#image-names',
  aliases: ['CKV_K8S_14', 'latest-tag'],
  run: doc =>
    containers(doc).flatMap(c => {
      const pair = pairOf(c.node, 'image')
      const image = text(pair?.value)
      return pair && image && isFloatingImage(image)
        ? [
            {
              line: pair.keyLine,
              resource: c.ref,
              message: `Image ${image} is not pinned to a version`
            }
          ]
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
      image: nginx:latest
    - name: proxy
      image: registry.example.com:5000/envoy
`,
    lines: [8, 10]
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
    - name: proxy
      image: registry.example.com:5000/envoy@sha256:4b3f1cd1a5e1b7b7c4a3d7d4f0c4f0ea0f8f7d2b9a9c0e5b6e2b4a6c1d3e5f7a
`
  }
}
