import type {Workspace} from '@pipeguard/core'
import {
  baseWorkspace,
  extractInventory,
  inventoryFileRequired,
  readBaseFiles,
  type Inventory
} from '@pipeguard/inventory'

/**
 * The inventory of the repository at another commit (a pull request's base), read the way the
 * dependency audit reads it: the head's lockfiles as they were there, plus ones the change deleted.
 */
export async function inventoryAtRevision(
  workspace: Workspace,
  revision: string
): Promise<Inventory> {
  const lockfiles = workspace.files.map(f => f.path).filter(path => inventoryFileRequired(path))
  const base = await readBaseFiles(workspace.root, revision, lockfiles, path =>
    inventoryFileRequired(path)
  )
  if (base.problem) throw new Error(base.problem)
  const view = baseWorkspace(workspace, base.texts, base.deleted)
  return extractInventory(view.workspace, view.files)
}
