import type {Check} from '../../check'
import type {KubernetesDoc} from '../../parsers/kubernetes'
import {type ContainerKind, containers} from '../../parsers/kubernetes-workloads'
import {get, pairOf, type YamlNode} from '../../parsers/yaml-document'

type Declaration = Omit<Check<KubernetesDoc>, 'run'>

export interface RequiredSecurityContextCheck extends Declaration {
  /** The key in the container's own `securityContext` (these have no pod-level counterpart). */
  field: string
  /** Whether the value is the hardened one. */
  isSafe: (value: YamlNode) => boolean
  /** Which containers must set it (default: all, ephemeral ones included). */
  kinds?: ContainerKind[]
}

/**
 * A setting whose default is unsafe, so every container must set it: reported at the key when it
 * holds another value, at the container when it is missing.
 */
export function requiredSecurityContextCheck({
  field,
  isSafe,
  kinds,
  ...check
}: RequiredSecurityContextCheck): Check<KubernetesDoc> {
  return {
    ...check,
    run: doc =>
      containers(doc, kinds).flatMap(c => {
        const pair = pairOf(get(c.node, 'securityContext'), field)
        if (pair && isSafe(pair.value)) return []
        // Left at the default it is a hardening item; an explicit unsafe value is shown on its own.
        return [{line: pair ? pair.keyLine : c.line, resource: c.ref, hygiene: !pair}]
      })
  }
}

export interface ForbiddenSecurityContextCheck extends Declaration {
  field: string
  isUnsafe: (value: YamlNode) => boolean
}

/** A setting whose default is safe: only an explicit unsafe value is reported, at its key. */
export function forbiddenSecurityContextCheck({
  field,
  isUnsafe,
  ...check
}: ForbiddenSecurityContextCheck): Check<KubernetesDoc> {
  return {
    ...check,
    run: doc =>
      containers(doc).flatMap(c => {
        const pair = pairOf(get(c.node, 'securityContext'), field)
        return pair && isUnsafe(pair.value) ? [{line: pair.keyLine, resource: c.ref}] : []
      })
  }
}
