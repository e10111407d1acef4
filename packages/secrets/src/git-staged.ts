import type {AddedText} from './git-patch'
import {PLAIN_PATCH_FLAGS, requireGitRepo, streamPatches} from './git-run'

/** The lines added in the index (what `git commit` would record), for a pre-commit hook. */
export async function scanStaged(root: string, onAdded: (added: AddedText) => void): Promise<void> {
  await requireGitRepo(root, '--staged')
  const flags = PLAIN_PATCH_FLAGS.filter(f => f !== '-p')
  await streamPatches(root, ['diff', '--cached', ...flags, '--diff-filter=ACMR', '--'], onAdded)
}
