/** Last segment of a posix path: extractors match on file names. */
export function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1)
}
