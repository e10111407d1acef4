export * from './rule'
export {RULES} from './rules/index'
export {Detector, type Detection, type DetectorOptions, type Fragment} from './detector'
export {compileRule, type CompiledRule} from './compiled-rule'
export {KeywordMatcher} from './keyword-matcher'
export {
  loadGitleaksConfig,
  parseGitleaksConfig,
  MAX_EXTEND_DEPTH,
  type GitleaksConfig
} from './gitleaks-config'
export {parseGitleaksIgnore, gitleaksFingerprint} from './gitleaks-ignore'
export {noiseReason, hasInlineAllow} from './noise'
export {findEncodedSegments} from './decode'
export {loadSecretsSettings} from './settings'
export {findingContext, installedPackageDirs} from './finding-context'
export {groupSameValues} from './same-value'
export {createSecretsScanner, secretsScanner, type SecretsScannerOptions} from './scanner'
export {historyRangeForEvent, type EventPayload} from './event-range'
export {createActionSecretsScanner} from './action-scanner'
export {secretsFileTask} from './file-scan'
