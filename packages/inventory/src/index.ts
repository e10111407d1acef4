export * from './package'
export * from './extractor'
export {EXTRACTORS} from './extractors/index'
export {
  extractInventory,
  inventoryFileRequired,
  SKIPPED_DIRS,
  type InventoryResult
} from './inventory'
export {dependencyPaths, type DependencyPathOptions} from './dependency-paths'
export {
  listInventory,
  comparePackages,
  type ListedInventory,
  type ListedPackage
} from './inventory-json'
export {renderInventoryTree, type TreeOptions} from './inventory-tree'
export * from './base-revision'
export * from './javascript/npm-lock-location'
export {isRecord} from './javascript/package-json'
