import type {Finding} from './finding'

/** How many other locations the text reports name before "+N more"; JSON and SARIF list them all. */
export const RELATED_LOCATIONS_SHOWN = 5

/** `also at a.yaml:3, b.yaml:3 (+2 more)`, or undefined when the finding stands alone. */
export function relatedLocationsText(f: Finding): string | undefined {
  const all = f.relatedLocations ?? []
  if (all.length === 0) return undefined
  const named = all.slice(0, RELATED_LOCATIONS_SHOWN).map(l => `${l.path}:${l.startLine}`)
  const more = all.length - named.length
  return `also at ${named.join(', ')}${more > 0 ? ` (+${more} more)` : ''}`
}
