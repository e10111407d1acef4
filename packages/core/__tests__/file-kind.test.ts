import {describe, expect, it} from '@jest/globals'
import {decodeText, notTextReason, sniffFileKind, type FileKind} from '../src/file-kind'

const bytes = (...parts: Array<string | number[]>): Buffer =>
  Buffer.concat(parts.map(p => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p))))

const reason = (b: Buffer): string | undefined => {
  const kind: FileKind = sniffFileKind(b)
  return kind.kind === 'text' ? undefined : notTextReason(kind)
}

describe('sniffFileKind', () => {
  it('names archives and documents it does not open by their signature', () => {
    expect(reason(bytes([0x50, 0x4b, 0x03, 0x04], 'META-INF/'))).toBe('zip archive: not opened')
    expect(reason(bytes([0x1f, 0x8b, 0x08, 0x00]))).toBe('gzip archive: not opened')
    expect(reason(bytes('BZh91AY&SY'))).toBe('bzip2 archive: not opened')
    expect(reason(bytes([0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c]))).toBe('7z archive: not opened')
    expect(reason(bytes(Buffer.alloc(257).toString('latin1'), 'ustar\0'))).toBe(
      'tar archive: not opened'
    )
    expect(reason(bytes('!<arch>\ndebian-binary   '))).toBe('ar archive (.a, .deb): not opened')
    expect(reason(bytes('%PDF-1.7\n%text only, no NUL\n'))).toBe('PDF document: not opened')
    expect(reason(bytes([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))).toBe(
      'Office (OLE2) document: not opened'
    )
  })

  it('names binaries, and calls any other file with a NUL byte binary', () => {
    expect(reason(bytes([0x89], 'PNG\r\n', [0x1a, 0x0a, 0, 0, 0, 13]))).toBe(
      'binary file (PNG image)'
    )
    expect(reason(bytes('SQLite format 3\0'))).toBe('binary file (SQLite database)')
    expect(reason(bytes([0x7f], 'ELF', [2, 1, 1, 0]))).toBe('binary file (ELF executable)')
    expect(reason(bytes([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]))).toBe(
      'binary file (WebAssembly module)'
    )
    expect(reason(bytes('MZ', [0x90, 0]))).toBe('binary file (Windows executable)')
    expect(reason(bytes('abc', [0], 'def'))).toBe('binary file')
  })

  it('reads text by content: a text .png/.dat, a short weak signature, a late NUL', () => {
    expect(sniffFileKind(bytes('TOKEN=abc\n'))).toEqual({kind: 'text', encoding: 'utf8'})
    expect(sniffFileKind(bytes('MZ is a postcode\n'))).toEqual({kind: 'text', encoding: 'utf8'})
    expect(sniffFileKind(bytes('BM: build manager\n'))).toEqual({kind: 'text', encoding: 'utf8'})
    const late = Buffer.alloc(9000, 0x61)
    late[8500] = 0
    expect(sniffFileKind(late)).toEqual({kind: 'text', encoding: 'utf8'})
  })

  it('reads UTF-16 text with a byte order mark; without NUL bytes a BOM-like start is UTF-8', () => {
    const le = bytes([0xff, 0xfe], [...Buffer.from('K=v\n', 'utf16le')])
    expect(sniffFileKind(le)).toEqual({kind: 'text', encoding: 'utf16le'})
    expect(decodeText(le, 'utf16le')).toBe('K=v\n')
    const be = bytes([0xfe, 0xff], [...Buffer.from('K=v\n', 'utf16le').swap16()])
    expect(sniffFileKind(be)).toEqual({kind: 'text', encoding: 'utf16be'})
    expect(decodeText(be, 'utf16be')).toBe('K=v\n')
    expect(sniffFileKind(bytes([0xff, 0xfe, 0xc3, 0x28, 0x0a]))).toEqual({
      kind: 'text',
      encoding: 'utf8'
    })
  })
})
