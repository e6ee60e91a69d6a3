// 操作日志 (section "log"): filters (log-kind, log-year), the count (log-count) and the table
// (log-row: log-when, log-kind-cell, log-who, log-what, log-why).

import { t, textOf } from '../ui.mjs';

const S = 'section-log';

/** 「共 N 条」 as a number. */
export async function count(browser) {
  return Number((await textOf(browser, t(S, 'log-count'))).replace(/\D/g, ''));
}

/** The rows shown, newest first: `[{ at, kind, by, what, why }]`. */
export async function entries(browser) {
  await browser.$(t(S, 'log-table')).waitForDisplayed({ timeout: 15000 });
  return browser.execute((s) => {
    return Array.from(document.querySelectorAll(`${s} [data-test="log-row"]`), (tr) => {
      const cell = (n) => tr.querySelector(`[data-test="${n}"]`).innerText.trim();
      return { at: cell('log-when'), kind: cell('log-kind-cell'), by: cell('log-who'), what: cell('log-what'), why: cell('log-why') };
    });
  }, t(S));
}
