// 打印 (section "print"): a document (data-test doc-<doc>), its 考核年度 (year) and scope, 预览
// (preview: the document opens in a second window) and what was built (print-title, print-pages).

import { choose, click, t, textOf, waitForText } from '../ui.mjs';

const S = 'section-print';

/** Chooses a document by its code (e.g. '登记表'), as listed in ui/src/api/types.ts PRINT_DOCUMENTS. */
export async function chooseDocument(browser, doc) {
  await click(browser, t(S, `doc-${doc}`));
}

export async function chooseYear(browser, year) {
  await choose(browser, t(S, 'year'), `${year}年度`);
}

/** 「预览」: waits for the result line and returns `{ title, pages }`. */
export async function preview(browser) {
  await click(browser, t(S, 'preview'));
  const pages = await waitForText(browser, t(S, 'print-pages'), /共 \d+ 页/, 60000);
  return { title: await textOf(browser, t(S, 'print-title')), pages: Number(pages.replace(/\D/g, '')) };
}
