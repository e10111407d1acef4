import type {Check} from '../../check'
import type {KubernetesDoc} from '../../parsers/kubernetes'
import {containers, LONG_RUNNING_KINDS} from '../../parsers/kubernetes-workloads'
import {pairOf} from '../../parsers/yaml-document'

export interface ContainerProbeCheck extends Omit<Check<KubernetesDoc>, 'run'> {
  probe: 'livenessProbe' | 'readinessProbe'
}

/**
 * A container of a long-running workload (Deployment, StatefulSet...) without the probe. Jobs and
 * CronJobs run to completion and bare Pods are one-offs, so they are left out; init and ephemeral
 * containers cannot have probes.
 */
export function containerProbeCheck({probe, ...check}: ContainerProbeCheck): Check<KubernetesDoc> {
  return {
    ...check,
    run: doc =>
      containers(doc, ['containers']).flatMap(c =>
        LONG_RUNNING_KINDS.has(c.pod.object.kind) && !pairOf(c.node, probe)
          ? [{line: c.line, resource: c.ref}]
          : []
      )
  }
}
