import {IAC_PROFILES, SEVERITIES} from '@pipeguard/core'
import {FAIL_ON_VALUES} from '../constants'
import type {FlagSpec} from '../flags'

export const FORMAT_FLAG: FlagSpec = {
  name: 'format',
  short: 'f',
  type: 'string',
  value: 'FORMAT',
  description: 'table (default), json, sarif or markdown'
}
export const OUTPUT_FLAG: FlagSpec = {
  name: 'output',
  short: 'o',
  type: 'string',
  value: 'FILE',
  description: 'write the report to FILE instead of stdout'
}
export const CONFIG_FLAG: FlagSpec = {
  name: 'config',
  short: 'c',
  type: 'string',
  value: 'FILE',
  description: 'config file (default: .pipeguard.yml at PATH)'
}
export const FAIL_ON_FLAG: FlagSpec = {
  name: 'fail-on',
  type: 'string',
  value: 'LEVEL',
  description: `exit 1 on new findings at or above LEVEL: ${FAIL_ON_VALUES.join('|')} (default high)`
}
export const MODE_FLAG: FlagSpec = {
  name: 'mode',
  type: 'string',
  value: 'MODE',
  description: 'enforce (default) or audit (report, never fail)'
}
export const BASELINE_FLAG: FlagSpec = {
  name: 'baseline',
  type: 'string',
  value: 'FILE',
  description: 'findings in this baseline are reported as existing and never fail'
}
export const ADVISORY_DB_FLAG: FlagSpec = {
  name: 'advisory-db',
  type: 'string',
  value: 'PATH',
  description: 'offline OSV records: a directory of OSV JSON files or all.zip files'
}
export const OSV_URL_FLAG: FlagSpec = {
  name: 'osv-url',
  type: 'string',
  value: 'URL',
  description: 'OSV API base URL (default https://api.osv.dev)'
}
export const HISTORY_FLAG: FlagSpec = {
  name: 'history',
  type: 'boolean',
  description: 'secrets: scan git history (--history=BASE..HEAD for a range)'
}
export const STAGED_FLAG: FlagSpec = {
  name: 'staged',
  type: 'boolean',
  description: 'secrets: scan only staged changes (pre-commit)'
}
export const SCANNERS_FLAG: FlagSpec = {
  name: 'scanners',
  type: 'string',
  value: 'LIST',
  description: 'comma-separated scanners to run: secrets,deps,iac (default all)'
}
export const SBOM_FLAG: FlagSpec = {
  name: 'sbom',
  type: 'string',
  value: 'FILE',
  description:
    "also write an SBOM to FILE, in the config's sbom.format and sbom.spec-version (default CycloneDX 1.6)"
}
export const LIST_FLAG: FlagSpec = {
  name: 'list',
  type: 'boolean',
  description: 'print the dependency inventory instead of auditing it'
}
export const JOBS_FLAG: FlagSpec = {
  name: 'jobs',
  short: 'j',
  type: 'string',
  value: 'N',
  description: 'worker threads scanning files (default: one per available core)'
}
export const PROFILE_FLAG: FlagSpec = {
  name: 'profile',
  type: 'string',
  value: 'PROFILE',
  description: `iac: ${IAC_PROFILES.join(' or ')}; default rolls hardening items into one finding per resource`
}
export const VERBOSE_FLAG: FlagSpec = {
  name: 'verbose',
  short: 'v',
  type: 'boolean',
  description: 'table: show how to fix each finding under it'
}
export const SHOW_FLAG: FlagSpec = {
  name: 'show',
  type: 'string',
  value: 'LEVEL',
  description: `table: list only findings at or above LEVEL (${SEVERITIES.join('|')}); the gate still counts all`
}
