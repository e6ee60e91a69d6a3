// Journey: 上报 → 汇总. With the sample imported, the clerk sets 周志强 to 称职 (the 领导成员
// quota is 0), finalises 2025, and 上报 某市财政局 (the save dialog answered with a path); then, in
// 汇总, chooses that file and a file that is not a package (one dialog answer with both): the
// package is received and the other refused with why; a second receipt of the same file is
// refused until 确认替换; the 汇总 reads 1 organ, 16 people, 优秀 3 of 3 places; 「打印」 shows the
// printed 汇总 in the preview window, the organ's row as on screen. Between them the clerk adds
// an organ to 所辖单位 (named among those not reported) and a 统筹职数 group of it and 某市财政局
// (summed in its table). Screenshots: summary-received.png, summary-shared.png,
// summary-printed.png (the preview window).

import assert from 'node:assert/strict';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { Key } from 'webdriverio';
import { launch, SCREEN } from '../lib/app.mjs';
import { choose, click, screenshot, t, tableRows, textOf, type, until, waitForText } from '../lib/ui.mjs';
import * as preview from '../lib/pages/preview.mjs';
import * as shell from '../lib/pages/shell.mjs';
import * as home from '../lib/pages/home.mjs';
import * as assessment from '../lib/pages/assessment.mjs';

/**
 * Chooses `labels` in the filterable multiple select `selector`: each typed into its filter (over
 * what the filter kept of the one before) and taken with ↓ and Enter, then its tag read.
 */
async function pickMany(browser, selector, labels) {
  const tags = () =>
    browser.execute(
      (sel) => Array.from(document.querySelectorAll(`${sel} .el-select__tags-text`), (e) => e.textContent.trim()),
      selector,
    );
  for (const label of labels) {
    // The filter's input is as wide as what is typed: the select itself takes the click.
    await click(browser, selector);
    await browser.keys([Key.Ctrl, 'a']);
    await browser.keys(label);
    await until(browser, async () => {
      for (const item of await browser.$$('.el-select-dropdown__item')) {
        if ((await item.isDisplayed()) && (await item.getText()).trim() === label) return true;
      }
      return null;
    }, `下拉选项 / option 「${label}」`);
    await browser.keys([Key.ArrowDown]);
    await browser.keys([Key.Enter]);
    await until(browser, async () => ((await tags()).includes(label) ? true : null), `已选 / chosen 「${label}」`);
  }
  return tags();
}

const LEADERS = assessment.pool('某县人力资源和社会保障局', '领导成员');

test('上报与汇总：定稿后上报一个单位，在汇总中接收、替换并汇总', async () => {
  const app = await launch('summary');
  try {
    const browser = app.browser;
    await shell.ready(browser, SCREEN);
    await home.importSample(browser);
    await shell.open(browser, 'assessment');
    await assessment.chooseYear(browser, 2025);
    await assessment.setOperator(browser, '人事科 李明');
    await assessment.override(browser, '周志强', '称职', '领导成员优秀名额为0，经考核委员会研究确定为称职', LEADERS);
    const finalized = await assessment.finalize(browser);
    assert.ok(finalized.ok, finalized.message);

    const file = join(app.dir, '某市财政局_2025年度上报.kaohe');
    app.answer(file);
    await click(browser, t('section-assessment', 'package-open'));
    await browser.$(t('package-dialog')).waitForDisplayed({ timeout: 15000 });
    await click(browser, t('package-save'));
    await browser.$(t('package-dialog')).waitForDisplayed({ reverse: true, timeout: 30000 });
    await until(browser, async () => existsSync(file), '上报文件已保存 / the package is saved');

    const junk = join(app.dir, '不是上报文件.kaohe');
    writeFileSync(junk, '不是压缩包');
    await shell.open(browser, 'summary');
    const S = 'section-summary';
    await type(browser, t(S, 'summary-operator'), '组织部 王芳');
    app.answer(`${file}\t${junk}`);
    await click(browser, t(S, 'summary-receive'));
    const received = await until(browser, async () => {
      const text = await textOf(browser, t(S, 'summary-received')).catch(() => '');
      return text.includes('已接收') ? text : null;
    }, '已接收 / received');
    assert.match(received, /某市财政局2025年度，16 人/);
    assert.match(await textOf(browser, t(S, 'summary-refused')), /不是上报文件（不是 zip 格式的压缩包）/);
    const totals = await textOf(browser, t(S, 'summary-totals'));
    assert.match(totals, /^1 个单位已上报，16 人（计算优秀比例的参加人数 15），优秀 3 人（20%，名额 3）/);
    await screenshot(browser, 'summary-received');

    app.answer(file);
    await click(browser, t(S, 'summary-receive'));
    await until(browser, async () => (await textOf(browser, t(S, 'summary-refused')).catch(() => '')).includes('已接收过某市财政局2025年度'), '已接收过 / received before');
    await click(browser, t(S, 'summary-replace'));
    await until(browser, async () => (await textOf(browser, t(S, 'summary-received')).catch(() => '')).includes('替换了此前接收的'), '替换 / replaced');
    assert.match(await textOf(browser, t(S, 'summary-totals')), /^1 个单位已上报/);

    // 所辖单位: an organ added by hand, with its level; it has not reported, so the 汇总 names it
    // among those not reported yet.
    await click(browser, t(S, 'summary-supervised'));
    await browser.$(t('supervised-dialog')).waitForDisplayed({ timeout: 15000 });
    await type(browser, t('supervised-name'), '某县教育局');
    await type(browser, t('supervised-level'), '县');
    await click(browser, t('supervised-add'));
    const listed = await until(browser, async () => {
      const rows = await tableRows(browser, t('supervised-organs'));
      return rows.find((r) => r[0] === '某县教育局') ?? null;
    }, '已添加 / added');
    assert.deepEqual(listed.slice(0, 4), ['某县教育局', '县', '0', '未上报']);
    const finance = (await tableRows(browser, t('supervised-organs'))).find((r) => r[0] === '某市财政局');
    assert.deepEqual(finance.slice(2, 4), ['16', '已上报']);
    await click(browser, t('supervised-close'));
    await browser.$(t('supervised-dialog')).waitForDisplayed({ reverse: true, timeout: 15000 });
    await waitForText(browser, t(S, 'summary-unreported'), '某县教育局');

    // 统筹职数: 某市财政局 and 某县教育局 share the 三级和四级主任科员 places, 3 of them, on a
    // document of the county; the 汇总 sums the members' packages against the group's number.
    await click(browser, t(S, 'summary-shared-pools'));
    await browser.$(t('shared-dialog')).waitForDisplayed({ timeout: 15000 });
    await type(browser, t('shared-name'), '县直统筹');
    await choose(browser, t('shared-pool'), '三级和四级主任科员');
    await type(browser, t('shared-approved'), '3');
    assert.deepEqual(await pickMany(browser, t('shared-organs'), ['某市财政局', '某县教育局']), ['某市财政局', '某县教育局']);
    // A click above closes the list of organs, which covers the field below.
    await click(browser, t('shared-name'));
    await browser.$('.el-select-dropdown').waitForDisplayed({ reverse: true, timeout: 15000 }).catch(() => {});
    await type(browser, t('shared-source'), '某县委组织部〔2024〕3号');
    await click(browser, t('shared-save'));
    const group = await until(browser, async () => {
      const rows = await tableRows(browser, t('shared-groups')).catch(() => []);
      return rows.find((r) => r[0] === '县直统筹') ?? null;
    }, '已保存 / saved');
    assert.match(group.join(' '), /三级和四级主任科员/);
    await click(browser, t('shared-close'));
    await browser.$(t('shared-dialog')).waitForDisplayed({ reverse: true, timeout: 15000 });
    const shared = await until(browser, async () => {
      const rows = await tableRows(browser, t(S, 'summary-shared')).catch(() => []);
      return rows[0] ?? null;
    }, '统筹职数表 / the 统筹职数 table');
    // 某市财政局's package: 6 held in the pool, 1 eligible and proposed (its own 10 places are not
    // the group's); 3 places for the group, so none free and the proposal over by one.
    assert.deepEqual(shared.slice(0, 8), ['县直统筹', '三级和四级主任科员', '某市财政局、某县教育局', '3', '6', '0', '1', '1']);
    assert.deepEqual(shared[8].split('\n'), [
      '拟晋升超过空缺 1 人',
      '本地统筹（依据：某县委组织部〔2024〕3号）',
      '尚未上报：某县教育局',
      '某市财政局上报的本单位核定职数（10）不计入统筹，按统筹核定职数3计算',
      '实有6人，超过核定职数3，超出3人',
    ]);
    await browser.execute(() => document.querySelector('[data-test="summary-shared"]')?.scrollIntoView({ block: 'center' }));
    await screenshot(browser, 'summary-shared', { top: false });

    // 「打印」: the printed 汇总 in the preview window, the organ's row as on screen.
    await click(browser, t(S, 'summary-print'));
    await until(browser, async () => (await textOf(browser, t(S, 'summary-preview')).catch(() => '')).includes('已在打印预览窗口中打开'), '预览已打开 / previewed');
    const handles = await preview.open(browser, /^2025年度考核结果汇总表（各单位上报）$/);
    try {
      const rows = await browser.execute(() =>
        Array.from(document.querySelectorAll('table'))[0]
          ? Array.from(document.querySelectorAll('table')[0].querySelectorAll('tbody tr'), (tr) =>
              Array.from(tr.querySelectorAll('td'), (td) => td.textContent.trim()),
            )
          : [],
      );
      const organ = rows.find((r) => r[0] === '某市财政局');
      assert.ok(organ, JSON.stringify(rows));
      assert.deepEqual(organ.slice(0, 3), ['某市财政局', '16', '15']);
      await screenshot(browser, 'summary-printed');
    } finally {
      await preview.back(browser, handles);
    }
  } finally {
    await app.quit();
  }
});
