import {type Document, LineCounter, YAMLMap, isScalar, parseAllDocuments} from 'yaml'
import {ExtractError} from '../extractor'

export interface YamlFile {
  value: unknown
  /** Line where the document starts (its `---` line, or its first content). */
  line: number
  /** Line of each key of a top-level mapping (by section name), in document order. */
  keyLines(section?: string): Map<string, number>
}

/**
 * A YAML lockfile with the line of every key the extractors report: the yaml library's own node
 * ranges, read through its LineCounter. Syntax errors carry the library's line and column. One
 * document is expected; a second one is an error at the line it starts.
 */
export function parseYamlFile(text: string): YamlFile {
  const documents = parseYamlDocuments(text)
  if (documents.length > 1) {
    throw new ExtractError(
      `expected one YAML document, found ${documents.length}; the second starts here`,
      documents[1]!.line
    )
  }
  return documents[0]!
}

/** Every document of a YAML stream (pnpm may write two), each with lines in the whole text. */
export function parseYamlDocuments(text: string): YamlFile[] {
  const lineCounter = new LineCounter()
  const parsed = parseAllDocuments(text, {lineCounter, uniqueKeys: false})
  const documents: Document.Parsed[] = 'empty' in parsed ? [] : parsed
  for (const doc of documents) {
    const error = doc.errors[0]
    if (error) {
      const at = error.linePos?.[0]
      const reason = error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')
      throw new ExtractError(`invalid YAML: ${reason}`, at?.line, at?.col)
    }
  }
  const keyLinesOf = (map: unknown): Map<string, number> => {
    const out = new Map<string, number>()
    if (!(map instanceof YAMLMap)) return out
    for (const pair of map.items) {
      const key = pair.key
      if (!isScalar(key) || !key.range) continue
      out.set(String(key.value), lineCounter.linePos(key.range[0]).line)
    }
    return out
  }
  const files = documents.map(doc => ({
    // Aliases stay bounded (the library's default): a lockfile tool never writes them, a bomb would.
    value: toJs(doc),
    line: lineCounter.linePos(doc.range[0]).line,
    keyLines: (section?: string) =>
      keyLinesOf(section === undefined ? doc.contents : doc.get(section, true))
  }))
  return files.length ? files : [{value: null, line: 1, keyLines: () => new Map()}]
}

function toJs(doc: Document.Parsed): unknown {
  try {
    return doc.toJS()
  } catch (error) {
    throw new ExtractError(`invalid YAML: ${(error as Error).message}`)
  }
}
