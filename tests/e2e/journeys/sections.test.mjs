// Journey: every section of the side menu, with the sample roster imported, photographed at
// 1366x768 (target/screenshots/e2e/<section>.png; KAOHE_BLESS=1 refreshes docs/screenshots/).
// What each section is checked for is in lib/sections.mjs.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { launch, SCREEN } from '../lib/app.mjs';
import { screenshot, t as dt } from '../lib/ui.mjs';
import * as shell from '../lib/pages/shell.mjs';
import * as home from '../lib/pages/home.mjs';
import { TOUR } from '../lib/sections.mjs';

let app;
let browser;

before(async () => {
  app = await launch('sections');
  browser = app.browser;
  await shell.ready(browser, SCREEN);
  await home.importSample(browser);
});

after(async () => {
  await app?.quit();
});

test('每个栏目：打开、核对、截图', async (t) => {
  const names = await shell.sections(browser);
  assert.deepEqual(names.slice(0, 1), ['home']);
  for (const name of names) {
    await t.test(name, async (st) => {
      await shell.open(browser, name);
      const tour = TOUR[name];
      if (tour) await tour.prepare(browser);
      else st.diagnostic(`lib/sections.mjs 中没有「${name}」的检查 / no tour entry: screenshot only`);
      // Failure alerts are named <what>-failure or <what>-error by convention (import-failure, rules-error…).
      const section = dt(`section-${name}`);
      const failures = await browser.$$(`${section} [data-test$="-failure"], ${section} [data-test$="-error"]`);
      for (const f of failures) {
        assert.equal(await f.isDisplayed(), false, `「${name}」显示了错误 / shows: ${await f.getText()}`);
      }
      await screenshot(browser, name);
    });
  }
});
