export * from './check'
export * from './parser'
