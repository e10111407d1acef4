import type {Check} from '../../check'
import type {KubernetesDoc} from '../../parsers/kubernetes'
import {containers} from '../../parsers/kubernetes-workloads'
import {get, pairOf} from '../../parsers/yaml-document'

export interface ContainerResourceCheck extends Omit<Check<KubernetesDoc>, 'run'> {
  /** The setting under `resources` every container must have, e.g. `limits.cpu`. */
  setting: `${'limits' | 'requests'}.${'cpu' | 'memory'}`
}

/**
 * A container that lacks a CPU or memory request or limit. Ephemeral (debug) containers cannot
 * declare resources, so only regular and init containers count. The finding points at the
 * `resources:` key when there is one (the setting belongs there), else at the container.
 */
export function containerResourceCheck({
  setting,
  ...check
}: ContainerResourceCheck): Check<KubernetesDoc> {
  return {
    ...check,
    run: doc =>
      containers(doc, ['containers', 'initContainers']).flatMap(c => {
        if (get(c.node, `resources.${setting}`)) return []
        const resources = pairOf(c.node, 'resources')
        return [{line: resources ? resources.keyLine : c.line, resource: c.ref}]
      })
  }
}
