import type {TextEncodings} from './decode-lockfile'
import type {Ecosystem, Package} from './package'

export interface ExtractInput {
  /** Posix path of the file, relative to the scanned root. */
  path: string
  /** The decoded text (no byte order mark, no NUL byte, no merge-conflict marker). */
  text: string
  /** Sibling files the extractor asked for in `siblings` (by base name), when they exist. */
  siblings: Record<string, string>
  /**
   * Reads another file of the scanned tree by its posix path relative to the scanned root (pip's
   * `-r other.txt` includes); undefined when it does not exist or lies outside the root.
   */
  readRelative?: (path: string) => string | undefined
}

export interface ExtractResult {
  packages: Package[]
  /** Problems that did not stop the extraction (an unparsable line, an unpinned requirement). */
  warnings?: string[]
}

/**
 * One lockfile or manifest format (osv-scalibr's filesystem.Extractor): a cheap path test, then a
 * pure function of the file's text. A bad file throws an ExtractError naming the place.
 */
export interface Extractor {
  /** `<ecosystem>/<format>`, e.g. `javascript/package-lock`. */
  name: string
  ecosystem: Ecosystem
  matches(path: string): boolean
  /** Base names of files next to this one that extraction uses (go.sum, package.json...). */
  siblings?: string[]
  /** Encodings the format's own tool reads besides UTF-8 (default: UTF-8 only). */
  encodings?: TextEncodings
  extract(input: ExtractInput): ExtractResult
}

/** A bad file: the message says where (line, column or key) and what was expected. */
export class ExtractError extends Error {
  constructor(
    message: string,
    readonly line?: number,
    readonly column?: number
  ) {
    super(message)
    this.name = 'ExtractError'
  }
}
