import {textWindows, type TextWindow, type WindowSize} from '@pipeguard/core'
import type {Detection, Detector, Fragment} from './detector'
import {LineIndex} from './line-index'

/**
 * Windows for text too large to scan at once (a file over max-file-size, a huge added file in
 * history): memory stays near 4 MiB per file, and the overlap is longer than any secret a rule
 * matches (PGP key blocks reach 64 KiB), so a secret across a window edge is still found whole.
 */
export const SCAN_WINDOW: WindowSize = {size: 4 * 1024 * 1024, overlap: 128 * 1024}

/**
 * The detections of a text read in windows, each reported once (by the window its start belongs
 * to) at its line and column in the whole text, or at `lineNumbers[line - 1]` when the text is a
 * set of added lines.
 */
export function* detectInWindows(
  detector: Detector,
  windows: Iterable<TextWindow>,
  fragment: {path: string; commit?: string; lineNumbers?: number[]}
): Generator<Detection> {
  const {lineNumbers, ...where} = fragment
  for (const window of windows) {
    const found = detector.detect({...where, text: window.text})
    if (found.length === 0) continue
    const lines = new LineIndex(window.text)
    for (const detection of found) {
      const start = lines.lineStart(detection.startLine) + detection.startColumn - 1
      if (start >= window.ownLength) continue // the next window starts there and reports it
      const line = (n: number): number => {
        const whole = window.line + n - 1
        return lineNumbers?.[whole - 1] ?? whole
      }
      const column = (n: number, c: number): number => (n === 1 ? c + window.column - 1 : c)
      yield {
        ...detection,
        startLine: line(detection.startLine),
        endLine: line(detection.endLine),
        startColumn: column(detection.startLine, detection.startColumn),
        endColumn: column(detection.endLine, detection.endColumn)
      }
    }
  }
}

/** A whole text's detections: at once, or in windows when it is longer than one window. */
export function detectInText(detector: Detector, fragment: Fragment): Detection[] {
  const {text, ...where} = fragment
  return text.length > SCAN_WINDOW.size + SCAN_WINDOW.overlap
    ? [...detectInWindows(detector, textWindows([text], SCAN_WINDOW), where)]
    : detector.detect(fragment)
}
