import {beforeAll, describe, expect, it} from '@jest/globals'
import {CHECKS} from '../src/checks/index'
import {kubernetesParser} from '../src/parsers/kubernetes'

beforeAll(async () => {
  await kubernetesParser.init?.()
})

/** `line id` of every result of the given checks on a manifest, through the real parser. */
function lines(text: string, ids: string[]): string[] {
  const parsed = kubernetesParser.parse(text, 'manifest.yaml')
  if (!parsed.ok) throw new Error(parsed.error)
  return CHECKS.filter(c => ids.includes(c.id))
    .flatMap(c => c.run(parsed.doc).map(r => `${r.line} ${c.id}`))
    .sort()
}

const PRIVILEGED = `          securityContext:
            privileged: true`

describe('pod templates in every workload kind', () => {
  it.each([
    [
      'Knative Service',
      `apiVersion: serving.knative.dev/v1
kind: Service
metadata:
  name: hello
spec:
  template:
    spec:
      containers:
        - image: ghcr.io/knative/helloworld-go:1.0
${PRIVILEGED}
`,
      ['11 PG-K8S-001']
    ],
    [
      'Knative Revision (a PodSpec at spec)',
      `apiVersion: serving.knative.dev/v1
kind: Revision
metadata:
  name: hello-00001
spec:
  containers:
    - image: ghcr.io/knative/helloworld-go:1.0
      securityContext:
        privileged: true
`,
      ['9 PG-K8S-001']
    ],
    [
      'Argo Rollout',
      `apiVersion: argoproj.io/v1alpha1
kind: Rollout
metadata:
  name: web
spec:
  template:
    spec:
      containers:
        - name: web
          image: nginx:1.27
${PRIVILEGED}
`,
      ['12 PG-K8S-001']
    ],
    [
      'KEDA ScaledJob',
      `apiVersion: keda.sh/v1alpha1
kind: ScaledJob
metadata:
  name: worker
spec:
  jobTargetRef:
    template:
      spec:
        containers:
          - name: worker
            image: worker:2.0
            securityContext:
              privileged: true
`,
      ['13 PG-K8S-001']
    ]
  ])('%s', (_kind, text, expected) => {
    expect(lines(text, ['PG-K8S-001'])).toEqual(expected)
  })

  it('a core Service and a CRD schema that names `containers` hold no pod spec', () => {
    const text = `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  template:
    spec:
      containers:
        - image: nginx:1.27
          securityContext:
            privileged: true
---
apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata:
  name: widgets.example.com
spec:
  versions:
    - name: v1
      schema:
        openAPIV3Schema:
          properties:
            containers:
              type: array
`
    expect(lines(text, ['PG-K8S-001', 'PG-K8S-003'])).toEqual([])
  })
})

describe('run as root', () => {
  const pod = (context: string) => `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: app
      image: nginx:1.27
      securityContext:
${context}
`
  it('runAsNonRoot false with a non-zero runAsUser is not root', () => {
    expect(
      lines(pod('        runAsNonRoot: false\n        runAsUser: 1000'), ['PG-K8S-003'])
    ).toEqual([])
  })
  it('runAsNonRoot false with runAsUser 0 (or none) may be root', () => {
    expect(lines(pod('        runAsNonRoot: false\n        runAsUser: 0'), ['PG-K8S-003'])).toEqual(
      ['10 PG-K8S-003']
    )
    expect(lines(pod('        runAsNonRoot: false'), ['PG-K8S-003'])).toEqual(['10 PG-K8S-003'])
  })
})

describe('service account token', () => {
  const manifest = (automount: string, account: string) => `apiVersion: v1
kind: ServiceAccount
metadata:
  name: web
  namespace: shop
automountServiceAccountToken: ${automount}
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
spec:
  template:
    spec:
      serviceAccountName: ${account}
      containers:
        - name: app
          image: nginx:1.27
`
  it('a ServiceAccount that turns automounting off covers the pods that use it', () => {
    expect(lines(manifest('false', 'web'), ['PG-K8S-022'])).toEqual([])
  })
  it('another account, or one that leaves it on, does not', () => {
    expect(lines(manifest('false', 'other'), ['PG-K8S-022'])).toEqual(['15 PG-K8S-022'])
    expect(lines(manifest('true', 'web'), ['PG-K8S-022'])).toEqual(['15 PG-K8S-022'])
  })
})

describe('sysctls', () => {
  const pod = (name: string) => `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  securityContext:
    sysctls:
      - name: ${name}
        value: "1"
  containers:
    - name: app
      image: nginx:1.27
`
  it('a safe sysctl in slash form is safe', () => {
    expect(lines(pod('net/ipv4/ip_local_port_range'), ['PG-K8S-028'])).toEqual([])
  })
  it('an unsafe one is reported in either form', () => {
    expect(lines(pod('net/core/somaxconn'), ['PG-K8S-028'])).toEqual(['8 PG-K8S-028'])
    expect(lines(pod('net.core.somaxconn'), ['PG-K8S-028'])).toEqual(['8 PG-K8S-028'])
  })
})
