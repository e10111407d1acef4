import type {Scanner} from '@pipeguard/core'

/** The one registry of scanners, by CLI name. `scan` runs them in this order. */
export const SCANNERS: Record<string, Scanner> = {}

export const DEFAULT_SCAN_SCANNERS = ['secrets', 'deps', 'iac']
