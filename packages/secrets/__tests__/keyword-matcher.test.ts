import {describe, expect, it} from '@jest/globals'
import {KeywordMatcher} from '@pipeguard/secrets'

describe('KeywordMatcher', () => {
  const hits = (keywords: string[], text: string): string[] => {
    const out: string[] = []
    new KeywordMatcher(keywords).scan(text, (k, end) => out.push(`${keywords[k]}@${end}`))
    return out
  }

  it('finds every occurrence of every keyword, overlapping ones included', () => {
    expect(hits(['he', 'she', 'his', 'hers'], 'ushers')).toEqual(['she@4', 'he@4', 'hers@6'])
  })

  it('folds ASCII case without lower-casing the text', () => {
    expect(hits(['ghp_', 'akia'], 'x = GHP_abc AKIA1234 Akia')).toEqual([
      'ghp_@8',
      'akia@16',
      'akia@25'
    ])
  })

  it('handles non-ASCII text and keywords', () => {
    expect(hits(['clé', 'token'], 'la clé: "é" token')).toEqual(['clé@6', 'token@17'])
  })

  it('reports nothing when no keyword occurs', () => {
    expect(hits(['password'], 'pass word passw0rd')).toEqual([])
  })

  it('agrees with a naive search on random text', () => {
    const keywords = ['ab', 'bab', 'abba', 'b', 'ca']
    let seed = 1
    let text = ''
    for (let i = 0; i < 2000; i++) {
      seed = (seed * 1103515245 + 12345) % 2147483648
      text += 'abc'[seed % 3]
    }
    const naive: string[] = []
    for (let end = 1; end <= text.length; end++) {
      keywords.forEach(k => {
        if (end >= k.length && text.slice(end - k.length, end) === k) naive.push(`${k}@${end}`)
      })
    }
    expect(hits(keywords, text).sort()).toEqual(naive.sort())
  })

  it('folds ASCII case only, and matches characters outside the BMP', () => {
    expect(hits(['émoji🔑', 'kelvin'], 'ÉMOJI🔑 émoji🔑 KELVIN \u212aelvin')).toEqual([
      'émoji🔑@15',
      'kelvin@22'
    ])
  })
})
