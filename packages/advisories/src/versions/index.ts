import type {Ecosystem} from '@pipeguard/inventory'
import {cargoScheme} from './cargo'
import {goScheme} from './go'
import {hexScheme} from './hex'
import {mavenScheme} from './maven'
import {npmScheme} from './npm'
import {nugetScheme} from './nuget'
import {packagistScheme} from './packagist'
import {pubScheme} from './pub'
import {pypiScheme} from './pypi'
import {rubygemsScheme} from './rubygems'
import type {VersionScheme} from './scheme'

export type {VersionScheme} from './scheme'

/** The one registry of version schemes, by OSV ecosystem name. */
export const VERSION_SCHEMES: Record<Ecosystem, VersionScheme> = {
  npm: npmScheme,
  PyPI: pypiScheme,
  Go: goScheme,
  'crates.io': cargoScheme,
  RubyGems: rubygemsScheme,
  Packagist: packagistScheme,
  Maven: mavenScheme,
  NuGet: nugetScheme,
  Pub: pubScheme,
  Hex: hexScheme
}

/**
 * The scheme for an OSV ecosystem string; "Debian:11"-style suffixes are not ours, so undefined.
 * Own keys only: a record's ecosystem "constructor" is not a scheme.
 */
export function schemeFor(ecosystem: string): VersionScheme | undefined {
  return Object.hasOwn(VERSION_SCHEMES, ecosystem)
    ? (VERSION_SCHEMES as Record<string, VersionScheme>)[ecosystem]
    : undefined
}
