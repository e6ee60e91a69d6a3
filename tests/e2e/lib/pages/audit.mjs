// 核查 (section "audit"): the date (audit-as-of), 核查 (audit-run), the operator (audit-operator),
// the summary (audit-summary), the filters (audit-kind, audit-state) and the findings' table
// (audit-table; each row's audit-mark / audit-unmark, and the teleported audit-mark-dialog).

import { click, t, textOf, type, until } from '../ui.mjs';

const S = 'section-audit';

/** 「共 N 人，…；发现问题 N 处，已核实 N 处」. */
export async function summary(browser) {
  return textOf(browser, t(S, 'audit-summary'));
}

/** Waits for the summary to say `wanted` (a RegExp). */
export async function waitForSummary(browser, wanted) {
  return until(browser, async () => {
    const text = await summary(browser).catch(() => '');
    return wanted.test(text) ? text : null;
  }, `核查结果 / the audit's summary ${wanted}`);
}

/** The findings shown: `[{ kind, person, year, reason, state }]`, as the clerk reads each cell. */
export async function findings(browser) {
  await browser.$(t(S, 'audit-table')).waitForDisplayed({ timeout: 15000 });
  return browser.execute((s) => {
    const rows = document.querySelectorAll(`${s} [data-test="audit-table"] .el-table__body-wrapper tr.el-table__row`);
    return Array.from(rows, (tr) => {
      const [kind, person, year, reason, state] = Array.from(tr.querySelectorAll('td'), (td) => td.innerText.trim());
      return { kind, person, year, reason, state };
    });
  }, t(S));
}

/** Sets the operator (kept as the app's setting when the field is left). */
export async function setOperator(browser, name) {
  await type(browser, t(S, 'audit-operator'), name);
  // The field saves on `change`: leave it.
  await click(browser, t(S, 'audit-summary'));
}

/** Marks the `n`-th finding shown (0 first) 已核实 with `reason`, and waits for the dialog to close. */
export async function mark(browser, n, reason) {
  const buttons = await browser.$$(`${t(S)} [data-test="audit-table"] .el-table__body-wrapper tr.el-table__row`);
  const button = await buttons[n].$('[data-test="audit-mark"]');
  await button.waitForClickable({ timeout: 15000 });
  await button.click();
  await browser.$(t('audit-mark-dialog')).waitForDisplayed({ timeout: 15000 });
  await type(browser, t('audit-mark-reason'), reason);
  await click(browser, t('audit-mark-submit'));
  await browser.$(t('audit-mark-dialog')).waitForDisplayed({ reverse: true, timeout: 15000 });
}
