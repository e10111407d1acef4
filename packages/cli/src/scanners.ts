import {dependencyScanner} from '@pipeguard/advisories'
import type {Scanner} from '@pipeguard/core'
import {iacScanner} from '@pipeguard/iac'
import {secretsScanner} from '@pipeguard/secrets'

/** The one registry of scanners, by CLI name (`scan` runs DEFAULT_SCAN_SCANNERS in that order). */
export const SCANNERS: Record<string, Scanner> = {
  secrets: secretsScanner,
  deps: dependencyScanner,
  iac: iacScanner
}
