import {createHash} from 'node:crypto'
import type {SbomComponent} from './components'
import {parseIntegrity} from './hashes'
import {licenseKind} from './license'
import type {SbomMeta} from './sbom-meta'

/**
 * SPDX 2.3 JSON, written by hand: the document is a flat list of packages and relationships, and no
 * maintained npm library writes SPDX 2.3 JSON (the SPDX tools are Java/Python).
 */
export function buildSpdx(components: SbomComponent[], meta: SbomMeta): string {
  const rootId = 'SPDXRef-RootPackage'
  const ids = new Map(components.map(c => [c.purl, spdxId(c.purl)]))
  const created = meta.timestamp
    ? meta.timestamp.toISOString().replace(/\.\d{3}Z$/, 'Z')
    : (meta.commitDate ?? '1970-01-01T00:00:00Z')

  const root: Record<string, unknown> = {
    name: meta.name,
    SPDXID: rootId,
    downloadLocation: meta.repositoryUrl
      ? `git+${meta.repositoryUrl}${meta.commit ? `@${meta.commit}` : ''}`
      : 'NOASSERTION',
    filesAnalyzed: false,
    licenseConcluded: 'NOASSERTION',
    licenseDeclared: 'NOASSERTION',
    copyrightText: 'NOASSERTION',
    primaryPackagePurpose: 'APPLICATION'
  }
  if (meta.commit) root.versionInfo = meta.commit

  const packages = components.map(c => {
    const license = licenseKind(c.license)
    const declared = license && license.kind !== 'name' ? license.value : 'NOASSERTION'
    const pkg: Record<string, unknown> = {
      name: c.name,
      SPDXID: ids.get(c.purl),
      versionInfo: c.version,
      downloadLocation: 'NOASSERTION',
      filesAnalyzed: false,
      licenseConcluded: 'NOASSERTION',
      licenseDeclared: declared,
      copyrightText: 'NOASSERTION',
      primaryPackagePurpose: 'LIBRARY',
      externalRefs: [
        {referenceCategory: 'PACKAGE-MANAGER', referenceType: 'purl', referenceLocator: c.purl}
      ]
    }
    if (license?.kind === 'name')
      pkg.licenseComments = `Declared license (not an SPDX expression): ${license.value}`
    const checksums = parseIntegrity(c.integrity, c.ecosystem).map(h => ({
      algorithm: h.spdx,
      checksumValue: h.hex
    }))
    if (checksums.length) pkg.checksums = checksums
    if (c.scope === 'dev') pkg.comment = 'development dependency'
    return pkg
  })

  const relationships: Array<Record<string, string>> = [
    {spdxElementId: 'SPDXRef-DOCUMENT', relationshipType: 'DESCRIBES', relatedSpdxElement: rootId}
  ]
  for (const c of components) {
    const id = ids.get(c.purl)!
    if (c.direct) {
      relationships.push({
        spdxElementId: rootId,
        relationshipType: c.scope === 'dev' ? 'DEV_DEPENDENCY_OF' : 'DEPENDS_ON',
        relatedSpdxElement: id
      })
    }
    for (const dep of c.dependencies) {
      relationships.push({
        spdxElementId: id,
        relationshipType: 'DEPENDS_ON',
        relatedSpdxElement: ids.get(dep)!
      })
    }
  }
  // DEV_DEPENDENCY_OF reads "A is a dev dependency of B": the package is the subject.
  for (const r of relationships) {
    if (r.relationshipType === 'DEV_DEPENDENCY_OF') {
      const subject = r.relatedSpdxElement!
      r.relatedSpdxElement = r.spdxElementId!
      r.spdxElementId = subject
    }
  }

  const body = {
    spdxVersion: 'SPDX-2.3',
    dataLicense: 'CC0-1.0',
    SPDXID: 'SPDXRef-DOCUMENT',
    name: `${meta.name}${meta.commit ? `@${meta.commit.slice(0, 12)}` : ''}`,
    documentNamespace: '',
    creationInfo: {created, creators: [`Tool: ${meta.toolName}-${meta.toolVersion}`]},
    packages: [root, ...packages],
    relationships
  }
  const digest = createHash('sha256')
    .update(JSON.stringify({...body, documentNamespace: undefined}))
    .digest('hex')
  body.documentNamespace = `https://spdx.org/spdxdocs/${encodeURIComponent(meta.name)}-${digest.slice(0, 32)}`
  return JSON.stringify(body, null, 2) + '\n'
}

/** SPDX ids allow letters, digits, `.` and `-`: a readable stem plus a hash keeps them unique. */
export function spdxId(purl: string): string {
  const stem = purl
    .replace(/^pkg:/, '')
    .replace(/[^A-Za-z0-9.-]+/g, '-')
    .slice(0, 80)
  const hash = createHash('sha256').update(purl).digest('hex').slice(0, 8)
  return `SPDXRef-Package-${stem}-${hash}`
}
