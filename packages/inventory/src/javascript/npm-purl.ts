import {PackageURL} from 'packageurl-js'

const cache = new Map<string, string>()

/** `pkg:npm/%40scope/name@1.2.3` per the purl spec (scope is the namespace, `@` encoded). */
export function npmPurl(name: string, version: string): string {
  const key = `${name}@${version}`
  let purl = cache.get(key)
  if (purl === undefined) {
    const slash = name.startsWith('@') ? name.indexOf('/') : -1
    const namespace = slash > 0 ? name.slice(0, slash) : undefined
    const bare = slash > 0 ? name.slice(slash + 1) : name
    purl = new PackageURL(
      'npm',
      namespace,
      bare,
      version || undefined,
      undefined,
      undefined
    ).toString()
    cache.set(key, purl)
  }
  return purl
}
