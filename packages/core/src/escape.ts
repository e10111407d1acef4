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

/**
 * Workflow commands a CI runner acts on in any line it reads from a step: `::name::` at the start
 * of a line after blanks (GitHub Actions), `##[name]` (its legacy form) and `##vso[` (Azure
 * Pipelines) anywhere in a line. A zero-width space breaks each, so printed text can neither mask
 * a value, set an output nor forge an annotation. Every human output passes through this.
 */
export function neutralizeWorkflowCommands(text: string): string {
  return text
    .replace(/^([\s\u0085]*):(?=:)/gm, `$1:${ZWSP}`)
    .replace(/#(?=#(?:vso)?\[)/gi, `#${ZWSP}`)
}

/**
 * One untrusted fragment (a file name, a key, a message) in terminal or CI-log output: control
 * characters and line breaks become `?`, so it cannot move the cursor, recolour or start a line of
 * its own, and it starts no workflow command.
 */
export function stripControl(text: string): string {
  return neutralizeWorkflowCommands(text.replace(/[\x00-\x08\x0a-\x1f\x7f-\x9f\u2028\u2029]/g, '?'))
}
