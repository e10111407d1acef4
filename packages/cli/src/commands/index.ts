import type {Command} from '../command'
import {baselineCommand} from './baseline'
import {depsCommand} from './deps'
import {fixCommand} from './fix'
import {iacCommand, scanCommand, secretsCommand} from './scan'
import {orgCommand} from './org'
import {sbomCommand} from './sbom'

/** The one registry of CLI commands, in help order. */
export const COMMANDS: Command[] = [
  scanCommand,
  secretsCommand,
  depsCommand,
  fixCommand,
  iacCommand,
  sbomCommand,
  baselineCommand,
  orgCommand
]
