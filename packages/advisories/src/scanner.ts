import {resolve} from 'node:path'
import picomatch from 'picomatch'
import {
  distinctErrors,
  type Finding,
  type FileError,
  type ScanContext,
  type ScanOutput,
  type Scanner,
  type Workspace,
  type WorkspaceFile
} from '@pipeguard/core'
import {
  baseWorkspace,
  extractInventory,
  inventoryFileRequired,
  readBaseFiles,
  type Inventory,
  type Package
} from '@pipeguard/inventory'
import {advisoryFindings, matchAdvisories, unratedAliases} from './audit'
import type {PackageVersion} from './match'
import type {OsvRecord} from './osv-schema'
import {licenseFindings} from './license-policy'
import {classifyAgainstBase, describeFixed, markAgainstBase, resolveBaseRef} from './pr-diff'
import {offlineSource} from './sources/offline-db'
import {osvApiSource} from './sources/osv-api'
import {directoryCache} from './sources/record-cache'
import type {AdvisorySource} from './sources/source'

/** Where the action keeps OSV records between runs (restored and saved with @actions/cache). */
export const OSV_CACHE_DIR_ENV = 'PIPEGUARD_OSV_CACHE_DIR'

export interface DependencyScannerDeps {
  /** The advisory source for a run; by default offline with `advisoryDb`, else the OSV API. */
  source?: (ctx: ScanContext) => AdvisorySource
  extract?: (
    workspace: Workspace,
    files: WorkspaceFile[]
  ) => Promise<Inventory & {warnings?: FileError[]}>
}

/** The source a run asks: `--advisory-db` wins, then the OSV API at `--osv-url` / `deps.osvUrl`. */
export function defaultSource(ctx: ScanContext): AdvisorySource {
  return configuredSource(ctx.config, ctx.root, ctx.env, ctx.options)
}

/** The same choice outside a scan (`pipeguard fix --deps` asks the audit's source). */
export function configuredSource(
  config: ScanContext['config'],
  root: string,
  env: NodeJS.ProcessEnv,
  options: {advisoryDb?: string; osvUrl?: string} = {}
): AdvisorySource {
  const advisoryDb = options.advisoryDb ?? config.deps.advisoryDb
  // A relative `deps.advisory-db` in .pipeguard.yml is relative to the scanned root, like every path there.
  if (advisoryDb) return offlineSource(resolve(root, advisoryDb))
  const cacheDir = env[OSV_CACHE_DIR_ENV]
  return osvApiSource({
    baseUrl: options.osvUrl ?? config.deps.osvUrl,
    ...(config.deps.osvTimeoutMs ? {timeoutMs: config.deps.osvTimeoutMs} : {}),
    ...(config.deps.osvRetries !== undefined ? {retries: config.deps.osvRetries} : {}),
    ...(cacheDir ? {cache: directoryCache(cacheDir)} : {})
  })
}

/** Packages that can be matched: pinned to an exact version and in scope for `includeDev`. */
export function auditable(packages: Package[], includeDev: boolean): Package[] {
  return packages.filter(p => p.pinned && p.version !== '' && (includeDev || p.scope !== 'dev'))
}

/** Audits a ready inventory against a source: vulnerability findings plus the licence policy. */
export async function auditInventory(
  inventory: Inventory,
  source: AdvisorySource,
  config: ScanContext['config']
): Promise<{findings: Finding[]; errors: FileError[]; notes: string[]}> {
  const packages = auditable(inventory.packages, config.deps.includeDev)
  const answer = await source.query(
    packages.map(p => ({ecosystem: p.ecosystem, name: p.name, version: p.version}))
  )
  const advisories = matchAdvisories(packages, answer.records)
  const unrated = unratedAliases(advisories)
  const lookup =
    unrated.length && source.lookupIds ? await source.lookupIds(unrated) : {records: [], notes: []}
  const findings = [
    ...advisoryFindings(packages, advisories, inventory, {
      unknownSeverity: config.deps.unknownSeverity,
      aliasRecords: new Map(lookup.records.map(r => [r.id, r]))
    }),
    ...licenseFindings(packages, config.deps.licenses)
  ]
  const skipped = inventory.packages.length - packages.length
  const unknown = findings.filter(f => f.properties?.severitySource === 'unknown').length
  const notes = [
    `${packages.length} packages checked${skipped ? ` (${skipped} skipped: unpinned${config.deps.includeDev ? '' : ' or development-only'})` : ''}`,
    ...answer.notes,
    ...lookup.notes,
    ...(unknown
      ? [
          `${unknown} vulnerabilit${unknown === 1 ? 'y has' : 'ies have'} no known severity: treated as ${config.deps.unknownSeverity} (deps.unknown-severity)`
        ]
      : [])
  ]
  return {findings, errors: answer.errors, notes}
}

const packageKey = (p: PackageVersion): string => `${p.ecosystem}\0${p.name}\0${p.version}`

/** Asks the underlying source only about package versions it has not answered yet (head, then base). */
export function memoizedSource(source: AdvisorySource): AdvisorySource {
  const known = new Map<string, OsvRecord[]>()
  return {
    name: source.name,
    ...(source.lookupIds ? {lookupIds: ids => source.lookupIds!(ids)} : {}),
    async query(packages) {
      const missing = [
        ...new Map(
          packages.filter(p => !known.has(packageKey(p))).map(p => [packageKey(p), p])
        ).values()
      ]
      let errors: FileError[] = []
      let notes: string[] = []
      if (missing.length) {
        const answer = await source.query(missing)
        missing.forEach((p, i) => known.set(packageKey(p), answer.records[i] ?? []))
        errors = answer.errors
        notes = answer.notes
      }
      return {records: packages.map(p => known.get(packageKey(p)) ?? []), errors, notes}
    }
  }
}

export function createDependencyScanner(deps: DependencyScannerDeps = {}): Scanner {
  const extract = deps.extract ?? extractInventory
  const chooseSource = deps.source ?? defaultSource
  return {
    id: 'dependencies',
    name: 'deps',
    title: 'Dependency audit',
    version: 1,
    fileRequired: path => inventoryFileRequired(path),
    async scan(ctx: ScanContext): Promise<ScanOutput> {
      const inventory = await extract(ctx.workspace, ctx.files)
      const source = memoizedSource(chooseSource(ctx))
      const head = await auditInventory(inventory, source, ctx.config)
      const errors: FileError[] = [...inventory.errors, ...head.errors]
      const notes = [...head.notes]
      const warnings = inventory.warnings ?? []
      if (warnings.length) {
        notes.push(
          `${warnings.length} inventory warning(s), e.g. ${warnings[0]!.path}: ${warnings[0]!.message}`
        )
      }
      let findings = head.findings
      let resolved: Finding[] = []

      const base = resolveBaseRef(ctx.options.base, ctx.env)
      if (base && ctx.workspace.isGitRepo) {
        const lockfiles = [...new Set(ctx.files.map(f => f.path))]
        const inHead = new Set(ctx.workspace.files.map(f => f.path))
        const excluded = picomatch(
          ctx.config.exclude.map(e => e.path),
          {dot: true}
        )
        // A lockfile the change deletes: only the base has it (and it is not merely excluded).
        const baseFiles = await readBaseFiles(
          ctx.root,
          base,
          lockfiles,
          path => inventoryFileRequired(path) && !inHead.has(path) && !excluded(path)
        )
        if (baseFiles.problem) {
          notes.push(baseFiles.problem)
        } else {
          const view = baseWorkspace(ctx.workspace, baseFiles.texts, baseFiles.deleted)
          const baseInventory = await extract(view.workspace, view.files)
          const baseAudit = await auditInventory(baseInventory, source, ctx.config)
          const diff = classifyAgainstBase(findings, baseAudit.findings)
          findings = markAgainstBase(findings, diff)
          resolved = describeFixed(diff.fixed, inventory, new Set(baseFiles.deleted))
          notes.push(
            `pull request against ${base.slice(0, 12)}: ${diff.introduced.length} vulnerabilities introduced, ${diff.existing.length} still present, ${diff.fixed.length} fixed` +
              (baseFiles.deleted.length
                ? ` (${baseFiles.deleted.length} lockfile(s) deleted: ${baseFiles.deleted.join(', ')})`
                : '')
          )
        }
      } else if (base) {
        notes.push(
          `the base ${base} cannot be compared: ${ctx.root} is not a git work tree; every vulnerability is treated as new`
        )
      }
      return {
        findings,
        errors: distinctErrors(errors),
        notes,
        ...(resolved.length ? {resolved} : {})
      }
    }
  }
}

export const dependencyScanner: Scanner = createDependencyScanner()
