// What the 打印 form asks for each document, and the request it sends: the assessment documents
// take a 考核年度 and may be narrowed to a 考核池, the promotion documents take a 资格计算日期, the
// two 公示 a start date; every document but 上报汇总 (all the organs that reported, in a 汇总
// database: a 考核年度 only) may be narrowed to one 单位.

import type { PrintRequest } from '../../api/print';
import {
  PRINT_DOCUMENTS,
  type AssessmentReport,
  type IsoDate,
  type PrintDoc,
  type PrintDocument,
} from '../../api/types';

export function documentOf(doc: PrintDoc): PrintDocument {
  return PRINT_DOCUMENTS.find((d) => d.doc === doc) ?? PRINT_DOCUMENTS[0];
}

/** The parameter fields a document shows. */
export interface Fields {
  year: boolean;
  asOf: boolean;
  organ: boolean;
  pool: boolean;
  from: boolean;
}

export function fieldsOf(doc: PrintDoc): Fields {
  const d = documentOf(doc);
  const byYear = d.basis !== 'as_of';
  const ofPackages = d.basis === 'packages';
  return { year: byYear, asOf: !byYear, organ: !ofPackages, pool: d.basis === 'year', from: d.publicity };
}

/** Everything the form holds, whether or not the chosen document uses it. */
export interface PrintForm {
  doc: PrintDoc;
  year: number;
  asOf: IsoDate;
  /** '' for all organs. */
  organ: string;
  /** '' for all pools. */
  pool: string;
  from: IsoDate;
}

/** The request for the chosen document: the fields it does not use are null. */
export function requestOf(form: PrintForm): PrintRequest {
  const fields = fieldsOf(form.doc);
  return {
    doc: form.doc,
    year: fields.year ? form.year : null,
    asOf: fields.asOf ? form.asOf : null,
    organ: fields.organ && form.organ !== '' ? form.organ : null,
    pool: fields.pool && form.pool !== '' ? form.pool : null,
    from: fields.from ? form.from : null,
  };
}

/** Whether two requests ask for the same document (the preview shown is still the one asked for). */
export function sameRequest(a: PrintRequest | null, b: PrintRequest): boolean {
  return a !== null && JSON.stringify(a) === JSON.stringify(b);
}

/** The 考核池 names of the year, of one organ or of all, in report order, each once. */
export function poolChoices(report: AssessmentReport | null, organ: string): string[] {
  const names: string[] = [];
  for (const p of report?.pools ?? []) {
    if ((organ === '' || p.organ === organ) && !names.includes(p.pool)) names.push(p.pool);
  }
  return names;
}
