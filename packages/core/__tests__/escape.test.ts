import {describe, expect, it} from '@jest/globals'
import {
  escapeInlineCode,
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

describe('escapeInlineCode', () => {
  it('escapes < inside the code span, where backtick spans could not', () => {
    const out = escapeInlineCode('<!-- pipeguard:dependency-audit -->.env')
    expect(out).toBe('<code>&lt;\\!-- pipeguard:dependency-audit --&gt;.env</code>')
    expect(out.replace(/<\/?code>/g, '')).not.toContain('<')
  })

  it('keeps backticks and pipes as text, and breaks autolinks inside', () => {
    expect(escapeInlineCode('a`b|c')).toBe('<code>a\\`b\\|c</code>')
    expect(escapeInlineCode('https://x.example/@y')).toBe(
      `<code>https:${Z}//x.example/@${Z}y</code>`
    )
  })

  it('leaves a plain path readable', () => {
    expect(escapeInlineCode('src/app.ts:3')).toBe('<code>src/app.ts:3</code>')
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
