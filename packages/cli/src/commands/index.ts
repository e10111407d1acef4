import type {Command} from '../command'
import {baselineCommand} from './baseline'
import {iacCommand, scanCommand, secretsCommand} from './scan'

/** The one registry of CLI commands, in help order. */
export const COMMANDS: Command[] = [scanCommand, secretsCommand, iacCommand, baselineCommand]
