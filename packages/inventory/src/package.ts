import {z} from 'zod'

/** OSV ecosystem names, so a package can be queried as it is. */
export const ECOSYSTEMS = [
  'npm',
  'PyPI',
  'Go',
  'crates.io',
  'RubyGems',
  'Packagist',
  'Maven',
  'NuGet',
  'Pub',
  'Hex'
] as const
export const EcosystemSchema = z.enum(ECOSYSTEMS)
export type Ecosystem = z.infer<typeof EcosystemSchema>

export const ScopeSchema = z.enum(['prod', 'dev', 'optional', 'peer'])
export type Scope = z.infer<typeof ScopeSchema>

export const PackageSchema = z.object({
  ecosystem: EcosystemSchema,
  name: z.string().min(1),
  /** The exact resolved version; empty when the manifest does not pin one (then `pinned` is false). */
  version: z.string(),
  purl: z.string(),
  /** Declared by the project itself rather than pulled in by another package. */
  direct: z.boolean(),
  scope: ScopeSchema,
  /** Lockfile integrity or checksum as written (e.g. `sha512-...`, `h1:...`, hex sha256). */
  integrity: z.string().optional(),
  license: z.string().optional(),
  /** False for manifest lines without an exact version (`requests>=2`): reported, never guessed. */
  pinned: z.boolean().default(true),
  location: z.object({path: z.string(), startLine: z.number().int().min(1)}),
  /** purls of the packages this one depends on, within the same lockfile. */
  dependencies: z.array(z.string())
})
export type Package = z.infer<typeof PackageSchema>
export type PackageInput = z.input<typeof PackageSchema>

export const InventoryErrorSchema = z.object({path: z.string(), message: z.string()})

export const InventorySchema = z.object({
  packages: z.array(PackageSchema),
  errors: z.array(InventoryErrorSchema)
})
export type Inventory = z.infer<typeof InventorySchema>
