import {z} from 'zod'

const DependencyMapSchema = z.record(z.string(), z.string())

/**
 * One version of an abbreviated packument (`Accept: application/vnd.npm.install-v1+json`,
 * github.com/npm/registry/blob/main/docs/responses/package-metadata.md): what npm needs to install
 * it. Unknown fields are dropped; the ones kept are what a package-lock.json entry records.
 */
export const PackumentVersionSchema = z.object({
  name: z.string().optional(),
  version: z.string(),
  dependencies: DependencyMapSchema.optional(),
  optionalDependencies: DependencyMapSchema.optional(),
  peerDependencies: DependencyMapSchema.optional(),
  peerDependenciesMeta: z
    .record(z.string(), z.object({optional: z.boolean().optional()}))
    .optional(),
  bin: z.union([z.string(), DependencyMapSchema]).optional(),
  engines: z.union([DependencyMapSchema, z.array(z.string())]).optional(),
  os: z.array(z.string()).optional(),
  cpu: z.array(z.string()).optional(),
  hasInstallScript: z.boolean().optional(),
  deprecated: z.union([z.string(), z.boolean()]).optional(),
  dist: z.object({
    tarball: z.string().url(),
    integrity: z.string().optional(),
    shasum: z.string().optional()
  })
})
export type PackumentVersion = z.infer<typeof PackumentVersionSchema>

export const PackumentSchema = z.object({
  name: z.string(),
  'dist-tags': z.record(z.string(), z.string()).optional(),
  versions: z.record(z.string(), PackumentVersionSchema)
})
export type Packument = z.infer<typeof PackumentSchema>

/** The SRI string a lockfile records: `dist.integrity`, else the legacy sha1 `shasum` as SRI. */
export function integrityOf(version: PackumentVersion): string | undefined {
  if (version.dist.integrity) return version.dist.integrity
  const hex = version.dist.shasum
  if (!hex || !/^[0-9a-f]{40}$/i.test(hex)) return undefined
  return `sha1-${Buffer.from(hex, 'hex').toString('base64')}`
}
