import type {Check} from '../../check'
import type {KubernetesDoc} from '../../parsers/kubernetes'
import {podSpecs} from '../../parsers/kubernetes-workloads'
import {isTrue, pairOf} from '../../parsers/yaml-document'

export interface PodHostNamespaceCheck extends Omit<Check<KubernetesDoc>, 'run'> {
  /** The pod spec flag that shares a host namespace with the pod. */
  field: 'hostIPC' | 'hostNetwork' | 'hostPID'
}

/** A pod that sets `hostIPC`, `hostNetwork` or `hostPID` to true, reported at that key. */
export function podHostNamespaceCheck({
  field,
  ...check
}: PodHostNamespaceCheck): Check<KubernetesDoc> {
  return {
    ...check,
    run: doc =>
      podSpecs(doc).flatMap(pod => {
        const pair = pairOf(pod.spec, field)
        return pair && isTrue(pair.value) ? [{line: pair.keyLine, resource: pod.object.ref}] : []
      })
  }
}
