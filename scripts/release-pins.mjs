// How docs and examples refer to pipeguard itself, and the rewrite a release applies to them.
// Pure text functions: scripts/release.mjs does the I/O, test/release.test.ts checks both.

export const REPOSITORY = 'pipeguard/pipeguard'

// Whole YAML lines only (workflows and code blocks in markdown), never prose that names the keys.
// `[- ]uses: pipeguard/pipeguard[/sub/path]@REF [# comment]`
const USES =
  /^([ \t]*(?:-[ \t]+)?uses:[ \t]*pipeguard\/pipeguard(?:\/[^\s@]*)?)@[^\s#]+(?:[ \t]+#[^\n]*)?$/gm
// A pre-commit `rev:` right under this repository's `repo:` line.
const PRE_COMMIT_REV =
  /(repo:\s*https:\/\/github\.com\/pipeguard\/pipeguard\s*\n\s*rev:[ \t]*)[^\n]*/g
// The org-scan workflow's checkout of pipeguard itself, pinned like its `uses:`.
const PIPEGUARD_REF = /^([ \t]*pipeguard-ref:[ \t]*)[^\s#]+(?:[ \t]+#[^\n]*)?$/gm

/**
 * Points every reference to pipeguard at a release: `@<commit sha> # vX.Y.Z` (a full SHA cannot be
 * moved to other code, and Dependabot/Renovate update a SHA pin together with its version comment).
 */
export function pinToRelease(text, {sha, version}) {
  if (!/^[0-9a-f]{40}$/.test(sha)) throw new Error(`not a full commit SHA: ${sha}`)
  return text
    .replace(USES, `$1@${sha} # v${version}`)
    .replace(PRE_COMMIT_REV, `$1${sha} # frozen: v${version}`)
    .replace(PIPEGUARD_REF, `$1${sha} # v${version}`)
}

/** Every `@ref` (or `rev:` / `pipeguard-ref:`) by which the text refers to pipeguard, with its comment. */
export function pipeguardPins(text) {
  const pins = []
  for (const m of text.matchAll(USES)) pins.push(m[0].slice(m[1].length + 1).trim())
  for (const m of text.matchAll(PRE_COMMIT_REV)) pins.push(m[0].slice(m[1].length).trim())
  for (const m of text.matchAll(PIPEGUARD_REF)) pins.push(m[0].slice(m[1].length).trim())
  return pins
}
