import type {ScanReport} from '../report'
import {renderJson} from './json'
import {renderMarkdown} from './markdown'
import {renderSarif} from './sarif'
import {renderTable, type TableOptions} from './table'

export const REPORT_FORMATS = ['table', 'json', 'sarif', 'markdown'] as const
export type ReportFormat = (typeof REPORT_FORMATS)[number]

export interface RenderOptions extends TableOptions {
  color: boolean
}

/** The one registry of report formats. */
export const REPORTERS: Record<
  ReportFormat,
  (report: ScanReport, options: RenderOptions) => string
> = {
  table: (report, options) => renderTable(report, options),
  json: report => renderJson(report),
  sarif: report => renderSarif(report),
  markdown: report => renderMarkdown(report)
}
