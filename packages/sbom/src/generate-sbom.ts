import {TOOL_NAME, VERSION, Workspace, workspaceOptions, type Config} from '@pipeguard/core'
import {extractInventory, inventoryFileRequired, type Inventory} from '@pipeguard/inventory'
import {toComponents, type SbomComponent} from './components'
import {buildCycloneDx, type CycloneDxSpecVersion} from './cyclonedx'
import {gatherMeta} from './sbom-meta'
import {buildSpdx} from './spdx'

export const SBOM_FORMATS = ['cyclonedx-json', 'spdx-json'] as const
export type SbomFormat = (typeof SBOM_FORMATS)[number]

export interface SbomOptions {
  format: SbomFormat
  specVersion: CycloneDxSpecVersion
  /** Stamp the wall-clock time (the output then differs between runs). */
  timestamp?: Date
}

export interface SbomResult {
  document: string
  inventory: Inventory
  components: SbomComponent[]
  /** The files read, for a later look at the same tree (a PR's base inventory). */
  workspace: Workspace
}

async function openInventory(
  root: string,
  config: Config
): Promise<{inventory: Inventory; workspace: Workspace}> {
  const workspace = await Workspace.open(root, workspaceOptions(config))
  const inventory = await extractInventory(
    workspace,
    workspace.files.filter(f => inventoryFileRequired(f.path))
  )
  return {inventory, workspace}
}

/** Inventory -> components -> CycloneDX or SPDX. Same tree and commit, same bytes. */
export async function generateSbom(
  root: string,
  config: Config,
  options: SbomOptions,
  env: NodeJS.ProcessEnv = process.env
): Promise<SbomResult> {
  const {inventory, workspace} = await openInventory(root, config)
  const components = toComponents(inventory.packages)
  const meta = {
    ...(await gatherMeta(root, env, {name: TOOL_NAME, version: VERSION}, workspace.isGitRepo)),
    timestamp: options.timestamp
  }
  const document =
    options.format === 'spdx-json'
      ? buildSpdx(components, meta)
      : buildCycloneDx(components, meta, options.specVersion)
  return {document, inventory, components, workspace}
}
