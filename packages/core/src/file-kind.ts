/** How many leading bytes decide what a file is (git's own NUL heuristic looks at 8000). */
export const SNIFF_BYTES = 8192

export type TextEncoding = 'utf8' | 'utf16le' | 'utf16be'

/** What a file's first bytes say it is: text to read, or a format no scanner opens. */
export type FileKind =
  {kind: 'text'; encoding: TextEncoding} | {kind: 'archive' | 'document' | 'binary'; format: string}

interface Magic {
  format: string
  kind: 'archive' | 'document' | 'binary'
  offset?: number
  bytes: number[] | string
  /** Too short to trust alone (`MZ`, `BM`): only names a file that already has NUL bytes. */
  weak?: true
}

/**
 * Signatures of common formats. Archives and documents are containers a secret can hide in that
 * pipeguard does not open: they are listed as such, so a reader knows what was not looked at.
 */
const MAGIC: Magic[] = [
  {format: 'zip archive', kind: 'archive', bytes: [0x50, 0x4b, 0x03, 0x04]},
  {format: 'zip archive', kind: 'archive', bytes: [0x50, 0x4b, 0x05, 0x06]},
  {format: 'zip archive', kind: 'archive', bytes: [0x50, 0x4b, 0x07, 0x08]},
  {format: 'gzip archive', kind: 'archive', bytes: [0x1f, 0x8b, 0x08]},
  {format: 'bzip2 archive', kind: 'archive', offset: 4, bytes: '1AY&SY'},
  {format: 'xz archive', kind: 'archive', bytes: [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00]},
  {format: 'zstd archive', kind: 'archive', bytes: [0x28, 0xb5, 0x2f, 0xfd]},
  {format: '7z archive', kind: 'archive', bytes: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c]},
  {format: 'rar archive', kind: 'archive', bytes: [0x52, 0x61, 0x72, 0x21, 0x1a, 0x07]},
  {format: 'tar archive', kind: 'archive', offset: 257, bytes: 'ustar'},
  {format: 'cab archive', kind: 'archive', bytes: [0x4d, 0x53, 0x43, 0x46, 0, 0, 0, 0]},
  {format: 'ar archive (.a, .deb)', kind: 'archive', bytes: '!<arch>\n'},
  {format: 'rpm package', kind: 'archive', bytes: [0xed, 0xab, 0xee, 0xdb]},
  {format: 'PDF document', kind: 'document', bytes: '%PDF-'},
  {
    format: 'Office (OLE2) document',
    kind: 'document',
    bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]
  },
  {format: 'PNG image', kind: 'binary', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]},
  {format: 'JPEG image', kind: 'binary', bytes: [0xff, 0xd8, 0xff]},
  {format: 'GIF image', kind: 'binary', bytes: 'GIF87a'},
  {format: 'GIF image', kind: 'binary', bytes: 'GIF89a'},
  {format: 'BMP image', kind: 'binary', bytes: 'BM', weak: true},
  {format: 'RIFF media (WebP, WAV, AVI)', kind: 'binary', bytes: 'RIFF', weak: true},
  {format: 'MP4/QuickTime media', kind: 'binary', offset: 4, bytes: 'ftyp'},
  {format: 'Ogg media', kind: 'binary', bytes: 'OggS'},
  {format: 'web font', kind: 'binary', bytes: 'wOFF'},
  {format: 'web font', kind: 'binary', bytes: 'wOF2'},
  {format: 'SQLite database', kind: 'binary', bytes: 'SQLite format 3\0'},
  {format: 'ELF executable', kind: 'binary', bytes: [0x7f, 0x45, 0x4c, 0x46]},
  {format: 'Mach-O executable', kind: 'binary', bytes: [0xfe, 0xed, 0xfa, 0xce]},
  {format: 'Mach-O executable', kind: 'binary', bytes: [0xfe, 0xed, 0xfa, 0xcf]},
  {format: 'Mach-O executable', kind: 'binary', bytes: [0xce, 0xfa, 0xed, 0xfe]},
  {format: 'Mach-O executable', kind: 'binary', bytes: [0xcf, 0xfa, 0xed, 0xfe]},
  {
    format: 'Java class or Mach-O universal binary',
    kind: 'binary',
    bytes: [0xca, 0xfe, 0xba, 0xbe]
  },
  {format: 'Windows executable', kind: 'binary', bytes: 'MZ', weak: true},
  {format: 'WebAssembly module', kind: 'binary', bytes: [0x00, 0x61, 0x73, 0x6d]},
  {format: 'Parquet data', kind: 'binary', bytes: 'PAR1'}
]

const encoded = MAGIC.map(m => ({
  ...m,
  bytes: typeof m.bytes === 'string' ? [...Buffer.from(m.bytes, 'latin1')] : m.bytes
}))

/**
 * Decides by content, never by name: a `.dat` or `.png` that holds text is text. A known
 * signature names the format; any other file with a NUL byte in its first 8 KiB is binary, except
 * UTF-16 text with its byte order mark.
 */
export function sniffFileKind(bytes: Uint8Array): FileKind {
  const end = Math.min(bytes.length, SNIFF_BYTES)
  const hasNul = bytes.subarray(0, end).includes(0)
  const magic = encoded.find(
    m => (!m.weak || hasNul) && m.bytes.every((b, i) => bytes[(m.offset ?? 0) + i] === b)
  )
  if (magic) return {kind: magic.kind, format: magic.format}
  if (!hasNul) return {kind: 'text', encoding: 'utf8'}
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return {kind: 'text', encoding: 'utf16le'}
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return {kind: 'text', encoding: 'utf16be'}
  return {kind: 'binary', format: 'unknown format'}
}

/** The reason a file that is not text is listed as skipped. */
export function notTextReason(kind: Exclude<FileKind, {kind: 'text'}>): string {
  if (kind.kind === 'binary')
    return kind.format === 'unknown format' ? 'binary file' : `binary file (${kind.format})`
  return `${kind.format}: not opened`
}

/** Bytes as text; invalid UTF-8 becomes U+FFFD so the rest of the file is still scanned. */
export function decodeText(bytes: Buffer, encoding: TextEncoding): string {
  if (encoding === 'utf8') return bytes.toString('utf8')
  const le = encoding === 'utf16le' ? bytes : swapBytes(bytes)
  return le.toString('utf16le', 2)
}

/** UTF-16BE as UTF-16LE (Node decodes only the latter); an odd last byte is dropped. */
export function swapBytes(bytes: Buffer): Buffer {
  const even = bytes.length - (bytes.length % 2)
  return Buffer.from(bytes.subarray(0, even)).swap16()
}
