import {mkdirSync, readFileSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {parseOsvJson, type OsvRecord} from '../osv-schema'

/** Vulnerability details kept between runs; a record is reused only while its `modified` matches. */
export interface RecordCache {
  get(id: string, modified: string | undefined): OsvRecord | undefined
  set(record: OsvRecord): void
}

/**
 * A directory of `<id>.json` records (what the action saves with @actions/cache). Best-effort:
 * an unreadable or stale entry is a miss, a failed write is ignored.
 */
export function directoryCache(dir: string): RecordCache {
  const fileFor = (id: string): string => join(dir, `${id.replace(/[^A-Za-z0-9._-]/g, '_')}.json`)
  return {
    get(id, modified) {
      if (!modified) return undefined
      let text: string
      try {
        text = readFileSync(fileFor(id), 'utf8')
      } catch {
        return undefined
      }
      const parsed = parseOsvJson(text, fileFor(id))
      return parsed.ok && parsed.record.id === id && parsed.record.modified === modified
        ? parsed.record
        : undefined
    },
    set(record) {
      try {
        mkdirSync(dir, {recursive: true})
        writeFileSync(fileFor(record.id), JSON.stringify(record))
      } catch {
        // caching is an optimisation; the scan result does not depend on it
      }
    }
  }
}
