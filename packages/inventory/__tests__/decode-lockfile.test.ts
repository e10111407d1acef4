import {describe, expect, it} from '@jest/globals'
import {decodeLockfile} from '../src/decode-lockfile'
import {ExtractError} from '../src/extractor'

const utf16le = (text: string): Buffer =>
  Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])
const utf16be = (text: string): Buffer => {
  const le = Buffer.from(text, 'utf16le')
  return Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(le).swap16()])
}

function thrown(run: () => unknown): ExtractError {
  try {
    run()
  } catch (error) {
    if (error instanceof ExtractError) return error
    throw error
  }
  throw new Error('expected an ExtractError')
}

describe('decodeLockfile', () => {
  it('drops a UTF-8 byte order mark from the workspace text and from raw bytes', () => {
    expect(decodeLockfile('\uFEFF{"a": 1}')).toBe('{"a": 1}')
    expect(decodeLockfile(Buffer.from('\uFEFF{"a": 1}', 'utf8'))).toBe('{"a": 1}')
    expect(decodeLockfile('{"a": "\uFEFF"}')).toBe('{"a": "\uFEFF"}')
  })

  it('decodes UTF-16 LE and BE with a byte order mark where the format accepts it', () => {
    const text = 'requests==2.31.0\nnaïve==1.0\n'
    expect(decodeLockfile(utf16le(text), {utf16: true})).toBe(text)
    expect(decodeLockfile(utf16be(text), {utf16: true})).toBe(text)
  })

  it('names UTF-16 and UTF-32 where the format is read as UTF-8 only', () => {
    expect(thrown(() => decodeLockfile(utf16le('{}'))).message).toBe(
      'the file is UTF-16LE (it starts with the byte order mark FF FE); this format is read as UTF-8 only: save it as UTF-8'
    )
    expect(thrown(() => decodeLockfile(utf16be('{}'))).message).toContain('UTF-16BE')
    const utf32 = Buffer.from([0xff, 0xfe, 0, 0, 0x7b, 0, 0, 0])
    expect(thrown(() => decodeLockfile(utf32, {utf16: true})).message).toContain(
      'UTF-32LE (it starts with the byte order mark FF FE 0 0)'
    )
  })

  it('applies the same rule to text the workspace already decoded from UTF-16', () => {
    expect(decodeLockfile('requests==2.31.0\n', {utf16: true}, 'utf16le')).toBe(
      'requests==2.31.0\n'
    )
    expect(thrown(() => decodeLockfile('{}', {}, 'utf16be')).message).toBe(
      'the file is UTF-16BE (it starts with the byte order mark FE FF); this format is read as UTF-8 only: save it as UTF-8'
    )
  })

  it('rejects broken UTF-16 after its byte order mark', () => {
    const odd = Buffer.from([0xff, 0xfe, 0x61, 0x00, 0x62])
    expect(thrown(() => decodeLockfile(odd, {utf16: true})).message).toContain(
      'is not valid UTF-16LE'
    )
  })

  it('rejects NUL bytes (binary, or UTF-16 without a byte order mark) at their line', () => {
    const error = thrown(() => decodeLockfile(Buffer.from('a==1\nb==2\u0000\n', 'utf8')))
    expect(error.line).toBe(2)
    expect(error.message).toContain('NUL byte')
    expect(thrown(() => decodeLockfile(Buffer.from('a==1', 'utf16le'), {utf16: true})).line).toBe(1)
    expect(thrown(() => decodeLockfile('x\n\n\u0000')).line).toBe(3)
  })

  it('passes plain UTF-8 through', () => {
    expect(decodeLockfile(Buffer.from('é\n', 'utf8'))).toBe('é\n')
    expect(decodeLockfile('lockfileVersion: 9\n')).toBe('lockfileVersion: 9\n')
  })
})
