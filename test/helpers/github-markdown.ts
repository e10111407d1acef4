import MarkdownIt from 'markdown-it'

/**
 * A CommonMark renderer with GFM tables, inline HTML and GitHub's extended autolinks (`www.` and
 * `scheme://` only: GitHub does not link a bare `broken.tf`), to check what a reader sees.
 */
export function githubMarkdown(): MarkdownIt {
  const md = new MarkdownIt({html: true, linkify: true})
  md.linkify.set({fuzzyLink: false, fuzzyEmail: false})
  return md
}

const unescapeHtml = (html: string): string =>
  html
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')

/** The text of every <code> element, as a reader copies it. */
export function codeTexts(html: string): string[] {
  return [...html.matchAll(/<code>([\s\S]*?)<\/code>/g)].map(m => unescapeHtml(m[1]!))
}

/** Every link target in rendered HTML. */
export function linkTargets(html: string): string[] {
  return [...html.matchAll(/<a href="([^"]*)"/g)].map(m => unescapeHtml(m[1]!))
}

export {unescapeHtml}
