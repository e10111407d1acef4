import {describe, expect, it} from '@jest/globals'
import {kubernetesParser, type KubernetesDoc} from '../src/parsers/kubernetes'
import {containers, podSpecs} from '../src/parsers/kubernetes-workloads'

function parse(source: string): KubernetesDoc {
  const outcome = kubernetesParser.parse(source, 'k8s.yaml')
  if (!outcome.ok) throw new Error(outcome.error)
  return outcome.doc
}

const WORKLOADS = `apiVersion: v1
kind: Pod
metadata: {name: pod}
spec:
  containers: [{name: a, image: x:1}]
  initContainers: [{name: init, image: x:1}]
  ephemeralContainers: [{name: debug, image: x:1}]
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: deploy}
spec:
  template:
    spec:
      containers: [{name: b, image: x:1}]
---
apiVersion: apps/v1
kind: StatefulSet
metadata: {name: sts}
spec: {template: {spec: {containers: [{name: c, image: x:1}]}}}
---
apiVersion: apps/v1
kind: DaemonSet
metadata: {name: ds}
spec: {template: {spec: {containers: [{name: d, image: x:1}]}}}
---
apiVersion: apps/v1
kind: ReplicaSet
metadata: {name: rs}
spec: {template: {spec: {containers: [{name: e, image: x:1}]}}}
---
apiVersion: batch/v1
kind: Job
metadata: {name: job}
spec: {template: {spec: {containers: [{name: f, image: x:1}]}}}
---
apiVersion: batch/v1
kind: CronJob
metadata: {name: cron}
spec:
  jobTemplate:
    spec:
      template:
        spec:
          containers: [{name: g, image: x:1}]
---
apiVersion: v1
kind: ConfigMap
metadata: {name: settings}
data: {a: b}
`

describe('kubernetesParser', () => {
  it('claims .yaml/.yml files whose content has apiVersion and kind, not unrendered Helm templates', () => {
    expect(kubernetesParser.fileRequired('deploy/app.yaml')).toBe(true)
    expect(kubernetesParser.fileRequired('deploy/app.json')).toBe(false)
    expect(kubernetesParser.detect!('apiVersion: v1\nkind: Pod\n', 'a.yaml')).toBe(true)
    expect(kubernetesParser.detect!('services:\n  web: {}\n', 'a.yaml')).toBe(false)
    expect(
      kubernetesParser.detect!(
        'apiVersion: v1\nkind: Pod\nmetadata:\n  name: {{ .Values.name }}\n',
        'templates/pod.yaml'
      )
    ).toBe(false)
  })

  it('extracts the pod spec of every workload kind, including CronJob job templates', () => {
    const doc = parse(WORKLOADS)
    expect(doc.objects.map(o => o.ref)).toEqual([
      'Pod/pod',
      'Deployment/deploy',
      'StatefulSet/sts',
      'DaemonSet/ds',
      'ReplicaSet/rs',
      'Job/job',
      'CronJob/cron',
      'ConfigMap/settings'
    ])
    expect(podSpecs(doc).map(p => [p.object.kind, p.line])).toEqual([
      ['Pod', 4],
      ['Deployment', 14],
      ['StatefulSet', 20],
      ['DaemonSet', 25],
      ['ReplicaSet', 30],
      ['Job', 35],
      ['CronJob', 44]
    ])
    expect(containers(doc).map(c => `${c.kind}:${c.name}`)).toEqual([
      'containers:a',
      'initContainers:init',
      'ephemeralContainers:debug',
      'containers:b',
      'containers:c',
      'containers:d',
      'containers:e',
      'containers:f',
      'containers:g'
    ])
  })

  it('unwraps kind: List items and keeps their lines', () => {
    const doc = parse(`apiVersion: v1
kind: List
items:
  - apiVersion: v1
    kind: Service
    metadata: {name: web, namespace: shop}
  - apiVersion: v1
    kind: Secret
    metadata: {name: creds}
`)
    expect(doc.objects.map(o => [o.ref, o.namespace, o.line])).toEqual([
      ['Service/web', 'shop', 4],
      ['Secret/creds', undefined, 7]
    ])
  })

  it('returns an error naming the line for invalid YAML and never throws on garbage', () => {
    const outcome = kubernetesParser.parse(
      'apiVersion: v1\nkind: Pod\nspec:\n  containers: [\n',
      'bad.yaml'
    )
    expect(outcome.ok).toBe(false)
    if (!outcome.ok) expect(outcome.error).toMatch(/^invalid YAML at line \d+/)
    for (const garbage of ['- - - :\n::', '{{{', '\u0000\u0001', 'a: "unterminated', '? [a\n: b']) {
      expect(() => kubernetesParser.parse(garbage, 'x.yaml')).not.toThrow()
    }
  })
})
