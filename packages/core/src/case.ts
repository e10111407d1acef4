export function kebabToCamel(key: string): string {
  return key.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase())
}

export function camelToKebab(key: string): string {
  return key.replace(/[A-Z]/g, c => `-${c.toLowerCase()}`)
}

/** Config files and action inputs use kebab-case keys; the schemas use camelCase. */
export function camelizeKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(camelizeKeys)
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([k, v]) => [
        kebabToCamel(k),
        camelizeKeys(v)
      ])
    )
  }
  return value
}

/** Two spellings of one setting in one mapping (`skip-checks` and `skipChecks`): which one wins is
 * arbitrary, so a config that has both is rejected rather than read with one silently dropped. */
export function findKeyCollision(
  value: unknown,
  path: readonly string[] = []
): {path: string[]; keys: [string, string]} | undefined {
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = findKeyCollision(item, [...path, `[${index}]`])
      if (found) return found
    }
    return undefined
  }
  if (!value || typeof value !== 'object' || value instanceof Date) return undefined
  const seen = new Map<string, string>()
  for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
    const camel = kebabToCamel(key)
    const other = seen.get(camel)
    if (other !== undefined) return {path: [...path], keys: [other, key]}
    seen.set(camel, key)
    const found = findKeyCollision(child, [...path, key])
    if (found) return found
  }
  return undefined
}
