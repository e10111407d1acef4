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
 * Untrusted text as a code span that shows and copies exactly as written: a code span interprets
 * nothing (no HTML, links, mentions or escapes), so the text stays raw and only its fence has to
 * be right. The fence is one backtick longer than the longest run in the text, so the text cannot
 * close it; line breaks become spaces (a code span has none, and one would end a table row). In a
 * table cell `|` is written `\|`, which GitHub shows as `|` inside code. Text with `<` is escaped
 * `<code>` instead, so no rendered body ever holds `<` from content.
 */
export function codeSpan(text: string, options: {table?: boolean} = {}): string {
  let raw = text.replace(/[\r\n\u2028\u2029]+/g, ' ')
  // `\|` in the text would become `\\|`, which a table may read as an escaped backslash and a cell
  // break; `<` could spell a marker (`<!-- pipeguard:... -->`) that naive readers of a body look for.
  if ((options.table && raw.includes('\\|')) || raw.includes('<'))
    return `<code>${escapeMarkdown(raw)}</code>`
  if (options.table) raw = raw.replace(/\|/g, '\\|')
  if (raw === '') return '<code></code>'
  const longest = Math.max(0, ...(raw.match(/`+/g) ?? []).map(run => run.length))
  const fence = '`'.repeat(longest + 1)
  // One space each side is stripped by the renderer; it keeps a leading or trailing backtick off the fence.
  const pad = /^[`\s]|[`\s]$/.test(raw) && raw.trim() !== '' ? ' ' : ''
  return `${fence}${pad}${raw}${pad}${fence}`
}

/** Monospace for file names, rule ids and versions in a table cell or a list. */
export function escapeInlineCode(text: string): string {
  return codeSpan(text, {table: true})
}

/**
 * Text that marks code with backticks (a fix hint: "Add `--no-install-recommends`"): each
 * backtick span becomes a raw code span, copy-pasteable; everything else is escaped with
 * escapeMarkdown. An unpaired backtick is plain text.
 */
export function markdownWithCode(text: string, options: {table?: boolean} = {}): string {
  const out: string[] = []
  const span = /(`+)([^`]|[^`][\s\S]*?[^`])\1(?!`)/g
  let last = 0
  for (const m of text.matchAll(span)) {
    out.push(escapeMarkdown(text.slice(last, m.index)), codeSpan(m[2]!.trim() || m[2]!, options))
    last = m.index + m[0].length
  }
  out.push(escapeMarkdown(text.slice(last)))
  return out.join('')
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
