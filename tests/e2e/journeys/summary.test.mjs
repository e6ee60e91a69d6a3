// Journey: 上报 → 汇总. With the sample imported, the clerk sets 周志强 to 称职 (the 领导成员
// quota is 0), finalises 2025, and 上报 某市财政局 (the save dialog answered with a path); then, in
// 汇总, chooses that file and a file that is not a package (one dialog answer with both): the
// package is received and the other refused with why; a second receipt of the same file is
// refused until 确认替换; the 汇总 reads 1 organ, 16 people, 优秀 3 of 3 places; 「打印」 shows the
// printed 汇总 in the preview window, the organ's row as on screen. Screenshots:
// summary-received.png, summary-printed.png (the preview window).

import assert from 'node:assert/strict';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { launch, SCREEN } from '../lib/app.mjs';
import { click, screenshot, t, textOf, type, until } from '../lib/ui.mjs';
import * as preview from '../lib/pages/preview.mjs';
import * as shell from '../lib/pages/shell.mjs';
import * as home from '../lib/pages/home.mjs';
import * as assessment from '../lib/pages/assessment.mjs';

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
