import {defineRule} from '../rule'
import {keyed, prefixed} from './patterns'
import {ALNUM, BASE64URL, HEX, LOWER_ALNUM, fake, fakeUuid} from './synthetic'

export const registryRules = [
  defineRule({
    id: 'npm-access-token',
    description: 'npm access token',
    severity: 'high',
    regex: prefixed('npm_[A-Za-z0-9]{36}'),
    keywords: ['npm_'],
    entropy: 3,
    prefixLength: 4,
    rotation:
      'Revoke it at https://www.npmjs.com/settings/~/tokens (or `npm token revoke`) and create a granular token with the narrowest scope.',
    docs: 'https://docs.npmjs.com/revoking-access-tokens',
    truePositives: [
      `//registry.npmjs.org/:_authToken=npm_${fake(ALNUM, 36, 'npm-1')}`,
      `NPM_TOKEN=npm_${fake(ALNUM, 36, 'npm-2')}`,
      `body=token%3Dnpm_${fake(ALNUM, 36, 'npm-3')}%0A`
    ],
    falsePositives: [
      `NPM_TOKEN=npm_${'X'.repeat(36)}`,
      'npm_config_registry=https://registry.npmjs.org/'
    ]
  }),
  defineRule({
    id: 'npmrc-auth-token',
    description: 'Registry auth token in an .npmrc / .yarnrc file',
    severity: 'high',
    regex: /:_auth(?:Token)?\s*=\s*["']?((?!npm_)[A-Za-z0-9+/=._-]{20,})["']?(?=\s|$)/,
    keywords: [':_authtoken', ':_auth'],
    entropy: 3.5,
    allowlist: {regexes: [/^\$\{/]},
    rotation:
      'Revoke the token in the registry that issued it (npmjs.com tokens page, GitHub Packages PAT, Artifactory/Nexus user settings) and use an environment variable like ${NPM_TOKEN} in .npmrc.',
    docs: 'https://docs.npmjs.com/cli/configuring-npm/npmrc#auth-related-configuration',
    truePositives: [
      `//registry.npmjs.org/:_authToken=${fakeUuid('npmrc-1')}`,
      `//npm.pkg.github.com/:_authToken=${fake(BASE64URL, 40, 'npmrc-2')}`
    ],
    falsePositives: [
      '//registry.npmjs.org/:_authToken=${NPM_TOKEN}',
      '//registry.npmjs.org/:_authToken='
    ]
  }),
  defineRule({
    id: 'pypi-upload-token',
    description: 'PyPI API token',
    severity: 'high',
    regex: prefixed(String.raw`pypi-AgEIcHlwaS5vcmc[\w-]{50,1000}`),
    keywords: ['pypi-ageichlwas5vcmc'],
    entropy: 3,
    prefixLength: 5,
    rotation:
      'Remove the token at https://pypi.org/manage/account/token/ and create a project-scoped one, or switch to trusted publishing.',
    docs: 'https://pypi.org/help/#apitoken',
    truePositives: [`password = pypi-AgEIcHlwaS5vcmc${fake(BASE64URL, 150, 'pypi-1')}`],
    falsePositives: [
      'password = pypi-AgEIcHlwaS5vcmc',
      `password = pypi-AgEIcHlwaS5vcmc${fake(BASE64URL, 20, 'pypi-2')}`
    ]
  }),
  defineRule({
    id: 'pypi-test-upload-token',
    description: 'TestPyPI API token',
    severity: 'medium',
    regex: prefixed(String.raw`pypi-AgENdGVzdC5weXBpLm9yZw[\w-]{50,1000}`),
    keywords: ['pypi-agendgvzdc5wexbplm9yzw'],
    entropy: 3,
    prefixLength: 5,
    rotation:
      'Remove the token at https://test.pypi.org/manage/account/token/ and create a new one.',
    docs: 'https://test.pypi.org/help/#apitoken',
    truePositives: [`password: pypi-AgENdGVzdC5weXBpLm9yZw${fake(BASE64URL, 150, 'tpypi-1')}`],
    falsePositives: ['password: pypi-AgENdGVzdC5weXBpLm9yZw']
  }),
  defineRule({
    id: 'rubygems-api-token',
    description: 'RubyGems.org API key',
    severity: 'high',
    regex: prefixed('rubygems_[a-f0-9]{48}'),
    keywords: ['rubygems_'],
    entropy: 3,
    prefixLength: 9,
    rotation:
      'Delete the key at https://rubygems.org/profile/api_keys and create a scoped key, or use trusted publishing.',
    docs: 'https://guides.rubygems.org/api-key-scopes/',
    truePositives: [`:rubygems_api_key: rubygems_${fake(HEX, 48, 'gem-1')}`],
    falsePositives: [`:rubygems_api_key: rubygems_${'0'.repeat(48)}`, 'rubygems_version: 3.5.3']
  }),
  defineRule({
    id: 'nuget-api-key',
    description: 'NuGet.org API key',
    severity: 'high',
    regex: prefixed('oy2[a-z0-9]{43}'),
    keywords: ['oy2'],
    entropy: 3.5,
    prefixLength: 3,
    rotation:
      'Delete or regenerate the key at https://www.nuget.org/account/apikeys and create a package-scoped key with an expiry.',
    docs: 'https://learn.microsoft.com/nuget/nuget-org/scoped-api-keys',
    truePositives: [
      `dotnet nuget push pkg.nupkg --api-key oy2${fake(LOWER_ALNUM, 43, 'nuget-1')} --source https://api.nuget.org/v3/index.json`
    ],
    falsePositives: [`--api-key oy2${'a'.repeat(43)}`, 'toy2d = true']
  }),
  defineRule({
    id: 'nuget-config-password',
    description: 'Clear-text password in a NuGet.Config package source credential',
    severity: 'high',
    regex: /<add\s+key="(?:ClearText)?Password"\s+value="([^"$%]{8,})"\s*\/>/i,
    keywords: ['password'],
    entropy: 3,
    rotation:
      'Revoke the feed credential (PAT) at the package source that issued it and reference an environment variable such as %NUGET_PASSWORD% instead.',
    docs: 'https://learn.microsoft.com/nuget/reference/nuget-config-file#packagesourcecredentials',
    truePositives: [`<add key="ClearTextPassword" value="${fake(ALNUM, 24, 'nugetcfg-1')}" />`],
    falsePositives: [
      '<add key="ClearTextPassword" value="%NUGET_PASSWORD%" />',
      '<add key="Password" value="password" />'
    ]
  }),
  defineRule({
    id: 'dockerhub-pat',
    description: 'Docker Hub personal / organization access token',
    severity: 'high',
    regex: prefixed('dckr_(?:pat|oat)_[A-Za-z0-9_-]{27,32}'),
    keywords: ['dckr_pat_', 'dckr_oat_'],
    entropy: 3,
    prefixLength: 9,
    rotation:
      'Delete the token at https://app.docker.com/settings/personal-access-tokens (or the organization access tokens page) and create a new one.',
    docs: 'https://docs.docker.com/security/for-developers/access-tokens/',
    truePositives: [
      `echo dckr_pat_${fake(BASE64URL, 27, 'dckr-1')} | docker login -u acme --password-stdin`
    ],
    falsePositives: [
      `DOCKER_PASSWORD=dckr_pat_${'x'.repeat(27)}`,
      'DOCKER_PASSWORD=dckr_pat_<token>'
    ]
  }),
  defineRule({
    id: 'clojars-api-token',
    description: 'Clojars deploy token',
    severity: 'high',
    regex: prefixed('CLOJARS_[a-z0-9]{60}', 'i'),
    keywords: ['clojars_'],
    entropy: 3,
    prefixLength: 8,
    rotation: 'Disable the deploy token at https://clojars.org/tokens and create a new one.',
    docs: 'https://github.com/clojars/clojars-web/wiki/Deploy-Tokens',
    truePositives: [
      `:password "CLOJARS_${fake(LOWER_ALNUM, 60, 'clojars-1')}"`,
      `"env": "TOKEN\\nCLOJARS_${fake(LOWER_ALNUM, 60, 'clojars-2')}\\n"`
    ],
    falsePositives: [`:password "CLOJARS_${'a'.repeat(60)}"`, ':password "CLOJARS_TOKEN"']
  }),
  defineRule({
    id: 'crates-io-api-token',
    description: 'crates.io API token',
    severity: 'high',
    regex: prefixed('cio[a-zA-Z0-9]{32}'),
    keywords: ['cio'],
    entropy: 3.5,
    prefixLength: 3,
    rotation:
      'Revoke the token at https://crates.io/settings/tokens and create a scoped one, or use trusted publishing.',
    docs: 'https://doc.rust-lang.org/cargo/reference/registry-authentication.html',
    truePositives: [`CARGO_REGISTRY_TOKEN=cio${fake(ALNUM, 32, 'cio-1')}`],
    falsePositives: [
      'const descriptionLengthLimitValue = 1',
      `CARGO_REGISTRY_TOKEN=cio${'a'.repeat(32)}`
    ]
  }),
  defineRule({
    id: 'artifactory-api-key',
    description: 'JFrog Artifactory API key',
    severity: 'high',
    regex: prefixed('AKCp[A-Za-z0-9]{69}'),
    keywords: ['akcp'],
    entropy: 4.5,
    prefixLength: 4,
    rotation:
      'Revoke the API key in the JFrog Platform (Edit profile > API key) and migrate to access tokens.',
    docs: 'https://jfrog.com/help/r/jfrog-platform-administration-documentation/api-key',
    truePositives: [`ARTIFACTORY_API_KEY=AKCp${fake(ALNUM, 69, 'akcp-1')}`],
    falsePositives: [`ARTIFACTORY_API_KEY=AKCp${'A1'.repeat(34)}B`]
  }),
  defineRule({
    id: 'artifactory-reference-token',
    description: 'JFrog Artifactory reference token',
    severity: 'high',
    regex: prefixed('cmVmd[A-Za-z0-9]{59}'),
    keywords: ['cmvmd'],
    entropy: 4.5,
    prefixLength: 5,
    rotation:
      'Revoke the token in the JFrog Platform (Administration > User management > Access tokens) and create a new one.',
    docs: 'https://jfrog.com/help/r/jfrog-platform-administration-documentation/access-tokens',
    truePositives: [`JFROG_TOKEN=cmVmd${fake(ALNUM, 59, 'cmvmd-1')}`],
    falsePositives: [`JFROG_TOKEN=cmVmd${'A'.repeat(59)}`]
  }),
  defineRule({
    id: 'jfrog-identity-token',
    description: 'JFrog identity / access token next to a JFrog / Artifactory key',
    severity: 'high',
    regex: keyed('jfrog|artifactory|bintray|xray', '(?!cmVmd)[a-z0-9]{64}'),
    keywords: ['jfrog', 'artifactory', 'bintray', 'xray'],
    entropy: 3.5,
    rotation:
      'Revoke the token in the JFrog Platform (Administration > User management > Access tokens) and create a new one.',
    docs: 'https://jfrog.com/help/r/jfrog-platform-administration-documentation/access-tokens',
    truePositives: [`ARTIFACTORY_TOKEN=${fake(LOWER_ALNUM, 64, 'jfrog-1')}`],
    falsePositives: [`ARTIFACTORY_TOKEN=${'0'.repeat(64)}`]
  }),
  defineRule({
    id: 'jfrog-api-key',
    description: 'JFrog API key (73 characters) next to a JFrog / Artifactory key',
    severity: 'high',
    regex: keyed('jfrog|artifactory|bintray|xray', '(?!AKCp)[a-z0-9]{73}'),
    keywords: ['jfrog', 'artifactory', 'bintray', 'xray'],
    entropy: 4,
    rotation:
      'Revoke the API key in the JFrog Platform (Edit profile > API key) and migrate to access tokens.',
    docs: 'https://jfrog.com/help/r/jfrog-platform-administration-documentation/api-key',
    truePositives: [`JFROG_API_KEY=${fake(LOWER_ALNUM, 73, 'jfrog-2')}`],
    falsePositives: [`JFROG_API_KEY=${'a1'.repeat(36)}b`]
  }),
  defineRule({
    id: 'octopus-deploy-api-key',
    description: 'Octopus Deploy API key',
    severity: 'high',
    regex: prefixed('API-[A-Z0-9]{26}'),
    keywords: ['api-'],
    entropy: 3,
    prefixLength: 4,
    rotation: 'Revoke the key in Octopus (Profile > My API keys) and create a new one.',
    docs: 'https://octopus.com/docs/octopus-rest-api/how-to-create-an-api-key',
    truePositives: [`OCTOPUS_API_KEY=API-${fake(ALNUM.slice(0, 36), 26, 'octo-1')}`],
    falsePositives: [
      `OCTOPUS_API_KEY=API-${'X'.repeat(26)}`,
      'see API-REFERENCE-DOCUMENTATION-INDEX'
    ]
  })
]
