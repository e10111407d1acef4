export * from './package'
export * from './extractor'
