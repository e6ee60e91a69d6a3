// The window's frame: the side menu (data-test="nav-<section>") and the sections
// (data-test="section-<section>"), as listed in ui/src/sections.ts.

import { click, settle, t } from '../ui.mjs';

/** Waits for the first page (工作台) to show, and sizes the window to the whole screen. */
export async function ready(browser, screen) {
  if (screen) await browser.setWindowSize(screen.width, screen.height);
  await browser.$(t('section-home')).waitForDisplayed({ timeout: 30000 });
  await settle(browser);
}

/** The section names in menu order, read from the menu. */
export async function sections(browser) {
  const items = await browser.$$('[data-test^="nav-"]');
  const names = [];
  for (const item of items) names.push((await item.getAttribute('data-test')).slice('nav-'.length));
  return names;
}

/** Opens a section from the side menu and waits for it to be shown. */
export async function open(browser, name) {
  await click(browser, t(`nav-${name}`));
  await browser.$(t(`section-${name}`)).waitForDisplayed({ timeout: 15000 });
  await settle(browser);
}
