import {packageUrl} from '../package-url'

/** PEP 503 normalized project name: lower case, runs of `-`, `_`, `.` as one `-`. */
export function normalizePythonName(name: string): string {
  return name
    .trim()
    .toLowerCase()
    .replace(/[-_.]+/g, '-')
}

export function pypiPurl(name: string, version: string): string {
  return packageUrl('pypi', undefined, normalizePythonName(name), version || undefined)
}
