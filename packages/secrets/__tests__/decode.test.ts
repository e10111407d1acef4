import {describe, expect, it} from '@jest/globals'
import {Detector, findEncodedSegments} from '@pipeguard/secrets'
import {compiledTestRules, token} from './helpers/fake'

const b64 = (s: string) => Buffer.from(s).toString('base64')
const hex = (s: string) => Buffer.from(s).toString('hex')

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
})
