import {normalizePythonName} from './python-name'
import {parseToml} from './toml-lines'

/** Direct dependency names (PEP 503) a pyproject.toml declares, by the scope they install in. */
export interface PythonManifestRoots {
  prod: Set<string>
  optional: Set<string>
  dev: Set<string>
}

const REQUIREMENT_NAME = /^\s*([A-Za-z0-9][A-Za-z0-9._-]*)/

/** The project name at the start of a PEP 508 requirement string (`requests[socks]>=2; ...`). */
export function requirementName(requirement: string): string | undefined {
  const match = REQUIREMENT_NAME.exec(requirement)
  return match?.[1] ? normalizePythonName(match[1]) : undefined
}

/**
 * PEP 621 `[project]` (dependencies, optional-dependencies), PEP 735 `[dependency-groups]`, Poetry
 * `[tool.poetry.*dependencies]` and groups, PDM and uv dev-dependencies. A pyproject.toml that does not
 * parse gives no roots: the lockfile still yields its packages.
 */
export function pyprojectRoots(text: string | undefined): PythonManifestRoots | undefined {
  if (text === undefined) return undefined
  let doc: Record<string, unknown>
  try {
    doc = parseToml(text)
  } catch {
    return undefined
  }
  const roots: PythonManifestRoots = {prod: new Set(), optional: new Set(), dev: new Set()}
  const project = record(doc.project)
  addRequirements(roots.prod, project.dependencies)
  for (const list of Object.values(record(project['optional-dependencies'])))
    addRequirements(roots.optional, list)
  for (const list of Object.values(record(doc['dependency-groups'])))
    addRequirements(roots.dev, list)
  const tool = record(doc.tool)
  const poetry = record(tool.poetry)
  for (const [name, spec] of Object.entries(record(poetry.dependencies))) {
    if (name.toLowerCase() === 'python') continue
    const optional =
      typeof spec === 'object' && spec !== null && (spec as {optional?: unknown}).optional === true
    ;(optional ? roots.optional : roots.prod).add(normalizePythonName(name))
  }
  for (const name of Object.keys(record(poetry['dev-dependencies'])))
    roots.dev.add(normalizePythonName(name))
  for (const group of Object.values(record(poetry.group)))
    for (const name of Object.keys(record(record(group).dependencies)))
      roots.dev.add(normalizePythonName(name))
  for (const list of Object.values(record(record(tool.pdm)['dev-dependencies'])))
    addRequirements(roots.dev, list)
  addRequirements(roots.dev, record(tool.uv)['dev-dependencies'])
  return roots
}

function addRequirements(into: Set<string>, list: unknown): void {
  if (!Array.isArray(list)) return
  for (const item of list) {
    const name = typeof item === 'string' ? requirementName(item) : undefined
    if (name) into.add(name)
  }
}

function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {}
}
