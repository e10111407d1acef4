import type {Extractor} from '../extractor'
import {bunLock} from './bun-lock'
import {npmPackageLock} from './npm-package-lock'
import {pnpmLock} from './pnpm-lock'
import {yarnLock} from './yarn-lock'
import {dartPubspecLock} from './dart-pubspec-lock'
import {dotnetPackagesLock} from './dotnet-packages-lock'
import {elixirMixLock} from './elixir-mix-lock'
import {javaGradleLockfile} from './java-gradle-lockfile'
import {javaPomXml} from './java-pom-xml'
import {goMod} from './go-mod'
import {phpComposerLock} from './php-composer-lock'
import {pythonPdmLock} from './python-pdm-lock'
import {pythonPipfileLock} from './python-pipfile-lock'
import {pythonPoetryLock} from './python-poetry-lock'
import {pythonRequirements} from './python-requirements'
import {pythonUvLock} from './python-uv-lock'
import {rubyGemfileLock} from './ruby-gemfile-lock'
import {rustCargoLock} from './rust-cargo-lock'

/** Every lockfile/manifest format, one line each (osv-scalibr's list.go). Order does not matter: paths decide. */
export const EXTRACTORS: Extractor[] = [
  npmPackageLock,
  yarnLock,
  pnpmLock,
  bunLock,
  dartPubspecLock,
  dotnetPackagesLock,
  elixirMixLock,
  javaGradleLockfile,
  javaPomXml,
  goMod,
  phpComposerLock,
  pythonPdmLock,
  pythonPipfileLock,
  pythonPoetryLock,
  pythonRequirements,
  pythonUvLock,
  rubyGemfileLock,
  rustCargoLock
]
