import type {FileError} from '@pipeguard/core'
import type {PackageVersion} from '../match'
import type {OsvRecord} from '../osv-schema'

/** What a source answers: for each queried package (same order), the records that may affect it. */
export interface SourceAnswer {
  records: OsvRecord[][]
  /** Records that could not be read or failed the schema; the rest still count. */
  errors: FileError[]
  /** Facts for the report ("OSV API: 3 requests"). */
  notes: string[]
}

/**
 * Where advisories come from (OSV API, offline database). A source may over-answer; the exact
 * version match is always redone locally by `match.ts`. A source that cannot answer throws a
 * ConfigError: a scan that did not happen is never reported as clean.
 */
export interface AdvisorySource {
  name: string
  query(packages: PackageVersion[]): Promise<SourceAnswer>
  /**
   * Records by id, for aliases of an unrated advisory that the query did not return. Best-effort:
   * an id the source does not hold or cannot fetch is left out and said in `notes` (its advisory
   * then keeps the configured unknown severity), never an error of the scan.
   */
  lookupIds?(ids: string[]): Promise<IdLookup>
}

export interface IdLookup {
  records: OsvRecord[]
  notes: string[]
}
