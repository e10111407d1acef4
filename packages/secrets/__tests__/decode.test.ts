import {describe, expect, it} from '@jest/globals'
import {Detector, findEncodedSegments} from '@pipeguard/secrets'
import {forEachEncodedRun, MIN_ENCODED_RUN} from '../src/decode'
import {compiledTestRules, token} from './helpers/fake'

const b64 = (s: string) => Buffer.from(s).toString('base64')
const hex = (s: string) => Buffer.from(s).toString('hex')

describe('forEachEncodedRun', () => {
  const runs = (text: string): string[] => {
    const out: string[] = []
    forEachEncodedRun(text, (start, end, allHex) =>
      out.push(`${start}-${end}${allHex ? ' hex' : ''}`)
    )
    return out
  }
  /** The plain definition: every maximal run of base64 characters, as long as a run must be. */
  const naive = (text: string): string[] =>
    [...text.matchAll(/[A-Za-z0-9+/_-]+/g)]
      .filter(m => m[0].length >= MIN_ENCODED_RUN)
      .map(m => `${m.index}-${m.index + m[0].length}${/^[0-9a-fA-F]+$/.test(m[0]) ? ' hex' : ''}`)

  it('finds runs at the edges of the text and of the minimum length, not shorter ones', () => {
    const min = 'a1'.repeat(MIN_ENCODED_RUN / 2)
    const text = `${min} ${min.slice(1)} x.${'F0'.repeat(20)}\n${min}Z`
    expect(runs(text)).toEqual(naive(text))
    expect(runs(text)).toEqual([
      `0-${MIN_ENCODED_RUN} hex`,
      `${2 * MIN_ENCODED_RUN + 3}-${2 * MIN_ENCODED_RUN + 43} hex`,
      `${2 * MIN_ENCODED_RUN + 44}-${3 * MIN_ENCODED_RUN + 45}`
    ])
  })

  it('agrees with the plain definition on random text of every run length', () => {
    let seed = 7
    const next = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648
      return seed % n
    }
    const alphabet = 'aF9+/_-xZé '
    let text = ''
    while (text.length < 50_000) {
      // Runs from 1 to 3x the minimum, most within 2 of it, separated by 1 or 2 other characters.
      const length = next(3) ? MIN_ENCODED_RUN - 2 + next(5) : 1 + next(3 * MIN_ENCODED_RUN)
      for (let i = 0; i < length; i++) text += alphabet[next(alphabet.length - 2)]
      text += next(2) ? ' ' : 'é.'
    }
    expect(runs(text)).toEqual(naive(text))
  })
})

describe('encoded secrets', () => {
  it('finds base64 and hex runs whose decoded form is text', () => {
    const text = `a: ${b64('export API_TOKEN=something-long-enough')}\nb: ${hex('some printable text here!')}\nc: ${'A1b2'.repeat(3)}`
    const segments = findEncodedSegments(text)
    expect(segments.map(s => s.encoding)).toEqual(['base64', 'hex'])
    expect(segments[0]!.decoded).toBe('export API_TOKEN=something-long-enough')
  })

  it('ignores runs that decode to binary (hashes, integrity values)', () => {
    const integrity = Buffer.from(Array.from({length: 64}, (_, i) => (i * 97 + 13) % 256)).toString(
      'base64'
    )
    expect(findEncodedSegments(`"integrity": "sha512-${integrity}"`)).toEqual([])
  })

  it('reports a base64-encoded secret at the encoded string', () => {
    const secret = token('b64')
    const text = `# k8s secret\ndata:\n  token: ${b64(`TOKEN=${secret}`)}\n`
    const [d, ...rest] = new Detector({rules: compiledTestRules()}).detect({
      text,
      path: 'secret.yaml'
    })
    expect(rest).toEqual([])
    expect(d).toMatchObject({secret, startLine: 3, encoding: 'base64', startColumn: 10})
    expect(d!.snippet).toBe('token: <base64-encoded secret>')
  })

  it('reports a hex-encoded secret', () => {
    const secret = token('hex')
    const [d] = new Detector({rules: compiledTestRules()}).detect({
      text: `blob = "${hex(secret)}"`,
      path: 'a.py'
    })
    expect(d).toMatchObject({secret, encoding: 'hex', startLine: 1})
  })

  it('follows nested encodings up to maxDecodeDepth and no further', () => {
    const secret = token('nested')
    const twice = b64(`inner: ${b64(`key=${secret}`)}`)
    const rules = compiledTestRules()
    expect(
      new Detector({rules, maxDecodeDepth: 2}).detect({text: twice, path: 'a'}).map(d => d.secret)
    ).toEqual([secret])
    expect(new Detector({rules, maxDecodeDepth: 1}).detect({text: twice, path: 'a'})).toEqual([])
    expect(
      new Detector({rules, maxDecodeDepth: 0}).detect({text: b64(`key=${secret}`), path: 'a'})
    ).toEqual([])
  })

  it('follows three layers by default', () => {
    const secret = token('triple')
    const rules = compiledTestRules()
    const layers = (n: number) => {
      let text = `key=${secret}`
      for (let i = 0; i < n; i++) text = b64(text)
      return `blob: ${text}`
    }
    const found = (text: string, maxDecodeDepth?: number) =>
      new Detector({rules, ...(maxDecodeDepth === undefined ? {} : {maxDecodeDepth})})
        .detect({text, path: 'a'})
        .map(d => d.secret)
    expect(found(layers(3))).toEqual([secret])
    expect(found(layers(4))).toEqual([])
    expect(found(layers(4), 4)).toEqual([secret])
  })

  it('scans less than 4x the text over all layers, however deep', () => {
    const secret = token('bounded')
    let text = `key=${secret} ${'lorem ipsum dolor '.repeat(400)}`
    for (let i = 0; i < 5; i++) text = `${b64(text)} ${b64(text.slice(0, 600))}`
    let scanned = 0
    const [keyed] = compiledTestRules()
    const detector = new Detector({
      rules: [{...keyed!, keywords: []}],
      maxDecodeDepth: 5,
      onRegexRun: (_id, length) => (scanned += length)
    })
    expect(detector.detect({text, path: 'a'}).map(d => d.secret)).toEqual([secret, secret])
    expect(scanned).toBeGreaterThan(text.length)
    expect(scanned).toBeLessThan(4 * text.length)
  })

  it('decodes unpadded base64url, also as a URL path segment', () => {
    const secret = token('b64url')
    const rules = compiledTestRules()
    // `?>` encodes to `Pz4`, `?>~` to `Pz5-`: the URL-safe alphabet is in use.
    const encoded = Buffer.from(`token=${secret} ?>~`).toString('base64url')
    expect(encoded).toMatch(/[-_]/)
    expect(encoded).not.toMatch(/=$/)
    for (const text of [
      `cfg: ${encoded}`,
      `GET https://acme.dev/download/${encoded}`,
      `GET https://acme.dev/v1/${encoded}/status`
    ]) {
      const [d, ...rest] = new Detector({rules}).detect({text, path: 'a'})
      expect(rest).toEqual([])
      expect(d).toMatchObject({secret, encoding: 'base64', startColumn: text.indexOf(encoded) + 1})
    }
  })
})
