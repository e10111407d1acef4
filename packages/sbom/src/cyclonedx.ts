import {createHash} from 'node:crypto'
import {ComponentScope, ComponentType, ExternalReferenceType, HashAlgorithm} from '@cyclonedx/cyclonedx-library/Enums'
import {
  Bom,
  BomRef,
  Component,
  ExternalReference,
  LicenseExpression,
  NamedLicense,
  Property,
  SpdxLicense
} from '@cyclonedx/cyclonedx-library/Models'
import {JSON as JsonNormalize, JsonSerializer} from '@cyclonedx/cyclonedx-library/Serialize'
import {Spec1dot5, Spec1dot6} from '@cyclonedx/cyclonedx-library/Spec'
import {PackageURL} from 'packageurl-js'
import type {SbomComponent} from './components'
import {parseIntegrity} from './hashes'
import {licenseKind} from './license'
import type {SbomMeta} from './sbom-meta'

export type CycloneDxSpecVersion = '1.5' | '1.6'

export const ROOT_BOM_REF = 'root-component'

const SCOPE: Record<SbomComponent['scope'], ComponentScope> = {
  prod: ComponentScope.Required,
  peer: ComponentScope.Optional,
  optional: ComponentScope.Optional,
  dev: ComponentScope.Excluded
}

/** CycloneDX JSON through the official library; serial number derived from the content. */
export function buildCycloneDx(
  components: SbomComponent[],
  meta: SbomMeta,
  specVersion: CycloneDxSpecVersion = '1.6'
): string {
  const bom = new Bom()
  const root = new Component(ComponentType.Application, meta.name, {bomRef: ROOT_BOM_REF})
  if (meta.repositoryUrl) {
    root.externalReferences.add(new ExternalReference(meta.repositoryUrl, ExternalReferenceType.VCS, {comment: meta.commit ? `commit ${meta.commit}` : undefined}))
  }
  if (meta.commit) root.properties.add(new Property('pipeguard:git:commit', meta.commit))
  bom.metadata.component = root
  bom.metadata.tools.components.add(
    new Component(ComponentType.Application, meta.toolName, {version: meta.toolVersion})
  )
  if (meta.timestamp) bom.metadata.timestamp = meta.timestamp

  const refs = new Map<string, BomRef>()
  const models = components.map(c => {
    const purl = PackageURL.fromString(c.purl)
    // The purl lower-cases npm names; the component keeps the name as published (JSONStream).
    const npmScope = c.ecosystem === 'npm' && c.name.startsWith('@') ? c.name.slice(0, c.name.indexOf('/')) : undefined
    const name = c.ecosystem === 'npm' ? c.name.slice(npmScope ? npmScope.length + 1 : 0) : purl.name
    const component = new Component(ComponentType.Library, name, {
      bomRef: c.purl,
      group: c.ecosystem === 'npm' ? npmScope : (purl.namespace ?? undefined),
      version: c.version,
      purl: c.purl,
      scope: SCOPE[c.scope]
    })
    for (const hash of parseIntegrity(c.integrity, c.ecosystem)) {
      component.hashes.set(hash.cyclonedx as HashAlgorithm, hash.hex)
    }
    const license = licenseKind(c.license)
    if (license?.kind === 'id') component.licenses.add(new SpdxLicense(license.value))
    else if (license?.kind === 'expression') component.licenses.add(new LicenseExpression(license.value))
    else if (license?.kind === 'name') component.licenses.add(new NamedLicense(license.value))
    for (const source of c.sources) component.properties.add(new Property('pipeguard:source', source))
    component.properties.add(new Property('pipeguard:direct', String(c.direct)))
    refs.set(c.purl, component.bomRef)
    bom.components.add(component)
    return {c, component}
  })
  for (const {c, component} of models) {
    for (const dep of c.dependencies) {
      const ref = refs.get(dep)
      if (ref) component.dependencies.add(ref)
    }
    if (c.direct) root.dependencies.add(component.bomRef)
  }

  const spec = specVersion === '1.5' ? Spec1dot5 : Spec1dot6
  const serializer = new JsonSerializer(new JsonNormalize.Normalize.Factory(spec))
  const withoutSerial = serializer.serialize(bom, {sortLists: true, space: 2})
  bom.serialNumber = `urn:uuid:${uuidFromHash(withoutSerial)}`
  return serializer.serialize(bom, {sortLists: true, space: 2}) + '\n'
}

/** A version-4-shaped UUID from a content hash: stable for the same content, unique otherwise. */
export function uuidFromHash(content: string): string {
  const hex = createHash('sha256').update(content).digest('hex')
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16)
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`
}
