import type {Platform} from './check'

export type ParseOutcome<D> = {ok: true; doc: D} | {ok: false; error: string}

/**
 * Turns one file into the document its platform's checks read. Every node the checks inspect
 * keeps its 1-based source line. A broken file yields `{ok: false, error}` naming the place.
 */
export interface PlatformParser<D = unknown> {
  platform: Platform
  /** Cheap path test, no I/O. */
  fileRequired(path: string): boolean
  /** Content sniff where extensions are shared (a .yml may be Kubernetes, Compose or CloudFormation). */
  detect?(text: string, path: string): boolean
  parse(text: string, path: string): ParseOutcome<D>
  /** One-time asynchronous setup (loading a wasm grammar); awaited before the first `parse`. */
  init?(): Promise<void>
}
