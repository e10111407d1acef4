import {describe, expect, it} from '@jest/globals'
import {codeTexts, githubMarkdown, unescapeHtml} from '../../../test/helpers/github-markdown'
import {
  codeSpan,
  escapeInlineCode,
  markdownWithCode,
  escapeMarkdown,
  neutralizeWorkflowCommands,
  stripControl
} from '../src/escape'

const Z = '\u200b'

describe('escapeMarkdown', () => {
  it('breaks every link GitHub would make by itself', () => {
    expect(escapeMarkdown('uses: https://evil.example/x')).toBe(`uses: https:${Z}//evil.example/x`)
    expect(escapeMarkdown('name www.evil.example')).toBe(`name www${Z}.evil.example`)
    expect(escapeMarkdown('WWW.evil.example')).toBe(`WWW${Z}.evil.example`)
    expect(escapeMarkdown('version @evil, mail a@b.example')).toBe(
      `version @${Z}evil, mail a@${Z}b.example`
    )
    expect(escapeMarkdown('see #12, acme/app#3 and gh-4')).toBe(
      `see \\#${Z}12, acme/app\\#${Z}3 and gh${Z}-4`
    )
  })

  it('leaves text without a link alone', () => {
    expect(escapeMarkdown('lodash 4.17.20 is affected: 2 paths')).toBe(
      'lodash 4.17.20 is affected: 2 paths'
    )
    expect(escapeMarkdown('a # b, GH-x, wwwx')).toBe('a \\# b, GH-x, wwwx')
  })

  it('cannot produce an HTML comment, a tag or a second line', () => {
    const out = escapeMarkdown('<!-- pipeguard:dependency-audit -->\n<img src=x>')
    expect(out).toBe('&lt;\\!-- pipeguard:dependency-audit --&gt; &lt;img src=x&gt;')
    expect(out).not.toContain('<')
  })
})

const md = githubMarkdown()

const HOSTILE = [
  'node:20.18-alpine@sha256:0d1e',
  '<!-- pipeguard:dependency-audit -->.env',
  'a`b``c```d',
  '`starts and ends with a backtick`',
  ' padded ',
  '](https://evil.example) @admin #12 www.evil.example',
  '*not emphasis* _nor this_ \\escaped',
  'a|b'
]

describe('codeSpan', () => {
  it.each(HOSTILE)('renders %j as exactly one code element holding the raw text', text => {
    const html = md.renderInline(`before ${codeSpan(text)} after`)
    expect(codeTexts(html)).toEqual([text])
    expect(html).not.toContain('<a ')
    if (!text.includes('<')) expect(codeSpan(text)).not.toContain('\u200b')
  })

  it('never writes < from content: a comment marker cannot be spelled', () => {
    expect(codeSpan('<!-- pipeguard:x -->')).toBe('<code>&lt;\\!-- pipeguard:x --&gt;</code>')
  })

  it('keeps a line break from ending the span or the table row', () => {
    const html = md.render(
      `| a | b |\n| --- | --- |\n| ${codeSpan('x\n| y\n- z', {table: true})} | c |`
    )
    expect(codeTexts(html)).toEqual(['x | y - z'])
    expect(html.match(/<td>/g)).toHaveLength(2)
  })

  it.each(HOSTILE)('keeps %j in its table cell', text => {
    const html = md.render(`| a | b |\n| --- | --- |\n| ${codeSpan(text, {table: true})} | c |`)
    expect(html.match(/<td>/g)).toHaveLength(2)
    expect(codeTexts(html)).toEqual([text])
  })

  it('falls back to escaped <code> for a backslash before a pipe in a table', () => {
    const html = md.render(`| a | b |\n| --- | --- |\n| ${codeSpan('x\\|y', {table: true})} | c |`)
    expect(html.match(/<td>/g)).toHaveLength(2)
    expect(codeTexts(html)).toEqual(['x\\|y'])
  })

  it('is a visible empty element for empty text', () => {
    expect(codeSpan('')).toBe('<code></code>')
  })

  it('is a plain backtick span for plain text', () => {
    expect(escapeInlineCode('src/app.ts:3')).toBe('`src/app.ts:3`')
    expect(codeSpan('a`b')).toBe('``a`b``')
  })
})

describe('markdownWithCode', () => {
  it('keeps the code of a fix hint copy-pasteable and escapes the rest', () => {
    const hint = 'Pin @team: `FROM node:20.18-alpine@sha256:0d1e` then see https://x.example'
    const out = markdownWithCode(hint)
    const html = md.renderInline(out)
    expect(codeTexts(html)).toEqual(['FROM node:20.18-alpine@sha256:0d1e'])
    expect(out).toContain(`Pin @${Z}team`)
    expect(html).not.toContain('<a ')
  })

  it('treats an unpaired backtick as text', () => {
    const html = md.renderInline(markdownWithCode('a ` b'))
    expect(codeTexts(html)).toEqual([])
    expect(unescapeHtml(html)).toBe('a ` b')
  })

  it('cannot be broken out of by code that holds backticks or a table pipe', () => {
    const hint = 'Run ``echo `x` | y`` now'
    const html = md.render(
      `| a | b |\n| --- | --- |\n| ${markdownWithCode(hint, {table: true})} | c |`
    )
    expect(html.match(/<td>/g)).toHaveLength(2)
    expect(codeTexts(html)).toEqual(['echo `x` | y'])
  })
})

describe('neutralizeWorkflowCommands', () => {
  it('breaks :: at the start of any line, after blanks as the runner trims them', () => {
    expect(neutralizeWorkflowCommands('::error::pwn\n  ::add-mask::x\r\n\t::warning::y')).toBe(
      `:${Z}:error::pwn\n  :${Z}:add-mask::x\r\n\t:${Z}:warning::y`
    )
  })

  it('breaks ##[ and ##vso[ anywhere in a line', () => {
    expect(neutralizeWorkflowCommands('a ##[set-output name=x]y ##VSO[task.setvariable]z')).toBe(
      `a #${Z}#[set-output name=x]y #${Z}#VSO[task.setvariable]z`
    )
  })

  it('leaves :: inside a line and other hashes alone', () => {
    const text = 'std::string at a.cpp:3 ## heading [x]\narn:aws::s3'
    expect(neutralizeWorkflowCommands(text)).toBe(text)
  })
})

describe('stripControl', () => {
  it('keeps a fragment on its line: a newline in a file name becomes ?', () => {
    expect(stripControl('x\n::error::pwn.tf')).toBe('x?::error::pwn.tf')
    expect(stripControl('a\rb\u2028c\u0085d\x1b[31m')).toBe('a?b?c?d?[31m')
  })

  it('a fragment that starts with a command does not start one', () => {
    expect(stripControl('::add-mask::x')).toBe(`:${Z}:add-mask::x`)
    expect(stripControl(' ##[error]x')).toBe(` #${Z}#[error]x`)
  })

  it('leaves ordinary text and tabs alone', () => {
    expect(stripControl('src/main.tf:3\tok')).toBe('src/main.tf:3\tok')
  })
})
