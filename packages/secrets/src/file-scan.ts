import {
  decodeText,
  errorMessage,
  fileChunks,
  readFileText,
  textWindows,
  type Config,
  type PoolTask,
  type SkippedFile,
  type WorkspaceFile
} from '@pipeguard/core'
import {Detector, type Detection} from './detector'
import {RULES} from './rules/index'
import {loadSecretsSettings} from './settings'
import {SCAN_WINDOW, detectInText, detectInWindows} from './windowed-detection'

/** A detection as it crosses threads: its rule by position in the detector's rule list. */
export type WireDetection = Omit<Detection, 'rule'> & {rule: number}

/** What scanning one file's content gave: findings only, never the file's text. */
export interface FileScanResult {
  detections: WireDetection[]
  /** Not text, unreadable: for the workspace's skipped list. */
  skip?: SkippedFile
  /** The scan itself failed on this file (a bug): the file counts as not scanned. */
  error?: string
  /** Over max-file-size: read in windows. */
  windowed?: boolean
}

/**
 * Scans one file's content: reads its bytes, decodes them only when the detector's byte
 * prefilter says a detection is possible, and reads a file over `maxFileSize` in windows. The same
 * function runs in this thread (`--jobs 1`) and in each pool worker.
 */
export function createFileScanner(
  detector: Detector,
  maxFileSize: number
): (file: WorkspaceFile) => FileScanResult {
  const ruleIndex = new Map(detector.rules.map((rule, i) => [rule, i]))
  const wire = (detections: Iterable<Detection>): WireDetection[] =>
    [...detections].map(d => ({...d, rule: ruleIndex.get(d.rule)!}))
  return file => {
    const result: FileScanResult = {detections: []}
    const onSkip = (skip: SkippedFile): void => {
      result.skip = skip
    }
    try {
      if (file.size > maxFileSize) {
        // Never whole and never skipped: memory stays bounded.
        const windows = textWindows(fileChunks(file, onSkip), SCAN_WINDOW)
        result.detections = wire(detectInWindows(detector, windows, {path: file.path}))
        result.windowed = true
        return result
      }
      const read = readFileText(file, maxFileSize)
      if ('skip' in read) onSkip(read.skip)
      else if (read.encoding !== 'utf8' || detector.mayDetect(read.bytes)) {
        const text = decodeText(read.bytes, read.encoding)
        result.detections = wire(detectInText(detector, {path: file.path, text}))
      }
    } catch (error) {
      result.error = `secret scan failed: ${errorMessage(error)}`
    }
    return result
  }
}

export interface FileScanSetup {
  root: string
  config: Config
  maxFileSize: number
}

/**
 * The pool task: each worker loads the same settings as the main thread (built-in rules, the
 * root's `.gitleaks.toml` and `secrets.*` config), so its rule list is the main thread's.
 */
export const secretsFileTask: PoolTask<FileScanSetup, WorkspaceFile, FileScanResult> = {
  name: 'secrets-file',
  init: setup =>
    createFileScanner(
      new Detector(loadSecretsSettings(setup.root, setup.config, RULES).detector),
      setup.maxFileSize
    )
}
