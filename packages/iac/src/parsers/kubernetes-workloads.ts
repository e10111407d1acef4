import type {KubernetesDoc, KubernetesObject} from './kubernetes'
import {get, items, pairOf, text, type YamlMap, type YamlNode} from './yaml-document'

/** Where each workload kind keeps its pod template spec. */
const POD_SPEC_PATHS: Record<string, string[]> = {
  Pod: ['spec'],
  PodTemplate: ['template', 'spec'],
  Deployment: ['spec', 'template', 'spec'],
  StatefulSet: ['spec', 'template', 'spec'],
  DaemonSet: ['spec', 'template', 'spec'],
  ReplicaSet: ['spec', 'template', 'spec'],
  ReplicationController: ['spec', 'template', 'spec'],
  Job: ['spec', 'template', 'spec'],
  CronJob: ['spec', 'jobTemplate', 'spec', 'template', 'spec']
}

/** Workloads that run for a long time and so are expected to have health probes. */
export const LONG_RUNNING_KINDS = new Set([
  'Deployment',
  'StatefulSet',
  'DaemonSet',
  'ReplicaSet',
  'ReplicationController'
])

export type ContainerKind = 'containers' | 'initContainers' | 'ephemeralContainers'

export interface PodSpec {
  object: KubernetesObject
  spec: YamlMap
  /** Line of the `spec:` key that holds the pod spec. */
  line: number
}

export interface ContainerRef {
  pod: PodSpec
  kind: ContainerKind
  name: string
  node: YamlMap
  line: number
  /** `Deployment/web container app`, the finding's resource. */
  ref: string
}

export function podSpecOf(object: KubernetesObject): PodSpec | undefined {
  const path = POD_SPEC_PATHS[object.kind]
  if (!path) return undefined
  const parent = get(object.node, path.slice(0, -1))
  const pair = pairOf(parent, path[path.length - 1]!)
  if (!pair || pair.value.kind !== 'map') return undefined
  return {object, spec: pair.value, line: pair.keyLine}
}

/** Computed once per document: every Kubernetes check starts from the pod specs. */
const podSpecCache = new WeakMap<KubernetesDoc, PodSpec[]>()

export function podSpecs(doc: KubernetesDoc): PodSpec[] {
  let specs = podSpecCache.get(doc)
  if (!specs) {
    specs = doc.objects.flatMap(o => podSpecOf(o) ?? [])
    podSpecCache.set(doc, specs)
  }
  return specs
}

export function containersOf(
  pod: PodSpec,
  kinds: ContainerKind[] = ['containers', 'initContainers', 'ephemeralContainers']
): ContainerRef[] {
  const found: ContainerRef[] = []
  for (const kind of kinds) {
    for (const node of items(get(pod.spec, kind))) {
      if (node.kind !== 'map') continue
      const name = text(get(node, 'name')) ?? '(unnamed)'
      found.push({
        pod,
        kind,
        name,
        node,
        line: node.line,
        ref: `${pod.object.ref} container ${name}`
      })
    }
  }
  return found
}

export function containers(doc: KubernetesDoc, kinds?: ContainerKind[]): ContainerRef[] {
  return podSpecs(doc).flatMap(pod => containersOf(pod, kinds))
}

/**
 * A security-context setting as it applies to a container: its own value wins over the pod's
 * (`runAsNonRoot`, `runAsUser`, `seccompProfile` exist at both levels).
 */
export function effectiveSecurityContext(
  container: ContainerRef,
  key: string
): {node: YamlNode; line: number} | undefined {
  for (const context of [
    get(container.node, 'securityContext'),
    get(container.pod.spec, 'securityContext')
  ]) {
    const pair = pairOf(context, key)
    if (pair) return {node: pair.value, line: pair.keyLine}
  }
  return undefined
}
