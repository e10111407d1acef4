import {FailOnSchema} from '@pipeguard/core'

export const FAIL_ON_VALUES = FailOnSchema.options
export const MODES = ['enforce', 'audit'] as const
