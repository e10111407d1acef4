import type {Ecosystem, Package} from './package'

export interface ExtractInput {
  /** Posix path of the file, relative to the scanned root. */
  path: string
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
  extract(input: ExtractInput): ExtractResult
}

/** A bad file: the message says where (line or key) and what was expected. */
export class ExtractError extends Error {
  constructor(
    message: string,
    readonly line?: number
  ) {
    super(message)
    this.name = 'ExtractError'
  }
}
