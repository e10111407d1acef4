import {
  errorMessage,
  formatBytes,
  mapInPool,
  poolSize,
  type FileError,
  type Finding,
  type ScanContext,
  type ScanOutput,
  type Scanner
} from '@pipeguard/core'
import type {CommitRef} from './commit-ref'
import {findingContext, installedPackageDirs} from './finding-context'
import {Detector, type Detection} from './detector'
import {scanHistory, type HistoryStats} from './git-history'
import {secretsGate} from './gitleaks-gate'
import type {AddedText} from './git-patch'
import {scanStaged} from './git-staged'
import {isIgnoredFinding} from './gitleaks-ignore'
import type {SecretRule} from './rule'
import {RULES} from './rules/index'
import {maskValues} from './mask-values'
import {groupSameValues} from './same-value'
import {loadSecretsSettings} from './settings'
import {createFileScanner, secretsFileTask} from './file-scan'
import {detectionToFinding, pathRuleFinding} from './to-finding'
import {detectInText} from './windowed-detection'

export interface SecretsScannerOptions {
  /** The rule set; the built-in RULES by default. */
  rules?: SecretRule[]
  /**
   * Called with each secret in clear text as soon as it is found, before anything is reported and
   * whether or not it is then suppressed: the action masks it here. A multi-line secret comes one
   * line at a time, an encoded one also in its encoded form (see `maskValues`).
   */
  onSecret?: (secret: string) => void
  /** Overrides the run's `history` option (the action scans a pull request's range). */
  history?: boolean | string
  /** Fetch the `history` range's commits from origin when the checkout lacks them (shallow). */
  fetchMissing?: boolean
}

export function createSecretsScanner(scannerOptions: SecretsScannerOptions = {}): Scanner {
  return {
    id: 'secrets',
    name: 'secrets',
    title: 'Secret scan',
    version: 1,
    // Every file: whether it is text is decided by its content (the workspace sniffs it), and a
    // file over max-file-size is read in windows rather than skipped.
    fileRequired: () => true,
    scan: ctx => scanSecrets(ctx, scannerOptions),
    gate: secretsGate(scannerOptions.rules ?? RULES)
  }
}

export const secretsScanner: Scanner = createSecretsScanner()

async function scanSecrets(
  ctx: ScanContext,
  scannerOptions: SecretsScannerOptions
): Promise<ScanOutput> {
  if (!ctx.config.secrets.enabled)
    return {findings: [], errors: [], notes: ['disabled by secrets.enabled: false']}
  const settings = loadSecretsSettings(ctx.root, ctx.config, scannerOptions.rules ?? RULES)
  const detector = new Detector(settings.detector)
  const findings: Finding[] = []
  const errors: FileError[] = []
  const notes = [...settings.notes]
  let ignored = 0
  let large = 0

  const record = (finding: Finding): void => {
    if (isIgnoredFinding(settings.gitleaksIgnore, finding)) {
      ignored++
      return
    }
    findings.push(finding)
  }
  const history = scannerOptions.history ?? ctx.options.history
  const vendored =
    ctx.options.staged || history
      ? new Set<string>()
      : installedPackageDirs(ctx.files.map(f => f.path))
  // Every found secret is masked in the action log, ignored ones too: the log must not show them.
  const found = (detections: Iterable<Detection>, path: string, commit?: CommitRef): void => {
    const context = findingContext(path, vendored)
    for (const {detection, count} of groupSameValues(detections)) {
      if (scannerOptions.onSecret) maskValues(detection).forEach(scannerOptions.onSecret)
      record(
        detectionToFinding(detection, path, commit, {
          ...(context ? {context} : {}),
          ...(count > 1 ? {count} : {})
        })
      )
    }
  }
  const scanFragment = (
    path: string,
    text: string,
    commit?: CommitRef,
    lineNumbers?: number[]
  ): void => {
    const fragment = {
      path,
      text,
      ...(commit ? {commit: commit.sha} : {}),
      ...(lineNumbers ? {lineNumbers} : {})
    }
    found(detectInText(detector, fragment), path, commit)
  }
  const scanAdded = (added: AddedText): void => {
    try {
      for (const rule of detector.pathOnlyRules(added.path))
        record(pathRuleFinding(rule, added.path, added.commit))
      scanFragment(added.path, added.text, added.commit, added.lineNumbers)
    } catch (error) {
      errors.push({path: added.path, message: `secret scan failed: ${errorMessage(error)}`})
    }
  }
  if (ctx.options.staged) {
    await scanStaged(ctx.root, scanAdded)
    notes.push('staged changes')
  } else if (history) {
    const stats = await scanHistory(ctx.root, history, scanAdded, scannerOptions.fetchMissing)
    notes.push(historyNote(history, stats))
  } else {
    ctx.progress.start('secrets', ctx.files.length)
    const maxFileSize = ctx.workspace.maxFileSize
    const bytes = ctx.files.reduce((sum, file) => sum + file.size, 0)
    // Workers load the built-in rules themselves: rules given in code are scanned in this thread.
    const ownRules = scannerOptions.rules !== undefined && scannerOptions.rules !== RULES
    const {results, threads} = await mapInPool({
      task: secretsFileTask,
      setup: {root: ctx.root, config: ctx.config, maxFileSize},
      items: ctx.files.map(({path, absPath, size}) => ({path, absPath, size})),
      jobs: ownRules ? 1 : poolSize(ctx.options.jobs, bytes),
      local: createFileScanner(detector, maxFileSize),
      onDone: count => {
        for (let i = 0; i < count; i++) ctx.progress.tick()
      }
    })
    results.forEach((result, i) => {
      const {path} = ctx.files[i]!
      // A path-only rule judges the name, whatever the content (a keystore is binary).
      for (const rule of detector.pathOnlyRules(path)) record(pathRuleFinding(rule, path))
      if (result.skip) ctx.workspace.noteSkipped(result.skip)
      if (result.error !== undefined) errors.push({path, message: result.error})
      if (result.windowed) large++
      found(
        result.detections.map(wire => {
          const rule = detector.rules[wire.rule]
          if (!rule) throw new Error(`worker reported rule #${wire.rule}, which is not loaded`)
          return {...wire, rule}
        }),
        path
      )
    })
    ctx.progress.done()
    notes.push(`${ctx.files.length} file(s)${threads > 1 ? ` in ${threads} threads` : ''}`)
    if (large)
      notes.push(
        `${large} file(s) over max-file-size (${formatBytes(ctx.workspace.maxFileSize)}) scanned in windows`
      )
  }
  if (ignored) notes.push(`${ignored} finding(s) suppressed by .gitleaksignore`)
  return {findings, errors, notes, rulesRun: detector.ruleCount}
}

function historyNote(history: true | string, stats: HistoryStats): string {
  const range = history === true ? '' : ` in ${history}`
  const fetched = stats.fetches
    ? `, fetched from origin (${stats.fetches} git fetch(es): the checkout was shallow)`
    : ''
  const shallow =
    stats.shallow && !stats.fetches ? ' (shallow clone: older history is not available)' : ''
  return `history: ${stats.commits} commit(s)${range}${fetched}${shallow}`
}
