/**
 * Install locations of package-lock.json v2/v3 `packages` keys (`node_modules/a/node_modules/@s/b`)
 * and node's lookup between them: shared by the extractor and `pipeguard fix --deps`.
 */

/** An installed package (under some node_modules), not a workspace or the root folder. */
export function isInstalled(location: string): boolean {
  return location.startsWith('node_modules/') || location.includes('/node_modules/')
}

/** The package name a location installs (`a/node_modules/@s/b` -> `@s/b`). */
export function nameAt(location: string): string {
  return location.slice(location.lastIndexOf('node_modules/') + 'node_modules/'.length)
}

/** The folder whose node_modules holds this location (`a/node_modules/@s/b` -> `a`, `node_modules/b` -> ``). */
export function ownerOf(location: string): string {
  const at = location.lastIndexOf('node_modules/')
  return at > 0 ? location.slice(0, at - 1) : ''
}

/** The folder whose node_modules is searched next (`a/node_modules/@s/b` -> `a`). */
export function parentFolder(dir: string): string {
  let up = dir.slice(0, Math.max(0, dir.lastIndexOf('/')))
  if (up.endsWith('/node_modules')) up = up.slice(0, -'/node_modules'.length)
  else if (up === 'node_modules') up = ''
  return up
}

/** Where `name` installs inside `dir`'s node_modules. */
export function childLocation(dir: string, name: string): string {
  return dir ? `${dir}/node_modules/${name}` : `node_modules/${name}`
}
