export * from './check'
