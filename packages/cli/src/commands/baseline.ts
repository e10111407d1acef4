import {resolve} from 'node:path'
import {DEFAULT_BASELINE_FILE, visibleFindings, writeBaseline} from '@pipeguard/core'
import {HELP_FLAG, renderHelp, type Command} from '../command'
import {parseFlags} from '../flags'
import {executeScan, parseScannerList, prepareScan} from '../scan-runner'
import {DEFAULT_SCAN_SCANNERS} from '../constants'
import {ADVISORY_DB_FLAG, CONFIG_FLAG, OSV_URL_FLAG, SCANNERS_FLAG} from './scan-flags'

export const baselineCommand: Command = {
  name: 'baseline',
  summary:
    'Record every current finding as existing, so only new problems fail from now on (adopt pipeguard on a legacy repo in one command).',
  usage: 'pipeguard baseline [PATH] [options]',
  flags: [
    {
      name: 'output',
      short: 'o',
      type: 'string',
      value: 'FILE',
      description: `baseline file (default ${DEFAULT_BASELINE_FILE} in PATH, picked up automatically)`
    },
    CONFIG_FLAG,
    SCANNERS_FLAG,
    ADVISORY_DB_FLAG,
    OSV_URL_FLAG,
    HELP_FLAG
  ],
  async run(argv, io) {
    const args = parseFlags('baseline', argv, this.flags)
    if (args.values.help) {
      io.stdout.write(renderHelp(this))
      return 0
    }
    const names = parseScannerList(
      args.values.scanners as string | undefined,
      DEFAULT_SCAN_SCANNERS,
      'baseline'
    )
    const setup = await prepareScan('baseline', names, args, io)
    // Starting over: the old baseline must not hide anything from the new one.
    const report = await executeScan({...setup, baseline: undefined}, io)
    const output = args.values.output
      ? resolve(io.cwd, args.values.output as string)
      : resolve(setup.root, DEFAULT_BASELINE_FILE)
    const kept = visibleFindings(report)
    const baseline = writeBaseline(output, kept)
    io.stdout.write(
      `pipeguard: recorded ${baseline.findings.length} finding(s) in ${output}\n` +
        'Commit this file: these findings are reported as existing and no longer fail the gate.\n'
    )
    return 0
  }
}
