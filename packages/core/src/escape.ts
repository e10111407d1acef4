/**
 * Untrusted text (file names, matched content, advisory text) rendered into GitHub markdown:
 * no raw HTML, no links or images, no @mentions or #references, no table breaks.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\r\n]+/g, ' ')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/([\\`*_{}[\]()#!|~])/g, '\\$1')
    .replace(/@/g, '@\u200b')
}

/** For text inside an inline code span: backticks cannot be escaped there, so they are replaced. */
export function escapeInlineCode(text: string): string {
  const clean = text
    .replace(/[\r\n]+/g, ' ')
    .replace(/`/g, 'ˋ')
    .replace(/\|/g, '¦')
  return `\`${clean}\``
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
