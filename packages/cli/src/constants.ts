import {FailOnSchema} from '@pipeguard/core'

export const FAIL_ON_VALUES = FailOnSchema.options
export const MODES = ['enforce', 'audit'] as const

/** What `scan` runs without --scanners, in this order; the registry is in scanners.ts. */
export const DEFAULT_SCAN_SCANNERS = ['secrets', 'deps', 'iac']
