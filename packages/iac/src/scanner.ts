import {join} from 'node:path'
import {readFile} from 'node:fs/promises'
import {
  type FileError,
  type Finding,
  type Location,
  type Scanner,
  type ScanContext,
  type ScanOutput,
  ConfigError,
  createFinding,
  distinctErrors,
  errorMessage
} from '@pipeguard/core'
import type {CheckResult, Platform} from './check'
import {CHECKS} from './checks/index'
import {loadPolicyFile} from './custom-policy'
import {matchMetadata, metadataSuppressions} from './cloudformation-metadata'
import {collapseCopies} from './copies'
import {type Emitted, type RunnableCheck, runChecks, selectChecks} from './engine'
import {HARDENING_RULE_ID, rollUpHygiene} from './hardening'
import type {CloudFormationDoc} from './parsers/cloudformation'
import {PARSERS} from './parsers/index'
import {HELM_TEMPLATE_SKIP, isUnrenderedHelmTemplate} from './parsers/kubernetes'
import {initHcl} from './parsers/hcl-syntax'
import type {TerraformDocument} from './parsers/terraform-module'
import {isTerraformFile} from './parsers/terraform-files'
import {placeAtCaller} from './parsers/terraform-caller'
import {scanTerraform} from './parsers/terraform-scan'
import {innermostRange, resourceRanges, type LineRange} from './resource-ranges'
import {ResourceSpans} from './resource-span'
import {collapseSameConstruct} from './same-construct'
import {parseSuppressions, SuppressionIndex} from './suppression'

interface ScannedDoc {
  path: string
  platform: Platform
  doc: unknown
}

interface FileInfo {
  suppressions: SuppressionIndex
  /** Top-level blocks in line order (Terraform), for block-scoped suppressions. */
  blocks?: LineRange[]
}

/** The scanner over the given built-in checks (all of them in production; tests add their own). */
export function createIacScanner(builtins: RunnableCheck[] = CHECKS): Scanner {
  return {
    id: 'iac',
    name: 'iac',
    title: 'IaC lint',
    version: 1,
    fileRequired: path => isTerraformFile(path) || PARSERS.some(p => p.fileRequired(path)),
    scan: ctx => scan(ctx, builtins)
  }
}

export const iacScanner: Scanner = createIacScanner()

async function scan(ctx: ScanContext, builtins: RunnableCheck[]): Promise<ScanOutput> {
  const errors: FileError[] = []
  const notes: string[] = []
  const custom = await loadPolicies(ctx)
  const taken = new Set(builtins.map(c => c.id.toLowerCase()))
  for (const check of custom) {
    if (taken.has(check.id.toLowerCase()))
      throw new ConfigError(`custom policy id ${check.id} is used twice or by a built-in check`)
    taken.add(check.id.toLowerCase())
  }
  const checks = selectChecks(
    [...builtins, ...custom],
    ctx.config.iac.skipChecks.map(entry => entry.id)
  )

  const texts = new Map<string, string>()
  for (const file of ctx.files) {
    const text = await ctx.workspace.text(file)
    if (text !== undefined) texts.set(file.path, text)
  }

  const docs: ScannedDoc[] = []
  const infos = new Map<string, FileInfo>()
  const tfFiles = [...texts]
    .filter(([p]) => isTerraformFile(p))
    .map(([path, text]) => ({path, text}))
  if (tfFiles.length) {
    await initHcl()
    const tf = scanTerraform(tfFiles)
    errors.push(...tf.errors)
    notes.push(...tf.notes)
    for (const doc of tf.documents) docs.push({path: doc.path, platform: 'terraform', doc})
    for (const [path, blocks] of tf.blocks) infos.set(path, fileInfo(texts.get(path)!, blocks))
  }
  for (const [path, text] of texts) {
    if (isTerraformFile(path)) continue
    const parser = PARSERS.find(
      p => p.platform !== 'terraform' && p.fileRequired(path) && (!p.detect || p.detect(text, path))
    )
    if (!parser) {
      if (isUnrenderedHelmTemplate(text, path)) ctx.workspace.skipFile(path, HELM_TEMPLATE_SKIP)
      continue
    }
    try {
      await parser.init?.()
      const parsed = parser.parse(text, path)
      if (!parsed.ok) {
        // Parsers name the place in the file; the message also names the file (house rule).
        const named = parsed.error.startsWith(path) ? parsed.error : `${path}: ${parsed.error}`
        errors.push({path, message: named})
        continue
      }
      docs.push({path, platform: parser.platform, doc: parsed.doc})
      infos.set(path, fileInfo(text))
    } catch (error) {
      errors.push({
        path,
        message: `${path}: ${parser.platform} parser failed: ${errorMessage(error)}; the file is not checked`
      })
    }
  }

  const emitted = new Map<string, Emitted>()
  let suppressed = 0
  const runsByDoc = docs.map(({path: docPath, platform, doc}) => ({
    docPath,
    caller: platform === 'terraform' ? (doc as TerraformDocument).caller : undefined,
    doc,
    metadata: platform === 'cloudformation' ? metadataSuppressions(doc as CloudFormationDoc) : [],
    runs: runChecks(
      doc,
      checks.filter(c => c.platform === platform),
      (check, error, subject) =>
        errors.push({
          path: docPath,
          message: `${docPath}: check ${check.id} failed${subject ? ` on ${subject}` : ''}: ${errorMessage(error)}; results for this file are incomplete`
        }),
      platform === 'terraform' ? (doc as TerraformDocument).module.budget : undefined
    )
  }))
  // What local modules report evaluated on their own: anything more under a caller is the caller's.
  const own = (id: string, path: string, line: number) => `${id}\0${path}\0${line}`
  const standalone = new Set(
    runsByDoc
      .filter(d => !d.caller)
      .flatMap(d => d.runs.flatMap(r => r.results.map(x => own(r.check.id, d.docPath, x.line))))
  )
  for (const {docPath, caller, doc, runs, metadata} of runsByDoc) {
    for (const {check, results} of runs) {
      for (const found of results) {
        if (matchMetadata(metadata, found.line, [check.id, ...(check.aliases ?? [])])) {
          suppressed++
          continue
        }
        const atCaller =
          caller && !standalone.has(own(check.id, docPath, found.line))
            ? placeAtCaller(doc as TerraformDocument, caller, found)
            : undefined
        const path = atCaller ? atCaller.path : docPath
        const result = atCaller ? atCaller.result : found
        const info = infos.get(path)!
        const block = info.blocks && enclosing(info.blocks, result.line)
        const match = info.suppressions.match({
          line: result.line,
          endLine: result.endLine ?? result.line,
          ids: [check.id, ...(check.aliases ?? [])],
          ...(block ? {block} : {})
        })
        if (match.suppressed) {
          suppressed++
          continue
        }
        if (match.missingReason) {
          notes.push(
            `${path}:${match.missingReason.line}: pipeguard:ignore ${check.id} has no reason, so it is not honoured`
          )
        }
        // Module instances and for_each copies report the same place once.
        const key = `${check.id}\0${path}\0${result.line}\0${result.message ?? result.resource ?? ''}`
        if (!emitted.has(key)) emitted.set(key, {check, result, path})
      }
    }
  }
  const {shown, hardening} = rollUpHygiene(collapseSameConstruct([...emitted.values()]), {
    profile: ctx.config.iac.profile,
    ...ctx.config.iac.hygieneChecks
  })
  const byPath = new Map(docs.map(d => [d.path, d]))
  const rangesByPath = new Map<string, LineRange[]>()
  /** The file's resources as line ranges: Terraform's top-level blocks, else the parsed resources. */
  const resourcesOf = (path: string): LineRange[] => {
    let resources = rangesByPath.get(path)
    if (!resources) {
      const {platform, doc} = byPath.get(path)!
      resources = infos.get(path)?.blocks ?? resourceRanges(platform, doc)
      rangesByPath.set(path, resources)
    }
    return resources
  }
  const spans = new Map<string, ResourceSpans>()
  const identityOf = (f: Finding): string => {
    const path = f.location.path
    let span = spans.get(path)
    if (!span) {
      span = new ResourceSpans(texts.get(path) ?? '', byPath.get(path)!.platform, resourcesOf(path))
      spans.set(path, span)
    }
    return span.identityAt(f.location.startLine)
  }
  // The resource a finding is about, and for Terraform where its values came from: a pull request
  // that removes lines of that resource or changes such a value changes the finding.
  const scoped = (finding: Finding): Finding => {
    const {path, startLine} = finding.location
    const {platform, doc} = byPath.get(path)!
    const resources = resourcesOf(path)
    const resource = innermostRange(resources, startLine)
    if (!resource) return finding
    const origins = platform === 'terraform' ? valueOrigins(doc as TerraformDocument, resource) : []
    return {...finding, block: resource, ...(origins.length ? {valueOrigins: origins} : {})}
  }
  const findings = collapseCopies(
    [...shown.map(e => toFinding(e.check, e.result, e.path)), ...hardening].map(scoped),
    identityOf
  )
  // Values cut short by an evaluation bound are reported once the checks have read them.
  const modules = new Set(
    docs.filter(d => d.platform === 'terraform').map(d => (d.doc as TerraformDocument).module)
  )
  for (const module of modules) errors.push(...module.budget.boundHits())
  // Counted in files, like the run's own file count, so the two agree ("4 of 7 files").
  const checked = new Set(docs.map(d => d.path).filter(p => texts.has(p)))
  for (const path of infos.keys()) checked.add(path)
  const others = ctx.files.length - checked.size
  notes.push(
    `checked ${checked.size} of ${ctx.files.length} file(s) with ${checks.length} checks${others > 0 ? `; the other ${others} are not an IaC kind pipeguard reads, or could not be parsed (listed as errors)` : ''}`
  )
  if (suppressed)
    notes.push(`${suppressed} findings suppressed by inline comments or CloudFormation Metadata`)
  const rolled = findings.filter(f => f.ruleId === HARDENING_RULE_ID)
  if (rolled.length) {
    const items = rolled.reduce((n, f) => n + (f.properties?.items?.split(',').length ?? 0), 0)
    notes.push(
      `${items} hardening item(s) rolled up into ${rolled.length} ${HARDENING_RULE_ID} finding(s); --profile strict shows each`
    )
  }
  return {
    findings,
    errors: distinctErrors(errors),
    notes: [...new Set(notes)]
  }
}

/** Where the values of the resources declared in `block` came from (variables, tfvars, locals). */
function valueOrigins(doc: TerraformDocument, block: LineRange): Location[] {
  const seen = new Map<string, Location>()
  for (const resource of [...doc.resources, ...doc.data]) {
    if (resource.line !== block.startLine) continue
    for (const o of doc.module.originsOf(resource.address)) seen.set(`${o.path}\0${o.startLine}`, o)
  }
  return [...seen.values()]
}

function fileInfo(text: string, blocks?: LineRange[]): FileInfo {
  return {
    suppressions: new SuppressionIndex(parseSuppressions(text), text.split('\n')),
    ...(blocks ? {blocks: [...blocks].sort((a, b) => a.startLine - b.startLine)} : {})
  }
}

/** The block that holds `line`, by binary search: top-level blocks do not overlap. */
function enclosing(blocks: LineRange[], line: number): LineRange | undefined {
  let lo = 0
  let hi = blocks.length - 1
  while (lo <= hi) {
    const mid = (lo + hi) >> 1
    const b = blocks[mid]!
    if (line < b.startLine) hi = mid - 1
    else if (line > b.endLine) lo = mid + 1
    else return b
  }
  return undefined
}

/**
 * The finding for one check result. Its fingerprint is made only of what the report itself shows
 * (check id, resource, message): never the line's text, which may hold a literal secret or key
 * (a hash of a short secret can be reversed by trying candidates). Messages name values only in
 * redacted form, so a rotated secret of the same prefix keeps the finding's identity.
 */
export function toFinding(check: RunnableCheck, result: CheckResult, path: string): Finding {
  const resource = result.resource ?? ''
  const message = result.message ?? (resource ? `${check.title} (${resource})` : check.title)
  return createFinding({
    scanner: 'iac',
    ruleId: check.id,
    severity: check.severity,
    title: check.title,
    message,
    path,
    startLine: result.line,
    ...(result.endLine ? {endLine: result.endLine} : {}),
    remediation: check.remediation,
    ...(check.docs ? {helpUri: check.docs} : {}),
    fingerprintContent: [check.id, resource, message].join('\n'),
    properties: {platform: check.platform, ...(resource ? {resource} : {})}
  })
}

/** Custom policy files from `config.iac.policies`, relative to the scanned root. */
async function loadPolicies(ctx: ScanContext): Promise<RunnableCheck[]> {
  const out: RunnableCheck[] = []
  for (const rel of ctx.config.iac.policies) {
    let text: string
    try {
      text = await readFile(join(ctx.root, rel), 'utf8')
    } catch (error) {
      throw new ConfigError(
        `${rel}: cannot read the policy file (${(error as NodeJS.ErrnoException).code ?? errorMessage(error)})`
      )
    }
    // A policy that silently failed to load would let what it forbids pass: a bad file stops the run.
    const loaded = loadPolicyFile(text, rel)
    if (!loaded.ok) throw new ConfigError(loaded.error)
    out.push(...loaded.checks)
  }
  return out
}
