// 人员 (section "people"): the search box (people-search), filters (people-filter-*), the count
// (people-count) and the virtualised grid (people-grid, el-table-v2: only the rows on screen exist).

import { choose, t, textOf, type, until, waitForText } from '../ui.mjs';

const S = 'section-people';

/** 「共 38 人」 or 「符合条件 1 人（共 38 人）」. */
export async function count(browser) {
  return textOf(browser, t(S, 'people-count'));
}

/** The grid's rows on screen, as arrays of cell texts (header excluded). */
export async function visibleRows(browser) {
  await browser.$(t(S, 'people-grid')).waitForDisplayed({ timeout: 30000 });
  return until(
    browser,
    () =>
      browser.execute((s) => {
        const rows = document.querySelectorAll(`${s} [data-test="people-grid"] .el-table-v2__body .el-table-v2__row`);
        const out = Array.from(rows, (r) => Array.from(r.querySelectorAll('.el-table-v2__row-cell'), (c) => c.innerText.trim()));
        return out.length > 0 ? out : null;
      }, t(S)),
    '人员表格的行 / grid rows',
  );
}

/** Types a name or ID into the search box and waits for the filtered count. */
export async function search(browser, text) {
  await type(browser, t(S, 'people-search'), text);
  return waitForText(browser, t(S, 'people-count'), '符合条件');
}

/** Chooses one 单位 in the organ filter and waits for the filtered count (「符合条件 11 人（共 38 人）」). */
export async function filterOrgan(browser, organ) {
  await choose(browser, t(S, 'people-filter-organ'), organ);
  return waitForText(browser, t(S, 'people-count'), '符合条件');
}
