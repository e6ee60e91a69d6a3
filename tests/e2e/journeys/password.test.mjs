// Journey: the database password. The clerk imports the sample roster, sets a password in 设置
// (typed twice), and closes the app; started again, the window opens locked and asks for it: a
// wrong password is refused, the right one opens the database with everyone in it, and the
// 操作日志 holds the change. Screenshots: password-settings.png, password-unlock.png.

import assert from 'node:assert/strict';
import { readFileSync, rmSync } from 'node:fs';
import { test } from 'node:test';
import { launch, SCREEN } from '../lib/app.mjs';
import { click, screenshot, t, textOf, type, waitForText } from '../lib/ui.mjs';
import * as shell from '../lib/pages/shell.mjs';
import * as home from '../lib/pages/home.mjs';
import * as log from '../lib/pages/log.mjs';

const PASSWORD = '人事科2026年';

test('数据库密码：设置后重新打开软件，输入密码才能打开', async () => {
  const first = await launch('password');
  let firstOpen = true;
  let second;
  try {
    const browser = first.browser;
    await shell.ready(browser, SCREEN);
    await home.importSample(browser);
    const counts = await home.counts(browser);
    assert.equal(counts.people, 38);

    await shell.open(browser, 'settings');
    const S = 'section-settings';
    assert.match(await textOf(browser, t(S, 'password-status')), /^未设置密码/);
    await type(browser, t(S, 'password-next'), PASSWORD);
    await type(browser, t(S, 'password-again'), PASSWORD);
    await click(browser, t(S, 'password-save'));
    await waitForText(browser, t(S, 'password-message'), '已设置数据库密码', 30000);
    assert.match(await textOf(browser, t(S, 'password-status')), /^已设置密码/);
    await screenshot(browser, 'password-settings');
    await first.quit({ keep: true });
    firstOpen = false;

    // The file holds no name of the sample roster in the clear.
    const bytes = readFileSync(first.db);
    assert.equal(bytes.includes(Buffer.from('SQLite format 3')), false, '数据库文件已加密 / the file is encrypted');

    second = await launch('password-unlock', { db: first.db });
    const again = second.browser;
    await again.setWindowSize(SCREEN.width, SCREEN.height);
    const dialog = await again.$(t('unlock-dialog'));
    await dialog.waitForDisplayed({ timeout: 30000 });
    assert.equal(await textOf(again, t('unlock-path')), first.db);
    await type(again, t('unlock-password'), '记错的密码');
    await click(again, t('unlock-submit'));
    await waitForText(again, t('unlock-error'), '密码不对', 30000);
    assert.equal(await dialog.isDisplayed(), true, '仍需输入密码 / still locked');
    await screenshot(again, 'password-unlock');

    await type(again, t('unlock-password'), PASSWORD);
    await click(again, t('unlock-submit'));
    await dialog.waitForDisplayed({ reverse: true, timeout: 30000 });
    await home.waitForCounts(again, counts);

    await shell.open(again, 'log');
    const entries = await log.entries(again);
    assert.equal(entries[0].kind, '数据库密码');
    assert.equal(entries[0].what, '设置数据库密码');
  } finally {
    if (firstOpen) await first.quit({ keep: true });
    await second?.quit();
    rmSync(first.dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
  }
});
