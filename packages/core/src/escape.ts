/** Invisible, not whitespace to the Actions runner: it breaks a token without changing what is shown. */
const ZWSP = '\u200b'

/**
 * Untrusted text (file names, matched content, advisory text) rendered into GitHub markdown:
 * no raw HTML (so no `<!--` that could pass for a marker), no links, images or autolinks, no
 * @mentions or #references, no table breaks, no line breaks.
 */
export function escapeMarkdown(text: string): string {
  return breakAutolinks(
    text
      .replace(/[\r\n\u2028\u2029]+/g, ' ')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/([\\`*_{}[\]()#!|~])/g, '\\$1')
  )
}

/**
 * What GitHub links by itself in plain text: `scheme://` and `www.` autolinks, @mentions and
 * e-mail addresses, `#123`, `owner/repo#123` and `GH-123` references. Only the renderer may link.
 */
function breakAutolinks(text: string): string {
  return text
    .replace(/:\/\//g, `:${ZWSP}//`)
    .replace(/(www)\./gi, `$1${ZWSP}.`)
    .replace(/@/g, `@${ZWSP}`)
    .replace(/#(?=\w)/g, `#${ZWSP}`)
    .replace(/\b(GH)-(?=\d)/gi, `$1${ZWSP}-`)
}

/**
 * Monospace for file names, rule ids and versions. Not a backtick span: inside one neither `\`
 * nor `&lt;` escapes anything, so `<!--` or a backtick could not be escaped there. `<code>` holds
 * markdown, so its text is escaped like any other.
 */
export function escapeInlineCode(text: string): string {
  return `<code>${escapeMarkdown(text)}</code>`
}

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;')
}

/** Terminal output: control characters from a file name must not move the cursor or recolour. */
export function stripControl(text: string): string {
  return text.replace(/[\x00-\x08\x0b-\x1f\x7f\x9b]/g, '?')
}
