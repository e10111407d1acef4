import {defineRule} from '../rule'
import {UUID, keyed} from './patterns'
import {ALNUM, BASE64, BASE64URL, HEX, fake, fakeUuid} from './synthetic'

export const cryptoExchangeRules = [
  defineRule({
    id: 'coinbase-access-token',
    description: 'Coinbase API secret / access token',
    severity: 'critical',
    regex: keyed('coinbase', '[a-z0-9_-]{64}'),
    keywords: ['coinbase'],
    entropy: 3.5,
    rotation:
      'Delete the API key in Coinbase (Settings > API) or the CDP portal and create a new one; check account activity.',
    docs: 'https://docs.cdp.coinbase.com/get-started/docs/cdp-api-keys',
    truePositives: [`COINBASE_API_SECRET=${fake(BASE64URL, 64, 'coinbase-1')}`],
    falsePositives: [`COINBASE_API_SECRET=${'x'.repeat(64)}`]
  }),
  defineRule({
    id: 'kraken-access-token',
    description: 'Kraken API private key',
    severity: 'critical',
    regex: keyed('kraken', String.raw`[a-z0-9/=_+-]{80,90}`),
    keywords: ['kraken'],
    entropy: 4,
    rotation:
      'Delete the API key in Kraken (Settings > API) and create a new one with the narrowest permissions.',
    docs: 'https://docs.kraken.com/api/docs/guides/spot-rest-auth',
    truePositives: [`KRAKEN_PRIVATE_KEY=${fake(BASE64, 86, 'kraken-1')}==`],
    falsePositives: [`KRAKEN_PRIVATE_KEY=${'A'.repeat(88)}`]
  }),
  defineRule({
    id: 'kucoin-access-token',
    description: 'KuCoin API key',
    severity: 'medium',
    regex: keyed(String.raw`kucoin[\w.-]{0,20}?key`, '[a-f0-9]{24}'),
    keywords: ['kucoin'],
    entropy: 3,
    rotation: 'Delete the API key in KuCoin (API Management) and create a new one.',
    docs: 'https://www.kucoin.com/docs-new/authentication',
    truePositives: [`KUCOIN_API_KEY=${fake(HEX, 24, 'kucoin-1')}`],
    falsePositives: [`KUCOIN_API_KEY=${'0'.repeat(24)}`]
  }),
  defineRule({
    id: 'kucoin-secret-key',
    description: 'KuCoin API secret',
    severity: 'critical',
    regex: keyed(String.raw`kucoin[\w.-]{0,20}?secret`, UUID),
    keywords: ['kucoin'],
    entropy: 3,
    rotation: 'Delete the API key in KuCoin (API Management) and create a new key/secret pair.',
    docs: 'https://www.kucoin.com/docs-new/authentication',
    truePositives: [`KUCOIN_API_SECRET=${fakeUuid('kucoin-2')}`],
    falsePositives: ['KUCOIN_API_SECRET=00000000-0000-0000-0000-000000000000']
  }),
  defineRule({
    id: 'bittrex-access-key',
    description: 'Bittrex API key',
    severity: 'medium',
    regex: keyed(String.raw`bittrex[\w.-]{0,20}?key`, '[a-z0-9]{32}'),
    keywords: ['bittrex'],
    entropy: 3,
    rotation:
      'Bittrex has closed; delete the key in the account if still reachable and treat any reused credentials as compromised.',
    truePositives: [`BITTREX_API_KEY=${fake(HEX, 32, 'bittrex-1')}`],
    falsePositives: [`BITTREX_API_KEY=${'0'.repeat(32)}`]
  }),
  defineRule({
    id: 'bittrex-secret-key',
    description: 'Bittrex API secret',
    severity: 'high',
    regex: keyed(String.raw`bittrex[\w.-]{0,20}?secret`, '[a-z0-9]{32}'),
    keywords: ['bittrex'],
    entropy: 3,
    rotation:
      'Bittrex has closed; delete the key in the account if still reachable and treat any reused credentials as compromised.',
    truePositives: [`BITTREX_API_SECRET=${fake(HEX, 32, 'bittrex-2')}`],
    falsePositives: [`BITTREX_API_SECRET=${'0'.repeat(32)}`]
  }),
  defineRule({
    id: 'binance-api-secret',
    description: 'Binance API secret key',
    severity: 'critical',
    regex: keyed(String.raw`binance[\w.-]{0,20}?secret`, '[a-zA-Z0-9]{64}'),
    keywords: ['binance'],
    entropy: 4,
    rotation:
      'Delete the API key in Binance (Account > API Management) and create a new one with IP restrictions.',
    docs: 'https://developers.binance.com/docs/binance-spot-api-docs/rest-api/endpoint-security-type',
    truePositives: [`BINANCE_API_SECRET=${fake(ALNUM, 64, 'binance-1')}`],
    falsePositives: [`BINANCE_API_SECRET=${'ab'.repeat(32)}`]
  }),
  defineRule({
    id: 'finnhub-access-token',
    description: 'Finnhub API key',
    severity: 'low',
    regex: keyed('finnhub', '[a-z0-9]{20}'),
    keywords: ['finnhub'],
    entropy: 3.5,
    rotation: 'Regenerate the API key in the Finnhub dashboard.',
    docs: 'https://finnhub.io/docs/api/authentication',
    truePositives: [`FINNHUB_API_KEY=${fake(ALNUM, 20, 'finnhub-1')}`],
    falsePositives: [`FINNHUB_API_KEY=${'a'.repeat(20)}`]
  })
]
