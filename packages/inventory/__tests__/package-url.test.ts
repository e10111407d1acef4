import {describe, expect, it} from '@jest/globals'
import {ExtractError} from '../src/extractor'
import {packageUrl} from '../src/package-url'

function thrown(run: () => unknown): unknown {
  try {
    run()
  } catch (error) {
    return error
  }
  throw new Error('expected an error')
}

describe('packageUrl', () => {
  it('builds the purl of a valid package', () => {
    expect(packageUrl('pub', undefined, 'flutter_lints', '3.0.1')).toBe(
      'pkg:pub/flutter_lints@3.0.1'
    )
    expect(packageUrl('golang', 'github.com/spf13', 'cobra', 'v1.8.0')).toBe(
      'pkg:golang/github.com/spf13/cobra@v1.8.0'
    )
  })

  it('turns what packageurl-js refuses into an ExtractError naming the package and line', () => {
    const pub = thrown(() => packageUrl('pub', undefined, 'f[lutter', '1.0.0', 12))
    expect(pub).toBeInstanceOf(ExtractError)
    expect(pub).toMatchObject({
      line: 12,
      message: expect.stringMatching(
        /^f\[lutter@1\.0\.0 is not a valid pub package name and version \(Invalid purl: pub "name"/
      )
    })
    // packageurl-js's own golang validator throws a ReferenceError here: still a located error.
    expect(thrown(() => packageUrl('golang', 'example.com', 'x', 'v0.02301', 3))).toMatchObject({
      line: 3,
      message: 'example.com/x@v0.02301 is not a valid golang package name and version'
    })
    expect(thrown(() => packageUrl('cargo', undefined, '', '1.0.0'))).toBeInstanceOf(ExtractError)
  })
})
