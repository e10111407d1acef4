/** A content hash in the two names SBOM formats use for its algorithm. */
export interface PackageHash {
  /** CycloneDX name (`SHA-512`). */
  cyclonedx: 'SHA-1' | 'SHA-256' | 'SHA-384' | 'SHA-512'
  /** SPDX name (`SHA512`). */
  spdx: 'SHA1' | 'SHA256' | 'SHA384' | 'SHA512'
  /** Lower-case hex. */
  hex: string
}

const ALGORITHMS: Record<string, Pick<PackageHash, 'cyclonedx' | 'spdx'>> = {
  sha1: {cyclonedx: 'SHA-1', spdx: 'SHA1'},
  sha256: {cyclonedx: 'SHA-256', spdx: 'SHA256'},
  sha384: {cyclonedx: 'SHA-384', spdx: 'SHA384'},
  sha512: {cyclonedx: 'SHA-512', spdx: 'SHA512'}
}

const HEX_LENGTH: Record<string, number> = {sha1: 40, sha256: 64, sha384: 96, sha512: 128}

/**
 * Lockfile integrity fields come in several spellings: SRI (`sha512-<base64>`, npm/yarn/pnpm/bun,
 * NuGet's base64 contentHash is SHA-512), `sha256:<hex>` (Python lockfiles), bare hex (Cargo
 * sha256, Composer sha1). Go's `h1:` is a hash of a file tree, not of an artifact: not a package hash.
 */
export function parseIntegrity(integrity: string | undefined, ecosystem: string): PackageHash[] {
  if (!integrity) return []
  const out: PackageHash[] = []
  for (const token of integrity.trim().split(/\s+/)) {
    const sri = /^(sha1|sha256|sha384|sha512)-([A-Za-z0-9+/]+={0,2})$/.exec(token)
    const prefixed = /^(sha1|sha256|sha384|sha512):([0-9a-fA-F]+)$/.exec(token)
    let algorithm: string | undefined
    let hex: string | undefined
    if (sri) {
      algorithm = sri[1]
      hex = Buffer.from(sri[2]!, 'base64').toString('hex')
    } else if (prefixed) {
      algorithm = prefixed[1]
      hex = prefixed[2]!.toLowerCase()
    } else if (/^[0-9a-fA-F]{64}$/.test(token)) {
      algorithm = 'sha256'
      hex = token.toLowerCase()
    } else if (/^[0-9a-fA-F]{40}$/.test(token)) {
      algorithm = 'sha1'
      hex = token.toLowerCase()
    } else if (ecosystem === 'NuGet' && /^[A-Za-z0-9+/]{86}==$/.test(token)) {
      algorithm = 'sha512'
      hex = Buffer.from(token, 'base64').toString('hex')
    }
    if (!algorithm || !hex || hex.length !== HEX_LENGTH[algorithm]) continue
    out.push({...ALGORITHMS[algorithm]!, hex})
  }
  return out
}
