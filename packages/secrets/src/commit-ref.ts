import type {Finding} from '@pipeguard/core'

/** Who added a secret and when: core's commit reference on a finding. */
export type CommitRef = NonNullable<Finding['commit']>
