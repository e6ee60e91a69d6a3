// 设置 (section "settings"): the database (settings-db-path), the operator (settings-operator,
// settings-operator-save), 备份 (backup) and 恢复 (restore, restore-dialog).

import { t, textOf } from '../ui.mjs';

const S = 'section-settings';

export async function dbPath(browser) {
  return textOf(browser, t(S, 'settings-db-path'));
}

/** The operator's name in its field. */
export async function operator(browser) {
  const host = await browser.$(t(S, 'settings-operator'));
  await host.waitForDisplayed({ timeout: 15000 });
  const tag = await host.getTagName();
  const field = tag === 'input' ? host : await host.$('input');
  return field.getValue();
}
