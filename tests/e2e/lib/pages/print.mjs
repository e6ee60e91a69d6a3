// 打印 (section "print"): a document (data-test doc-<doc>), its 考核年度 (year), 资格计算日期
// (field-as-of), 公示开始日期 (field-from) and scope (organ),
// 预览 (preview: the document opens in a second window, read with lib/pages/preview.mjs), what was
// built (print-title, print-pages, print-stale) and 打印 (print: the system print dialog of the
// preview window; never clicked by the journeys, a GTK print dialog would wait for a person).

import { Key } from 'webdriverio';
import { choose, click, t, textOf, until, waitForText } from '../ui.mjs';

const S = 'section-print';

/** Chooses a document by its code (e.g. '登记表'), as listed in ui/src/api/types.ts PRINT_DOCUMENTS. */
export async function chooseDocument(browser, doc) {
  await click(browser, t(S, `doc-${doc}`));
}

export async function chooseYear(browser, year) {
  await choose(browser, t(S, 'year'), `${year}年度`);
}

/** Chooses the 单位 the document covers (by default every organ). */
export async function chooseOrgan(browser, organ) {
  await choose(browser, t(S, 'organ'), organ);
}

/** Types `date` (YYYY-MM-DD) into the date picker of the form item `field` (field-from, field-as-of). */
async function chooseDate(browser, field, date) {
  // Through its form item, as 职级晋升 finds its date picker's input.
  const input = await browser.$(`${t(S, field)} input`);
  await input.waitForDisplayed({ timeout: 15000 });
  await input.click();
  await browser.keys([Key.Ctrl, 'a']);
  await browser.keys(Key.Backspace);
  await input.addValue(date);
  await browser.keys(Key.Enter);
  await until(browser, async () => (await input.getValue()) === date, `${field}: ${date}`);
  // Close the picker's panel (teleported) before clicking elsewhere.
  await browser.keys(Key.Escape);
}

/** The 公示开始日期 of a 公示. */
export async function chooseFrom(browser, date) {
  await chooseDate(browser, 'field-from', date);
}

/** The 资格计算日期 of the promotion documents. */
export async function chooseAsOf(browser, date) {
  await chooseDate(browser, 'field-as-of', date);
}

/**
 * 「预览」: waits for the result line and returns `{ title, pages }` (`pages` is null for a
 * document whose pages depend on the printer, such as a 公示). With `title` (a string or RegExp),
 * waits for that title: the line of an earlier preview stays until the new one is written.
 */
export async function preview(browser, title) {
  await click(browser, t(S, 'preview'));
  if (title) await waitForText(browser, t(S, 'print-title'), title, 60000);
  const pages = await waitForText(browser, t(S, 'print-pages'), /共 \d+ 页|页数随内容而定/, 60000);
  return { title: await textOf(browser, t(S, 'print-title')), pages: /\d/.test(pages) ? Number(pages.replace(/\D/g, '')) : null };
}

/** The 「打印」 button: `{ shown, enabled, label }` (enabled while the preview shows what the form asks for). */
export async function printButton(browser) {
  const button = await browser.$(t(S, 'print'));
  if (!(await button.isDisplayed())) return { shown: false, enabled: false, label: '' };
  return { shown: true, enabled: await button.isEnabled(), label: (await button.getText()).trim() };
}

/** The notice that the form no longer asks for what the preview shows (null when absent). */
export async function staleNotice(browser) {
  const notice = await browser.$(t(S, 'print-stale'));
  return (await notice.isExisting()) ? (await notice.getText()).trim() : null;
}

/** The title of the document last previewed, as the result line shows it. */
export async function shownTitle(browser) {
  return textOf(browser, t(S, 'print-title'));
}
