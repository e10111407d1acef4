import {readFileSync, readdirSync} from 'node:fs'
import {dirname, join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {OsvRecordSchema, type OsvRecord} from '../src/osv-schema'

export const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..')
export const OSV_DIR = join(REPO_ROOT, 'test', 'fixtures', 'advisories', 'osv')
export const LOCKFILES_DIR = join(REPO_ROOT, 'test', 'fixtures', 'advisories', 'lockfiles')

/** A real OSV record from test/fixtures/advisories/osv, by id. */
export function osvRecord(id: string): OsvRecord {
  for (const ecosystem of readdirSync(OSV_DIR, {withFileTypes: true}).filter(e =>
    e.isDirectory()
  )) {
    try {
      return OsvRecordSchema.parse(
        JSON.parse(readFileSync(join(OSV_DIR, ecosystem.name, `${id}.json`), 'utf8'))
      )
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
    }
  }
  throw new Error(`no fixture record ${id}`)
}

/** Every fixture record, as raw JSON text by id. */
export function allOsvTexts(): Map<string, string> {
  const out = new Map<string, string>()
  for (const ecosystem of readdirSync(OSV_DIR, {withFileTypes: true})) {
    if (!ecosystem.isDirectory()) continue
    for (const file of readdirSync(join(OSV_DIR, ecosystem.name))) {
      out.set(
        file.replace(/\.json$/, ''),
        readFileSync(join(OSV_DIR, ecosystem.name, file), 'utf8')
      )
    }
  }
  return out
}
