import {describe, expect, it} from '@jest/globals'
import {findingContext, installedPackageDirs} from '@pipeguard/secrets'

describe('finding context', () => {
  it.each([
    ['vendor/github.com/acme/sdk/client.go', 'vendored'],
    ['third_party/boringssl/config.h', 'vendored'],
    ['lambda/site-packages/requests/auth.py', 'vendored'],
    ['node_modules/pkg/index.js', 'vendored'],
    ['layer/python/botocore/data/sts/2011-06-15/service-2.json', 'vendored'],
    ['vendor/acme/tests/fixtures/key.pem', 'vendored'],
    ['tests/test_login.py', 'test'],
    ['src/api/__tests__/client.test.ts', 'test'],
    ['pkg/auth/token_test.go', 'test'],
    ['spec/models/user_spec.rb', 'test'],
    ['src/test/java/com/acme/LoginTest.java', 'test'],
    ['test_settings.py', 'test'],
    ['fixtures/vcr_cassettes/login.yml', 'test'],
    ['app/cassettes/github.yaml', 'test'],
    ['examples/complete-mssql/main.tf', 'example'],
    ['.env.example', 'example'],
    ['config/database.yml.sample', 'example'],
    ['settings.py.dist', 'example'],
    ['docs/setup.md', 'docs'],
    ['CONTRIBUTING.md', 'docs'],
    ['website/content/install.html', 'docs']
  ])('%s is %s', (path, context) => {
    expect(findingContext(path)).toBe(context)
  })

  it.each([
    'src/settings.py',
    'README.md',
    'services/api/README.md',
    'config/database.yml',
    '.env',
    'charts/app/values.yaml',
    'deploy/k8s/secret.yaml',
    'src/testimonials/page.tsx',
    'src/contest.py',
    'lib/vendoring.rb',
    'latest/config.json'
  ])('%s is production code', path => {
    expect(findingContext(path)).toBeUndefined()
  })

  it('treats the package directories beside a .dist-info as vendored, not the project code beside them', () => {
    const paths = [
      'lambda/handler.py',
      'lambda/requests/auth.py',
      'lambda/requests-2.31.0.dist-info/RECORD',
      'lambda/PyYAML-6.0.1.dist-info/METADATA',
      'lambda/pyyaml/__init__.py',
      'lambda/six.py',
      'lambda/six-1.16.0.dist-info/RECORD'
    ]
    const vendored = installedPackageDirs(paths)
    expect([...vendored].sort()).toEqual(['lambda/pyyaml', 'lambda/requests', 'lambda/six.py'])
    expect(findingContext('lambda/requests/auth.py', vendored)).toBe('vendored')
    expect(findingContext('lambda/six.py', vendored)).toBe('vendored')
    expect(findingContext('lambda/handler.py', vendored)).toBeUndefined()
  })
})
