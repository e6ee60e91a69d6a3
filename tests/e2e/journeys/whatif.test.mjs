// Journey: 对比. With the sample roster imported, the clerk opens 年度考核 2025, clicks 对比, tries
// 某市财政局's 优秀 ratio at 30%: the dialog lists the pool's quota (3 → 4) and 吴秀英 称职 → 优秀
// with the reasons before and after; closing it, the year is as it was (nothing saved).
// Screenshot: whatif.png.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { launch, SCREEN } from '../lib/app.mjs';
import { choose, click, screenshot, t, tableRows, textOf, until } from '../lib/ui.mjs';
import * as shell from '../lib/pages/shell.mjs';
import * as home from '../lib/pages/home.mjs';
import * as assessment from '../lib/pages/assessment.mjs';

test('对比：试提高一个单位的优秀比例，列出因此改变等次的人员，不保存', async () => {
  const app = await launch('whatif');
  try {
    const browser = app.browser;
    await shell.ready(browser, SCREEN);
    await home.importSample(browser);
    await shell.open(browser, 'assessment');
    await assessment.chooseYear(browser, 2025);
    const before = await assessment.summary(browser);

    await click(browser, t('section-assessment', 'whatif-open'));
    await browser.$(t('whatif-dialog')).waitForDisplayed({ timeout: 15000 });
    await choose(browser, t('whatif-organ'), '某市财政局');
    const percent = await browser.$(`${t('whatif-percent')} input`);
    await percent.click();
    await browser.keys(['Control', 'a']);
    await percent.addValue('30');
    await browser.keys('Tab');
    await click(browser, t('whatif-run'));
    const summary = await until(browser, async () => {
      const text = await textOf(browser, t('whatif-summary')).catch(() => '');
      return text.includes('结果改变') ? text : null;
    }, '对比结果 / the comparison');
    assert.match(summary, /某市财政局的优秀比例为30%（现为20%）：结果改变的 1 人，未改变的 37 人/);
    const pools = await tableRows(browser, t('whatif-pools'));
    assert.equal(pools.length, 1);
    assert.match(pools[0][1], /15人 × 20% = 3\.00 → 3名/);
    assert.match(pools[0][2], /15人 × 30% = 4\.50 → 4名/);
    const people = await tableRows(browser, t('whatif-people'));
    assert.deepEqual(people.map((r) => [r[0].split('\n')[0], r[1], r[2]]), [['吴秀英', '称职（非领导成员）', '优秀（非领导成员）']]);
    assert.match(people[0][3], /建议称职/);
    assert.match(people[0][4], /在优秀名额（4名）以内，建议优秀/);
    await screenshot(browser, 'whatif');

    await browser.keys('Escape');
    await browser.$(t('whatif-dialog')).waitForDisplayed({ reverse: true, timeout: 15000 });
    assert.equal(await assessment.summary(browser), before, 'nothing saved: the year is as it was');
  } finally {
    await app.quit();
  }
});
