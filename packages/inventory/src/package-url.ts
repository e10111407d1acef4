import {PackageURL} from 'packageurl-js'
import {ExtractError} from './extractor'
import {excerpt} from './excerpt'

/**
 * The purl of a package read from a lockfile. packageurl-js validates names and versions per type
 * and throws on what its type does not allow (a pub name with `[`, a Go `v` version that is not
 * semver): that is a bad file, so an ExtractError naming the package (and its line when known).
 */
export function packageUrl(
  type: string,
  namespace: string | undefined,
  name: string,
  version: string | undefined,
  line?: number
): string {
  try {
    return new PackageURL(type, namespace, name, version, undefined, undefined).toString()
  } catch (error) {
    const reason =
      error instanceof Error && /^Invalid purl/.test(error.message) ? error.message : ''
    const label = excerpt(
      `${namespace ? `${namespace}/` : ''}${name}${version ? `@${version}` : ''}`
    )
    throw new ExtractError(
      `${label} is not a valid ${type} package name and version${reason ? ` (${reason})` : ''}`,
      line
    )
  }
}
