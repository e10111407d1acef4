import type {Command} from '../command'
import {baselineCommand} from './baseline'
import {iacCommand, scanCommand, secretsCommand} from './scan'
import {sbomCommand} from './sbom'

/** The one registry of CLI commands, in help order. */
export const COMMANDS: Command[] = [scanCommand, secretsCommand, iacCommand, sbomCommand, baselineCommand]
