import {
  errorMessage,
  formatBytes,
  textWindows,
  type FileError,
  type Finding,
  type ScanContext,
  type ScanOutput,
  type Scanner,
  type WorkspaceFile
} from '@pipeguard/core'
import type {CommitRef} from './commit-ref'
import {Detector, type Detection} from './detector'
import {scanHistory} from './git-history'
import {secretsGate} from './gitleaks-gate'
import type {AddedText} from './git-patch'
import {scanStaged} from './git-staged'
import {isIgnoredFinding} from './gitleaks-ignore'
import type {SecretRule} from './rule'
import {RULES} from './rules/index'
import {maskValues} from './mask-values'
import {loadSecretsSettings} from './settings'
import {detectionToFinding, pathRuleFinding} from './to-finding'
import {SCAN_WINDOW, detectInWindows} from './windowed-detection'

/** Files read at once from the workspace while the detector works on others. */
const READ_CONCURRENCY = 16

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
  // Every found secret is masked in the action log, ignored ones too: the log must not show them.
  const found = (detection: Detection, path: string, commit?: CommitRef): void => {
    if (scannerOptions.onSecret) maskValues(detection).forEach(scannerOptions.onSecret)
    record(detectionToFinding(detection, path, commit))
  }
  const scanFragment = (
    path: string,
    text: string,
    commit?: CommitRef,
    lineNumbers?: number[]
  ): void => {
    const fragment = {
      path,
      ...(commit ? {commit: commit.sha} : {}),
      ...(lineNumbers ? {lineNumbers} : {})
    }
    const detections =
      text.length > SCAN_WINDOW.size + SCAN_WINDOW.overlap
        ? detectInWindows(detector, textWindows([text], SCAN_WINDOW), fragment)
        : detector.detect({...fragment, text})
    for (const detection of detections) found(detection, path, commit)
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
  const history = scannerOptions.history ?? ctx.options.history
  if (ctx.options.staged) {
    await scanStaged(ctx.root, scanAdded)
    notes.push('staged changes')
  } else if (history) {
    const stats = await scanHistory(ctx.root, history, scanAdded)
    notes.push(
      `history: ${stats.commits} commit(s)${history === true ? '' : ` in ${history}`}${stats.shallow ? ' (shallow clone: older history is not available)' : ''}`
    )
  } else {
    ctx.progress.start('secrets', ctx.files.length)
    await forEachConcurrently(ctx.files, READ_CONCURRENCY, async (file: WorkspaceFile) => {
      try {
        // A path-only rule judges the name, whatever the content (a keystore is binary).
        for (const rule of detector.pathOnlyRules(file.path))
          record(pathRuleFinding(rule, file.path))
        if (file.size > ctx.workspace.maxFileSize) {
          // Read in windows, never whole and never skipped: memory stays bounded.
          const windows = ctx.workspace.textWindows(file, SCAN_WINDOW)
          for (const detection of detectInWindows(detector, windows, {path: file.path}))
            found(detection, file.path)
          large++
        } else {
          const text = await ctx.workspace.text(file)
          if (text !== undefined) scanFragment(file.path, text)
        }
      } catch (error) {
        errors.push({path: file.path, message: `secret scan failed: ${errorMessage(error)}`})
      }
      ctx.progress.tick()
    })
    ctx.progress.done()
    notes.push(`${ctx.files.length} file(s)`)
    if (large)
      notes.push(
        `${large} file(s) over max-file-size (${formatBytes(ctx.workspace.maxFileSize)}) scanned in windows`
      )
  }
  if (ignored) notes.push(`${ignored} finding(s) suppressed by .gitleaksignore`)
  return {findings, errors, notes, rulesRun: detector.ruleCount}
}

async function forEachConcurrently<T>(
  items: T[],
  limit: number,
  work: (item: T) => Promise<void>
): Promise<void> {
  let next = 0
  const worker = async (): Promise<void> => {
    while (next < items.length) await work(items[next++]!)
  }
  await Promise.all(Array.from({length: Math.min(limit, items.length)}, worker))
}
