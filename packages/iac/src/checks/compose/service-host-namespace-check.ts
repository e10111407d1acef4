import type {Check} from '../../check'
import type {ComposeDoc} from '../../parsers/compose'
import {pairOf, text} from '../../parsers/yaml-document'

export interface ServiceHostNamespaceCheck extends Omit<Check<ComposeDoc>, 'run'> {
  /** The service key that joins a host namespace when set to `host`. */
  field: 'network_mode' | 'pid'
}

/** A service with `network_mode: host` or `pid: host`, reported at that key. */
export function serviceHostNamespaceCheck({
  field,
  ...check
}: ServiceHostNamespaceCheck): Check<ComposeDoc> {
  return {
    ...check,
    run: doc =>
      doc.services.flatMap(s => {
        const pair = pairOf(s.node, field)
        return pair && text(pair.value) === 'host' ? [{line: pair.keyLine, resource: s.ref}] : []
      })
  }
}
