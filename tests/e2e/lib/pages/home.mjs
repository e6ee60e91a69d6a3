// 工作台 (section "home"): the database card and its counts, 「导入示例名册」, and 职级晋升 on a date.

import { click, t, textOf, until, waitForText } from '../ui.mjs';

const S = 'section-home';

/** The counts of the database card, as numbers. */
export async function counts(browser) {
  return {
    people: Number(await textOf(browser, t(S, 'count-people'))),
    organs: Number(await textOf(browser, t(S, 'count-organs'))),
    results: Number(await textOf(browser, t(S, 'count-results'))),
  };
}

export async function dbPath(browser) {
  return textOf(browser, t(S, 'db-path'));
}

/** Clicks 「导入示例名册」 and returns the text of the outcome it shows. */
export async function importSample(browser) {
  await click(browser, t(S, 'import-sample'));
  return waitForText(browser, t(S, 'import-outcome'), '已导入示例名册');
}

/** Waits until the counts are `expected` (they reload when the database changed). */
export async function waitForCounts(browser, expected) {
  let last;
  await until(
    browser,
    async () => {
      last = await counts(browser);
      return last.people === expected.people && last.organs === expected.organs && last.results === expected.results;
    },
    `工作台人数 / counts ${JSON.stringify(expected)}, shown ${JSON.stringify(last)}`,
  ).catch((e) => {
    throw new Error(`${e.message}; shown ${JSON.stringify(last)}`);
  });
}
