import type {PlatformParser} from '../parser'
import {pairs, parseYaml, type YamlFile, type YamlMap} from './yaml-document'

export interface ComposeService {
  name: string
  node: YamlMap
  /** Line of the service's key under `services:`. */
  line: number
  /** `services.web`, the finding's resource. */
  ref: string
}

export interface ComposeDoc {
  file: YamlFile
  services: ComposeService[]
}

const COMPOSE_FILE = /(^|\/)(docker-)?compose[^/]*\.ya?ml$/i

export const composeParser: PlatformParser<ComposeDoc> = {
  platform: 'compose',
  fileRequired: path => COMPOSE_FILE.test(path),
  detect: text => /^services\s*:/m.test(text),
  parse(source) {
    const parsed = parseYaml(source)
    if (!parsed.ok) return parsed
    const root = parsed.file.documents[0]
    if (root && root.kind !== 'map') {
      return {
        ok: false,
        error: `invalid Compose file at line ${root.line}: expected a mapping with a services key`
      }
    }
    const services: ComposeService[] = []
    for (const pair of pairs(
      root ? pairs(root).find(p => p.key === 'services')?.value : undefined
    )) {
      if (pair.value.kind !== 'map') continue
      services.push({
        name: pair.key,
        node: pair.value,
        line: pair.keyLine,
        ref: `services.${pair.key}`
      })
    }
    return {ok: true, doc: {file: parsed.file, services}}
  }
}
