// Journey, by hand: 人员 over a large database, read a page at a time. With KAOHE_E2E_LARGE_DB
// set to a database of many people (e.g. the bench's target/bench/people-100000-<schema>.db, made by
// `cargo xtask bench-startup --people 100000`; a copy is used), it opens 人员, checks the count,
// scrolls to the middle and waits for that page's rows to be read in place of their
// placeholders, searches a person of that page and opens them, with screenshots
// (people-large-*.png). Skipped without the variable: CI has no such database.

import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { launch, SCREEN } from '../lib/app.mjs';
import { screenshot, t, until } from '../lib/ui.mjs';
import * as shell from '../lib/pages/shell.mjs';
import * as people from '../lib/pages/people.mjs';

const LARGE = process.env.KAOHE_E2E_LARGE_DB;
const S = 'section-people';

let app;
let browser;

before(async () => {
  if (!LARGE) return;
  const db = join(mkdtempSync(join(tmpdir(), 'kaohe-large-')), 'kaohe.db');
  copyFileSync(LARGE, db);
  app = await launch('people-large', { db });
  browser = app.browser;
  await shell.ready(browser, SCREEN);
});

after(async () => {
  await app?.quit();
});

/** The grid's body scrolled to `fraction` of its height; the rows then on screen, once they are others than `before` and none is a placeholder. */
async function scrolledRows(fraction, before) {
  await browser.execute(
    (s, f) => {
      // The grid's body (element-plus's virtual grid) wraps its scrolling window, the child as tall as every row.
      const body = document.querySelector(`${s} [data-test="people-grid"] .el-table-v2__body`);
      const pane = body && [...body.children].sort((a, b) => b.scrollHeight - a.scrollHeight)[0];
      if (!pane) return;
      pane.scrollTop = (pane.scrollHeight - pane.clientHeight) * f;
    },
    t(S),
    fraction,
  );
  return until(
    browser,
    () =>
      browser.execute((s, was) => {
        const rows = [...document.querySelectorAll(`${s} [data-test="people-grid"] .el-table-v2__body .el-table-v2__row`)];
        if (rows.length === 0 || rows.some((r) => r.getAttribute('data-test') === 'people-row-loading')) return null;
        const cells = rows.map((r) => Array.from(r.querySelectorAll('.el-table-v2__row-cell'), (c) => c.innerText.trim()));
        return cells[0][1] === was ? null : cells;
      }, t(S), before),
    '中间一页的行 / the middle page rows',
  );
}

test('人员：大数据库分页读取、滚动、搜索 / a large database, paged', { skip: !LARGE && '需要 KAOHE_E2E_LARGE_DB / needs KAOHE_E2E_LARGE_DB' }, async () => {
  await shell.open(browser, 'people');
  const count = await until(browser, async () => {
    const text = await people.count(browser);
    return /^共 \d+ 人$/.test(text) ? text : null;
  }, '人数 / the count');
  const total = Number(count.replace(/\D/g, ''));
  assert.ok(total > 1000, `a large database: ${count}`);
  const first = await people.visibleRows(browser);
  await screenshot(browser, 'people-large-top');

  const middle = await scrolledRows(0.5, first[0][1]);
  assert.notDeepEqual(middle[0], first[0], 'the middle shows other people than the top');
  await screenshot(browser, 'people-large-middle');

  // The first person on screen in the middle, found by their ID.
  const id = middle[0][1];
  assert.match(id, /^\d{17}[\dX]$/);
  const shown = await people.search(browser, id);
  assert.equal(shown, '符合条件 1 人（共 ' + total + ' 人）');
  const found = await people.visibleRows(browser);
  assert.equal(found.length, 1);
  assert.equal(found[0][1], id);
  assert.equal(found[0][0], middle[0][0]);
});
