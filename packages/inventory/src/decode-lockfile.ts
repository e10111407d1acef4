import {ExtractError} from './extractor'
import {LineIndex} from './text-lines'

/** Encodings a format's own tool reads besides UTF-8, declared by its extractor. */
export interface TextEncodings {
  /** UTF-16 LE or BE announced by a byte order mark: pip reads requirements files so. */
  utf16?: boolean
}

/** The UTF-16 a string was decoded from by the workspace (which reads UTF-16 text with its mark). */
export type DecodedBy = 'utf16le' | 'utf16be'

/**
 * The text of a lockfile or manifest as its package manager reads it. `content` is the
 * workspace's text (`decodedBy` says when it was UTF-16), or the raw bytes when the workspace found
 * the file not to be text. A UTF-8 byte order mark is dropped (every tool skips it); UTF-16 with a
 * byte order mark is read where the format's tool accepts it and is an error naming the encoding
 * elsewhere; a NUL byte means the file is not text. Every extractor reads its file through here.
 */
export function decodeLockfile(
  content: string | Uint8Array,
  encodings: TextEncodings = {},
  decodedBy?: DecodedBy
): string {
  if (typeof content === 'string') {
    if (decodedBy && !encodings.utf16) throw refused(UTF16_MARKS[decodedBy])
    return withoutNul(content.charCodeAt(0) === 0xfeff ? content.slice(1) : content)
  }
  const bom = byteOrderMark(content)
  if (bom === undefined) return withoutNul(new TextDecoder('utf-8').decode(content))
  if (bom.encoding === 'utf-8') return decodeLockfile(new TextDecoder('utf-8').decode(content))
  if (bom.encoding === 'utf-32le' || bom.encoding === 'utf-32be' || !encodings.utf16)
    throw refused(bom)
  let text: string
  try {
    text = new TextDecoder(bom.encoding, {fatal: true, ignoreBOM: false}).decode(content)
  } catch {
    throw new ExtractError(
      `the file starts with the ${bom.label} byte order mark ${bom.hex} but is not valid ${bom.label} (odd length or broken surrogate pair)`,
      1
    )
  }
  return withoutNul(text)
}

interface ByteOrderMark {
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'utf-32le' | 'utf-32be'
  label: string
  hex: string
}

const UTF16_MARKS: Record<DecodedBy, ByteOrderMark> = {
  utf16le: {encoding: 'utf-16le', label: 'UTF-16LE', hex: 'FF FE'},
  utf16be: {encoding: 'utf-16be', label: 'UTF-16BE', hex: 'FE FF'}
}

function refused(bom: ByteOrderMark): ExtractError {
  return new ExtractError(
    `the file is ${bom.label} (it starts with the byte order mark ${bom.hex}); this format is read as UTF-8 only: save it as UTF-8`,
    1
  )
}

/** UTF-32 LE before UTF-16 LE: its mark starts with the same two bytes. */
function byteOrderMark(bytes: Uint8Array): ByteOrderMark | undefined {
  const [a, b, c, d] = bytes
  const mark = (encoding: ByteOrderMark['encoding'], label: string, length: number) => ({
    encoding,
    label,
    hex: Array.from(bytes.subarray(0, length), x => x.toString(16).toUpperCase()).join(' ')
  })
  if (a === 0xef && b === 0xbb && c === 0xbf) return mark('utf-8', 'UTF-8', 3)
  if (a === 0xff && b === 0xfe && c === 0 && d === 0) return mark('utf-32le', 'UTF-32LE', 4)
  if (a === 0 && b === 0 && c === 0xfe && d === 0xff) return mark('utf-32be', 'UTF-32BE', 4)
  if (a === 0xff && b === 0xfe) return mark('utf-16le', 'UTF-16LE', 2)
  if (a === 0xfe && b === 0xff) return mark('utf-16be', 'UTF-16BE', 2)
  return undefined
}

function withoutNul(text: string): string {
  const at = text.indexOf('\u0000')
  if (at === -1) return text
  throw new ExtractError(
    'not a text file: it contains a NUL byte (binary, or UTF-16 without a byte order mark)',
    new LineIndex(text).lineOf(at)
  )
}
