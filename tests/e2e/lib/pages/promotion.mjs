// 职级晋升 (section "promotion"): the as-of date (promotion-as-of), 计算 (promotion-compute), the
// counts (promotion-total, promotion-eligible-count, promotion-proposed-count), the table (one
// row per person: promotion-name, -id, -organ, -rank, -target, -months, -eligible,
// -eligible-on, -slot, -blocks), 导出结果 (promotion-export; promotion-exported when saved).

import { Key } from 'webdriverio';
import { click, t, textOf, until, waitForText } from '../ui.mjs';

const S = 'section-promotion';

/** Types the as-of date (YYYY-MM-DD) into the date picker, 计算, and waits for its summary. */
export async function computeAsOf(browser, date) {
  const input = await browser.$(`${t(S, 'promotion-as-of')} input`);
  await input.waitForDisplayed({ timeout: 15000 });
  await input.click();
  await browser.keys([Key.Ctrl, 'a']);
  await browser.keys(Key.Backspace);
  await input.addValue(date);
  await browser.keys(Key.Enter);
  await until(browser, async () => (await input.getValue()) === date, `日期 / date ${date}`);
  // Close the picker's panel (teleported) before clicking elsewhere.
  await browser.keys(Key.Escape);
  await click(browser, t(S, 'promotion-compute'));
  await waitForText(browser, t(S, 'promotion-summary'), `截至 ${date}`, 60000);
}

/** `{ total, eligible, proposed }` as numbers. */
export async function counts(browser) {
  const number = async (name) => Number((await textOf(browser, t(S, name))).replace(/\D/g, ''));
  return { total: await number('promotion-total'), eligible: await number('promotion-eligible-count'), proposed: await number('promotion-proposed-count') };
}

/**
 * Every row of the table as shown: `{ index, name, id, organ, rank, target, months, required,
 * status, eligibleOn, slot, blocks }` (months and required split from 「已计 / 需要」).
 */
export async function rows(browser) {
  await browser.$(t(S, 'promotion-table')).waitForDisplayed({ timeout: 15000 });
  return browser.execute((s) => {
    const table = document.querySelector(`${s} [data-test="promotion-table"]`);
    return Array.from(table.querySelectorAll('.el-table__body-wrapper tr.el-table__row'), (tr) => {
      const cell = (n) => tr.querySelector(`[data-test="${n}"]`)?.innerText.trim() ?? '';
      const [months, required = ''] = cell('promotion-months').split(' / ');
      return {
        index: Number(cell('promotion-index')),
        name: cell('promotion-name'),
        id: cell('promotion-id'),
        organ: cell('promotion-organ'),
        rank: cell('promotion-rank'),
        target: cell('promotion-target'),
        months,
        required,
        status: cell('promotion-eligible'),
        eligibleOn: cell('promotion-eligible-on'),
        slot: cell('promotion-slot'),
        blocks: Array.from(tr.querySelectorAll('[data-test="promotion-blocks"] .el-tag'), (b) => b.innerText.trim()),
      };
    });
  }, t(S));
}

/**
 * Opens a person's reasons (a click on their row) and reads them as shown: each reason's text and
 * its citations set apart (`{ text, status, title, color }`), then closes the drawer.
 */
export async function reasons(browser, name) {
  const clicked = await browser.execute(
    (s, who) => {
      const rows = document.querySelectorAll(`${s} [data-test="promotion-table"] .el-table__body-wrapper tr.el-table__row`);
      const row = Array.from(rows).find((tr) => tr.querySelector('[data-test="promotion-name"]')?.innerText.trim() === who);
      row?.querySelector('[data-test="promotion-name"]')?.click();
      return Boolean(row);
    },
    t(S),
    name,
  );
  if (!clicked) throw new Error(`没有此人 / no row for ${name}`);
  const drawer = await browser.$('[data-test="promotion-detail"]');
  await drawer.waitForDisplayed({ timeout: 15000 });
  // Slid in whole (the drawer opens with an animation): its right edge at the window's.
  await until(
    browser,
    () =>
      browser.execute(() => {
        const panel = document.querySelector('.el-drawer.rtl');
        return panel !== null && Math.abs(panel.getBoundingClientRect().right - window.innerWidth) < 1;
      }),
    '抽屉已展开 / drawer open',
  );
  await until(browser, async () => (await browser.$$('[data-test="promotion-reason"]')).length > 0, '理由 / reasons');
  const read = await browser.execute(() =>
    Array.from(document.querySelectorAll('[data-test="promotion-reason"]'), (li) => ({
      text: li.innerText.trim(),
      cites: Array.from(li.querySelectorAll('[data-test^="reason-cite-"]'), (c) => ({
        text: c.innerText.trim(),
        status: c.getAttribute('data-test').replace('reason-cite-', ''),
        title: c.getAttribute('title'),
        color: getComputedStyle(c).color,
      })),
    })),
  );
  return read;
}

/** Closes the reasons drawer. */
export async function closeReasons(browser) {
  await browser.keys(Key.Escape);
  await until(browser, async () => !(await (await browser.$('[data-test="promotion-detail"]')).isDisplayed()), '抽屉关闭 / drawer closed');
}

/** 导出结果, the save dialog answered with `path` (queued first); waits for the saved notice and returns its text. */
export async function exportWorkbook(app, path) {
  app.answer(path);
  await click(app.browser, t(S, 'promotion-export'));
  return waitForText(app.browser, t(S, 'promotion-exported'), path, 60000);
}
