import {
  errorMessage,
  type FileError,
  type Finding,
  type ScanContext,
  type ScanOutput,
  type Scanner,
  type WorkspaceFile
} from '@pipeguard/core'
import type {CommitRef} from './commit-ref'
import {Detector} from './detector'
import {scanHistory} from './git-history'
import type {AddedText} from './git-patch'
import {scanStaged} from './git-staged'
import {isIgnoredByGitleaks} from './gitleaks-ignore'
import type {SecretRule} from './rule'
import {RULES} from './rules/index'
import {maskValues} from './mask-values'
import {loadSecretsSettings} from './settings'
import {isScannableText} from './text-files'
import {detectionToFinding, pathRuleFinding} from './to-finding'

/** Fragments larger than this (a generated file in history) are skipped and reported. */
export const MAX_FRAGMENT_BYTES = 10 * 1024 * 1024
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
    fileRequired: path => isScannableText(path),
    scan: ctx => scanSecrets(ctx, scannerOptions)
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

  const record = (finding: Finding): void => {
    const {path, startLine} = finding.location
    if (
      isIgnoredByGitleaks(
        settings.gitleaksIgnore,
        path,
        finding.ruleId,
        startLine,
        finding.commit?.sha
      )
    ) {
      ignored++
      return
    }
    findings.push(finding)
  }
  const scanFragment = (
    path: string,
    text: string,
    commit?: CommitRef,
    lineNumbers?: number[]
  ): void => {
    const fragment = {
      text,
      path,
      ...(commit ? {commit: commit.sha} : {}),
      ...(lineNumbers ? {lineNumbers} : {})
    }
    for (const detection of detector.detect(fragment)) {
      if (scannerOptions.onSecret) maskValues(detection).forEach(scannerOptions.onSecret)
      record(detectionToFinding(detection, path, commit))
    }
  }
  const scanAdded = (added: AddedText): void => {
    if (!isScannableText(added.path)) return
    if (added.text.length > MAX_FRAGMENT_BYTES) {
      errors.push({
        path: added.path,
        message: `skipped: the lines added${added.commit ? ` in ${added.commit.sha.slice(0, 12)}` : ''} exceed ${MAX_FRAGMENT_BYTES / 1024 / 1024} MiB`
      })
      return
    }
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
        const text = await ctx.workspace.text(file)
        if (text !== undefined) {
          for (const rule of detector.pathOnlyRules(file.path))
            record(pathRuleFinding(rule, file.path))
          scanFragment(file.path, text)
        }
      } catch (error) {
        errors.push({path: file.path, message: `secret scan failed: ${errorMessage(error)}`})
      }
      ctx.progress.tick()
    })
    ctx.progress.done()
    notes.push(`${ctx.files.length} file(s), ${detector.ruleCount} rule(s)`)
  }
  if (ignored) notes.push(`${ignored} finding(s) suppressed by .gitleaksignore`)
  return {findings, errors, notes}
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
