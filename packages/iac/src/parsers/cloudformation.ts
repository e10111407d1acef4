import type {PlatformParser} from '../parser'
import {
  get,
  pairs,
  parseYaml,
  text,
  type YamlFile,
  type YamlMap,
  type YamlNode
} from './yaml-document'

export interface CfnResource {
  logicalId: string
  /** `AWS::S3::Bucket`. */
  type: string
  node: YamlMap
  properties?: YamlMap
  /** Line of the logical id key. */
  line: number
}

export interface CloudFormationDoc {
  file: YamlFile
  resources: CfnResource[]
  /** Parameter defaults, so `!Ref` to a parameter can decide a check. */
  parameterDefaults: Map<string, YamlNode>
}

const TEMPLATE_FILE = /\.(ya?ml|json|template)$/i
const TEMPLATE_SNIFF = /AWSTemplateFormatVersion|["']?Type["']?\s*:\s*["']?AWS::[A-Za-z0-9]+::/

export const cloudformationParser: PlatformParser<CloudFormationDoc> = {
  platform: 'cloudformation',
  fileRequired: path => TEMPLATE_FILE.test(path),
  detect: text => TEMPLATE_SNIFF.test(text),
  parse(source) {
    const parsed = parseYaml(source)
    if (!parsed.ok) return parsed
    const root = parsed.file.documents[0]
    if (!root || root.kind !== 'map') {
      return {
        ok: false,
        error: `invalid CloudFormation template at line ${root?.line ?? 1}: expected a mapping with Resources`
      }
    }
    const resources: CfnResource[] = []
    for (const pair of pairs(get(root, 'Resources'))) {
      if (pair.value.kind !== 'map') continue
      const type = text(get(pair.value, 'Type'))
      if (!type) continue
      const properties = get(pair.value, 'Properties')
      resources.push({
        logicalId: pair.key,
        type,
        node: pair.value,
        ...(properties?.kind === 'map' ? {properties} : {}),
        line: pair.keyLine
      })
    }
    const parameterDefaults = new Map<string, YamlNode>()
    for (const pair of pairs(get(root, 'Parameters'))) {
      const fallback = get(pair.value, 'Default')
      if (fallback) parameterDefaults.set(pair.key, fallback)
    }
    return {ok: true, doc: {file: parsed.file, resources, parameterDefaults}}
  }
}
