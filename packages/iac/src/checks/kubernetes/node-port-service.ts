import type {Check} from '../../check'
import type {KubernetesDoc} from '../../parsers/kubernetes'
import {get, pairOf, text} from '../../parsers/yaml-document'

export const nodePortService: Check<KubernetesDoc> = {
  id: 'PG-K8S-026',
  platform: 'kubernetes',
  severity: 'low',
  title: 'Service is exposed as a NodePort',
  description:
    "A NodePort opens the port on every node of the cluster, often reachable from outside and not covered by the ingress controller's TLS and authentication.",
  remediation:
    'Use a ClusterIP Service behind an Ingress or a LoadBalancer with restricted source ranges.',
  docs: 'https://kubernetes.io/docs/concepts/services-networking/service/#type-nodeport',
  aliases: ['exposed-services'],
  run: doc =>
    doc.objects
      .filter(o => o.kind === 'Service')
      .flatMap(o => {
        const pair = pairOf(get(o.node, 'spec'), 'type')
        return pair && text(pair.value) === 'NodePort'
          ? [{line: pair.keyLine, resource: o.ref}]
          : []
      }),
  fail: {
    fileName: 'service.yaml',
    text: `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  type: NodePort
  selector:
    app: web
  ports:
    - port: 80
`,
    lines: [6]
  },
  pass: {
    fileName: 'service.yaml',
    text: `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  type: ClusterIP
  selector:
    app: web
  ports:
    - port: 80
`
  }
}
