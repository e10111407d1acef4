import type {KubernetesDoc, KubernetesObject} from './kubernetes'
import {get, items, pairOf, pairs, text, type YamlMap, type YamlNode} from './yaml-document'

/** Where each built-in workload kind (core, apps, batch) keeps its pod template spec. */
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

/** Built-in API groups, whose kinds have the fixed paths above; other groups are CRDs. */
const BUILT_IN_API = /^(v1|(apps|batch|extensions)\/[\w]+)$/

/** How deep a custom resource is searched for embedded pod specs. */
const MAX_POD_SPEC_DEPTH = 8

/**
 * The pod specs of an object: at the fixed path of a built-in workload kind, or, in a custom
 * resource (Knative Service/Configuration/Revision, Argo Rollout, OpenKruise CloneSet, KEDA
 * ScaledJob...), every map whose `containers` is a list of containers with an image.
 */
export function podSpecsOf(object: KubernetesObject): PodSpec[] {
  if (BUILT_IN_API.test(object.apiVersion)) {
    const path = POD_SPEC_PATHS[object.kind]
    if (!path) return []
    const parent = get(object.node, path.slice(0, -1))
    const pair = pairOf(parent, path[path.length - 1]!)
    if (!pair || pair.value.kind !== 'map') return []
    return [{object, spec: pair.value, line: pair.keyLine}]
  }
  const found: PodSpec[] = []
  const walk = (node: YamlMap, line: number, depth: number) => {
    if (isPodSpec(node)) {
      found.push({object, spec: node, line})
      return
    }
    if (depth >= MAX_POD_SPEC_DEPTH) return
    for (const pair of pairs(node))
      if (pair.value.kind === 'map') walk(pair.value, pair.keyLine, depth + 1)
  }
  const spec = pairOf(object.node, 'spec')
  if (spec && spec.value.kind === 'map') walk(spec.value, spec.keyLine, 0)
  return found
}

function isPodSpec(node: YamlMap): boolean {
  const list = items(get(node, 'containers'))
  return list.length > 0 && list.every(c => c.kind === 'map' && get(c, 'image') !== undefined)
}

/** Computed once per document: every Kubernetes check starts from the pod specs. */
const podSpecCache = new WeakMap<KubernetesDoc, PodSpec[]>()

export function podSpecs(doc: KubernetesDoc): PodSpec[] {
  let specs = podSpecCache.get(doc)
  if (!specs) {
    specs = doc.objects.flatMap(o => podSpecsOf(o))
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
