// Saving result workbooks (src-tauri/src/export.rs): each command computes the result, asks
// where to save in a native dialog, writes the workbook and answers the path written — or null
// when the clerk cancelled the dialog (nothing written, nothing to report). Meanwhile it tells
// what it is doing on a channel (computing, the dialog, the rows written, saving).

import { Channel } from '@tauri-apps/api/core';
import { call } from './call';
import type { ExportProgress, IsoDate } from './types';

export type { ExportProgress } from './types';

function progressChannel(onProgress: (p: ExportProgress) => void): Channel<ExportProgress> {
  const channel = new Channel<ExportProgress>();
  channel.onmessage = onProgress;
  return channel;
}

/** The promotion result workbook (晋升资格, 职数) on the date, as `kaohe promote --out`. */
export function exportPromotion(asOf: IsoDate, onProgress: (p: ExportProgress) => void): Promise<string | null> {
  return call('export_promotion', { asOf, onProgress: progressChannel(onProgress) });
}

/** The year's assessment result workbook, as `kaohe assess --out`. */
export function exportAssessment(year: number, onProgress: (p: ExportProgress) => void): Promise<string | null> {
  return call('export_assessment', { year, onProgress: progressChannel(onProgress) });
}

/** The year's results in the national system's import layout, as `kaohe assess --national`. */
export function exportNational(year: number, onProgress: (p: ExportProgress) => void): Promise<string | null> {
  return call('export_national', { year, onProgress: progressChannel(onProgress) });
}
