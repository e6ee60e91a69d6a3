// 规则 (section "rules"): the active rule profile, read-only (rules-intro, group-<name>, rows).

import { t, textOf } from '../ui.mjs';

const S = 'section-rules';

export async function intro(browser) {
  return textOf(browser, t(S, 'rules-intro'));
}

/** How many rows a group's table has, e.g. rowCount(browser, 'ladder-row'). */
export async function rowCount(browser, rowTest) {
  return (await browser.$$(t(S, rowTest))).length;
}
