export * from './rule'
export * from './entropy'
