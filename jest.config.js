/** @type {import('jest').Config} */
export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  transform: {
    '^.+\\.ts$': [
      '@swc/jest',
      {
        jsc: {parser: {syntax: 'typescript'}, target: 'es2022'},
        module: {type: 'es6'}
      }
    ]
  },
  moduleNameMapper: {
    '^@pipeguard/core/version$': '<rootDir>/packages/core/src/version.ts',
    '^@pipeguard/core/github$': '<rootDir>/packages/core/src/github-entry.ts',
    '^@pipeguard/(core|secrets|inventory|advisories|iac|sbom|cli)$':
      '<rootDir>/packages/$1/src/index.ts',
    // The bundle embeds .wasm grammars as bytes (esbuild binary loader); jest gets the same bytes.
    '/(tree-sitter|tree-sitter-terraform)\\.wasm$': '<rootDir>/scripts/jest-wasm/$1.mjs'
  },
  testMatch: [
    '<rootDir>/packages/*/__tests__/**/*.test.ts',
    '<rootDir>/actions/*/__tests__/**/*.test.ts',
    '<rootDir>/test/**/*.test.ts'
  ],
  // Fixtures copied from public repositories hold package.json files: not modules of this project.
  modulePathIgnorePatterns: ['<rootDir>/test/fixtures/'],
  testTimeout: 30000
}
