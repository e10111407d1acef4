/**
 * `name@range` split at the `@` that ends the name (a scoped name starts with one). Works for
 * yarn descriptors (`lodash@^4`, `@babel/core@npm:^7`, `alias@npm:real@^1`) and bun idents.
 */
export function splitSpec(spec: string): {name: string; range: string} {
  const at = spec.indexOf('@', 1)
  if (at === -1) return {name: spec, range: ''}
  return {name: spec.slice(0, at), range: spec.slice(at + 1)}
}

/**
 * The package an `npm:` alias range points at: `npm:string-width@^4` -> string-width. A plain
 * range (or `npm:^4`, which keeps the name) returns the declared name.
 */
export function aliasTarget(declaredName: string, range: string): string {
  if (!range.startsWith('npm:')) return declaredName
  const inner = range.slice(4)
  const at = inner.indexOf('@', 1)
  return at === -1 ? declaredName : inner.slice(0, at)
}
