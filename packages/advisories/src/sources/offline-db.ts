import {readFile, readdir, stat} from 'node:fs/promises'
import {join, relative} from 'node:path'
import {ConfigError, toPosix, type FileError} from '@pipeguard/core'
import {unzipSync} from 'fflate'
import {baseEcosystem, type PackageVersion} from '../match'
import {parseOsvRecord, type OsvRecord} from '../osv-schema'
import {schemeFor} from '../versions/index'
import type {AdvisorySource, IdLookup, SourceAnswer} from './source'

interface Entry {
  raw: unknown
  source: string
  /** Validated on first lookup: undefined = not yet, null = failed the schema (reported once). */
  record?: OsvRecord | null
}

/**
 * Records indexed by `ecosystem\0normalized name` for constant-time lookup per package. A record
 * is indexed from its raw JSON and validated against the schema when a package first needs it:
 * a database has far more records than a project has candidates, and a bad record still
 * becomes an error naming its file as soon as it matters.
 */
export class OfflineIndex {
  private readonly byPackage = new Map<string, Entry[]>()
  private readonly byId = new Map<string, Entry>()
  readonly errors: FileError[] = []
  count = 0

  /** Indexes one record's JSON; a record without an id or any affected package is an error now. */
  addRaw(raw: unknown, source: string): void {
    const names = affectedPackages(raw)
    if (!names) {
      const parsed = parseOsvRecord(raw, source)
      if (!parsed.ok) return void this.errors.push(parsed.error)
      // Affects no package, but may still rate an alias of one that does.
      this.count++
      this.byId.set(parsed.record.id, {raw: undefined, source, record: parsed.record})
      return
    }
    this.count++
    const entry: Entry = {raw, source}
    this.byId.set((raw as {id: string}).id, entry)
    for (const key of names) {
      const list = this.byPackage.get(key)
      if (list) list.push(entry)
      else this.byPackage.set(key, [entry])
    }
  }

  add(record: OsvRecord): void {
    this.addRaw(record, record.id)
  }

  lookup(pkg: PackageVersion): OsvRecord[] {
    const scheme = schemeFor(pkg.ecosystem)
    const entries =
      this.byPackage.get(
        indexKey(pkg.ecosystem, scheme ? scheme.normalizeName(pkg.name) : pkg.name)
      ) ?? []
    return entries.map(entry => this.validated(entry)).filter((r): r is OsvRecord => !!r)
  }

  /** The record with this id, if the database holds a valid one. */
  lookupId(id: string): OsvRecord | undefined {
    const entry = this.byId.get(id)
    return entry ? this.validated(entry) : undefined
  }

  private validated(entry: Entry): OsvRecord | undefined {
    if (entry.record === undefined) {
      const parsed = parseOsvRecord(entry.raw, entry.source)
      entry.record = parsed.ok ? parsed.record : null
      if (!parsed.ok) this.errors.push(parsed.error)
      entry.raw = undefined
    }
    return entry.record ?? undefined
  }
}

/** The index keys of a raw record's affected packages, or undefined when it has none to index. */
function affectedPackages(raw: unknown): Set<string> | undefined {
  const record = raw as {id?: unknown; affected?: unknown}
  if (!record || typeof record.id !== 'string' || !Array.isArray(record.affected)) return undefined
  const keys = new Set<string>()
  for (const affected of record.affected as Array<{
    package?: {ecosystem?: unknown; name?: unknown}
  }>) {
    const pkg = affected?.package
    if (typeof pkg?.ecosystem !== 'string' || typeof pkg.name !== 'string') continue
    const ecosystem = baseEcosystem(pkg.ecosystem)
    const scheme = schemeFor(ecosystem)
    keys.add(indexKey(ecosystem, scheme ? scheme.normalizeName(pkg.name) : pkg.name))
  }
  return keys.size ? keys : undefined
}

const indexKey = (ecosystem: string, name: string): string => `${ecosystem}\0${name}`

/**
 * Reads a directory of OSV JSON files (recursively) and OSV `all.zip` exports, or one such file.
 * Bad records become errors naming the file (and the zip entry); the rest are indexed.
 */
export async function loadOfflineIndex(path: string): Promise<OfflineIndex> {
  let info
  try {
    info = await stat(path)
  } catch {
    throw new ConfigError(
      `the advisory database ${path} does not exist; give --advisory-db a directory of OSV JSON files or OSV all.zip files`
    )
  }
  const index = new OfflineIndex()
  const files = info.isDirectory() ? await listFiles(path) : [path]
  const root = info.isDirectory() ? path : join(path, '..')
  for (const file of files) {
    const shown = toPosix(relative(root, file)) || file
    if (file.endsWith('.zip')) {
      let entries: Record<string, Uint8Array>
      try {
        entries = unzipSync(await readFile(file), {filter: entry => entry.name.endsWith('.json')})
      } catch (error) {
        index.errors.push({
          path: shown,
          message: `not a readable zip archive: ${(error as Error).message}`
        })
        continue
      }
      const decoder = new TextDecoder()
      for (const [name, bytes] of Object.entries(entries))
        addText(index, decoder.decode(bytes), `${shown}:${name}`)
    } else if (file.endsWith('.json')) {
      let text: string
      try {
        text = await readFile(file, 'utf8')
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message
        index.errors.push({path: shown, message: `not readable: ${code}`})
        continue
      }
      addText(index, text, shown)
    }
  }
  // Only invalid records is no database: the scan would find nothing and look clean.
  if (index.count === 0) {
    const bad = index.errors.length
      ? `; ${index.errors.length} file(s) failed, the first: ${index.errors[0]!.path}: ${index.errors[0]!.message}`
      : ''
    throw new ConfigError(
      `the advisory database ${path} holds no valid OSV records (*.json or all.zip)${bad}; no vulnerability scan was done`
    )
  }
  return index
}

function addText(index: OfflineIndex, text: string, source: string): void {
  let raw: unknown
  try {
    raw = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text)
  } catch (error) {
    index.errors.push({path: source, message: `not valid JSON: ${(error as Error).message}`})
    return
  }
  index.addRaw(raw, source)
}

async function listFiles(dir: string): Promise<string[]> {
  const out: string[] = []
  const entries = await readdir(dir, {withFileTypes: true})
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    const abs = join(dir, entry.name)
    if (entry.isDirectory()) out.push(...(await listFiles(abs)))
    else if (entry.isFile()) out.push(abs)
  }
  return out
}

/** `--advisory-db PATH`: for air-gapped runners and tests. The index is built once per source. */
export function offlineSource(path: string): AdvisorySource {
  let loading: Promise<OfflineIndex> | undefined
  return {
    name: `offline database ${path}`,
    async query(packages): Promise<SourceAnswer> {
      loading ??= loadOfflineIndex(path)
      const index = await loading
      return {
        records: packages.map(pkg => index.lookup(pkg)),
        errors: [...index.errors],
        notes: [`advisory database: ${index.count} OSV records from ${path}`]
      }
    },
    async lookupIds(ids): Promise<IdLookup> {
      loading ??= loadOfflineIndex(path)
      const index = await loading
      const records = ids.flatMap(id => index.lookupId(id) ?? [])
      const missing = ids.length - records.length
      return {
        records,
        notes: [
          `severity lookup of ${ids.length} alias(es) of unrated advisories in the database: ${records.length} found` +
            (missing ? `, ${missing} not in it (their advisories keep the unknown severity)` : '')
        ]
      }
    }
  }
}
