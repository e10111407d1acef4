import type {DirectUpgrade} from './direct-upgrade'
import type {FixPlan} from './plan-fixes'

/** Lines of direct upgrades shown in full; the rest are counted (the JSON form has them all). */
export const FIXES_SHOWN_PER_PACKAGE = 3

/**
 * The npm command that makes one direct upgrade, in the folder that declares the dependency; for
 * a relock, `npm update` of the vulnerable packages it reaches (npm 7+ updates nested ones too).
 */
export function installCommand(upgrade: DirectUpgrade): string {
  const workspace = upgrade.folder ? ` -w ${shellWord(upgrade.folder)}` : ''
  if (upgrade.relock)
    return `npm update${workspace} ${[...new Set(upgrade.fixes.map(f => shellWord(f.name)))].join(' ')}`
  const save =
    upgrade.field === 'devDependencies'
      ? ' --save-dev'
      : upgrade.field === 'optionalDependencies'
        ? ' --save-optional'
        : upgrade.field === 'peerDependencies'
          ? ' --save-peer'
          : ''
  return `npm install${workspace}${save} ${shellWord(`${upgrade.name}@${upgrade.to}`)}`
}

/**
 * One shell word: names and folders come from the lockfile, and a printed command gets pasted
 * into a shell, so anything beyond the characters of npm names and versions is single-quoted.
 */
export function shellWord(text: string): string {
  return /^[A-Za-z0-9@/._~^+-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`
}

/** Relocks of one folder as one `npm update` naming every package they reach. */
function mergeRelocks(relocks: DirectUpgrade[]): DirectUpgrade[] {
  const byFolder = new Map<string, DirectUpgrade>()
  for (const relock of relocks) {
    const seen = byFolder.get(relock.folder)
    if (!seen) byFolder.set(relock.folder, {...relock, fixes: [...relock.fixes]})
    else seen.fixes.push(...relock.fixes)
  }
  return [...byFolder.values()]
}

/**
 * The plan as text. Every name, version and reason comes from the lockfile or the registry:
 * `clean` (the caller's control-character stripper) is applied to each.
 */
export function renderFixPlan(plan: FixPlan, clean: (text: string) => string): string {
  const lines: string[] = []
  lines.push(
    `${clean(plan.lockPath)}: ${plan.packages} packages, ${plan.vulnerable.length} vulnerable`
  )
  if (plan.inPlace.length) {
    lines.push('', 'In-place lockfile updates (package.json unchanged):')
    for (const fix of plan.inPlace) {
      const why = fix.requiredBy
        ? `needed by ${clean(fix.requiredBy)}`
        : `fixes ${fix.fixes.map(clean).join(', ')}`
      lines.push(
        `  ${clean(fix.name)} ${clean(fix.from)} -> ${clean(fix.to)} (${clean(fix.location)}): ${why}`
      )
    }
  }
  const relock = mergeRelocks(plan.direct.filter(u => u.relock))
  const upgrades = plan.direct.filter(u => !u.relock)
  if (relock.length) {
    lines.push('', 'Relock (the ranges already allow fixed versions; package.json unchanged):')
    renderUpgrades(relock, lines, clean)
  }
  if (upgrades.length) {
    lines.push(
      '',
      'Direct dependency upgrades (checked along the path shown; run `pipeguard deps` after `npm install` to confirm):'
    )
    renderUpgrades(upgrades, lines, clean)
  }
  if (plan.unfixed.length) {
    lines.push('', 'No upgrade found:')
    for (const u of plan.unfixed) {
      lines.push(
        `  ${clean(u.name)} ${clean(u.version)} (${clean(u.location)}, ${u.advisories.map(clean).join(', ')}): ${clean(u.reason)}`
      )
    }
  }
  if (plan.errors.length) {
    lines.push('', 'Incomplete: not everything could be checked:')
    for (const e of plan.errors) lines.push(`  ${clean(e.message)}`)
  }
  if (!plan.vulnerable.length && !plan.errors.length) lines.push('', 'Nothing to fix.')
  return lines.join('\n') + '\n'
}

function renderUpgrades(
  upgrades: DirectUpgrade[],
  lines: string[],
  clean: (text: string) => string
): void {
  for (const upgrade of upgrades) {
    lines.push(`  ${clean(installCommand(upgrade))}`)
    if (upgrade.breaking)
      lines.push(
        `    major upgrade from ${clean(upgrade.from)}: read its changelog for breaking changes`
      )
    const shown = upgrade.fixes.slice(0, FIXES_SHOWN_PER_PACKAGE)
    for (const fix of shown) {
      lines.push(
        `    removes ${clean(fix.name)} ${clean(fix.version)} (${fix.advisories.map(clean).join(', ')}) via ${fix.path.map(clean).join(' > ')}`
      )
    }
    if (upgrade.fixes.length > shown.length)
      lines.push(`    and ${upgrade.fixes.length - shown.length} more`)
  }
}
