import {LineCounter, YAMLMap, isScalar, parseDocument} from 'yaml'
import {ExtractError} from '../extractor'

export interface YamlFile {
  value: unknown
  /** Line of each key of a top-level mapping (by section name), in document order. */
  keyLines(section?: string): Map<string, number>
}

/**
 * A YAML lockfile with the line of every key the extractors report: the yaml library's own node
 * ranges, read through its LineCounter. Syntax errors carry the library's line.
 */
export function parseYamlFile(text: string): YamlFile {
  const lineCounter = new LineCounter()
  const doc = parseDocument(text, {lineCounter, uniqueKeys: false})
  const error = doc.errors[0]
  if (error) {
    const line = error.linePos?.[0]?.line
    throw new ExtractError(`invalid YAML: ${error.message.split('\n')[0]}`, line)
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
  return {
    value: doc.toJS({maxAliasCount: -1}),
    keyLines: section => keyLinesOf(section === undefined ? doc.contents : doc.get(section, true))
  }
}
