// Commands of the 打印 section: the organs to choose from, the preview window, the print dialog.

import { call } from './call';
import type { IsoDate, PrintDoc, PrintPreview } from './types';

/** The organs in the database, in roster order. */
export function organs(): Promise<string[]> {
  return call('organs');
}

export interface PrintRequest {
  doc: PrintDoc;
  /** 考核年度, for the assessment documents; null otherwise. */
  year: number | null;
  /** 资格计算日期, for the promotion documents; null otherwise. */
  asOf: IsoDate | null;
  /** One organ, or null for all. */
  organ: string | null;
  /** One 考核池 (assessment documents), or null for all. */
  pool: string | null;
  /** 公示开始日期 of the two 公示; null otherwise. */
  from: IsoDate | null;
}

/** Builds the document and shows it in the preview window (opened, or reused). */
export function printPreview(request: PrintRequest): Promise<PrintPreview> {
  const { doc, year, asOf, organ, pool, from } = request;
  return call('print_preview', { doc, year, asOf, organ, pool, from });
}

/** Opens the system print dialog for the document in the preview window. */
export async function printCurrent(): Promise<void> {
  await call('print_current');
}
