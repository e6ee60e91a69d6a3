// Saving result workbooks (src-tauri/src/export.rs): each command computes the result, asks
// where to save in a native dialog, writes the workbook and answers the path written — or null
// when the clerk cancelled the dialog (nothing written, nothing to report).

import { call } from './call';
import type { IsoDate } from './types';

/** The promotion result workbook (晋升资格, 职数) on the date, as `kaohe promote --out`. */
export function exportPromotion(asOf: IsoDate): Promise<string | null> {
  return call<string | null>('export_promotion', { asOf });
}

/** The year's assessment result workbook, as `kaohe assess --out`. */
export function exportAssessment(year: number): Promise<string | null> {
  return call<string | null>('export_assessment', { year });
}

/** The year's results in the national system's import layout, as `kaohe assess --national`. */
export function exportNational(year: number): Promise<string | null> {
  return call<string | null>('export_national', { year });
}
