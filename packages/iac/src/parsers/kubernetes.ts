import type {PlatformParser} from '../parser'
import {get, items, parseYaml, text, type YamlFile, type YamlMap} from './yaml-document'

export interface KubernetesObject {
  apiVersion: string
  kind: string
  name: string
  namespace?: string
  /** `Deployment/web`, used as the finding's resource. */
  ref: string
  node: YamlMap
  line: number
}

export interface KubernetesDoc {
  file: YamlFile
  objects: KubernetesObject[]
}

const YAML_FILE = /\.ya?ml$/i
/**
 * Unrendered Helm chart templates (`templates/*.yaml` with `{{ }}` actions) are not YAML yet;
 * rendered output (`helm template`) is scanned. Outside a templates folder `{{ }}` is data
 * (Prometheus alert text in a ConfigMap), so the file is scanned.
 */
const HELM_TEMPLATE_PATH = /(^|\/)templates\//
const TEMPLATE_ACTION = /\{\{-?\s*[.$a-z]/

/** Why an unrendered Helm template is listed as skipped. */
export const HELM_TEMPLATE_SKIP = 'Helm template: not rendered; scan `helm template` output'

/** A chart's `templates/*.yaml` with `{{ }}` actions: not YAML until `helm template` renders it. */
export function isUnrenderedHelmTemplate(text: string, path: string): boolean {
  return YAML_FILE.test(path) && HELM_TEMPLATE_PATH.test(path) && TEMPLATE_ACTION.test(text)
}

export const kubernetesParser: PlatformParser<KubernetesDoc> = {
  platform: 'kubernetes',
  fileRequired: path => YAML_FILE.test(path),
  detect: (text, path) =>
    /^apiVersion:/m.test(text) && /^kind:/m.test(text) && !isUnrenderedHelmTemplate(text, path),
  parse(source) {
    const parsed = parseYaml(source)
    if (!parsed.ok) return parsed
    const objects: KubernetesObject[] = []
    for (const root of parsed.file.documents) {
      if (!root || root.kind !== 'map') continue
      const kind = text(get(root, 'kind'))
      // `kind: List` (kubectl get -o yaml) and `*List` kinds wrap their objects in `items`.
      if (kind && kind.endsWith('List')) {
        for (const item of items(get(root, 'items')))
          if (item.kind === 'map') pushObject(objects, item)
      } else {
        pushObject(objects, root)
      }
    }
    return {ok: true, doc: {file: parsed.file, objects}}
  }
}

function pushObject(objects: KubernetesObject[], node: YamlMap): void {
  const apiVersion = text(get(node, 'apiVersion'))
  const kind = text(get(node, 'kind'))
  if (!apiVersion || !kind) return
  const name =
    text(get(node, 'metadata.name')) ?? text(get(node, 'metadata.generateName')) ?? '(unnamed)'
  const namespace = text(get(node, 'metadata.namespace'))
  objects.push({
    apiVersion,
    kind,
    name,
    ...(namespace ? {namespace} : {}),
    ref: `${kind}/${name}`,
    node,
    line: node.line
  })
}
