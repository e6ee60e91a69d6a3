// Generic helpers over WebdriverIO for Kaohe's UI: elements by `data-test`, Element Plus widgets
// (select, message box, message), waiting for text, and screenshots after the page has painted.

import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Key } from 'webdriverio';
import { OUT_DIR, ROOT } from './app.mjs';

/** CSS selector of `data-test` names, nested left to right: `t('section-home', 'count-people')`. */
export function t(...names) {
  return names.map((n) => `[data-test="${n}"]`).join(' ');
}

const DEFAULT_TIMEOUT = 15000;

/** Waits until `read()` returns a truthy value and returns it; the message names what was awaited. */
export async function until(browser, read, message, timeout = DEFAULT_TIMEOUT) {
  let value;
  await browser.waitUntil(
    async () => {
      value = await read();
      return value;
    },
    { timeout, interval: 100, timeoutMsg: `等待超时 / timed out: ${message}` },
  );
  return value;
}

/** The visible text of the first element matching `selector`, once it is displayed. */
export async function textOf(browser, selector) {
  const el = await browser.$(selector);
  await el.waitForDisplayed({ timeout: DEFAULT_TIMEOUT });
  return (await el.getText()).trim();
}

/** Waits until the element's text contains `wanted` (a string) or matches it (a RegExp); returns the text. */
export async function waitForText(browser, selector, wanted, timeout = DEFAULT_TIMEOUT) {
  let last = '';
  await browser.waitUntil(
    async () => {
      const el = await browser.$(selector);
      if (!(await el.isExisting())) return false;
      last = (await el.getText()).trim();
      return typeof wanted === 'string' ? last.includes(wanted) : wanted.test(last);
    },
    { timeout, interval: 100, timeoutMsg: `「${selector}」 没有显示 ${wanted}；实际 / actual: 「${last}」` },
  );
  return last;
}

export async function click(browser, selector) {
  const el = await browser.$(selector);
  await el.waitForClickable({ timeout: DEFAULT_TIMEOUT });
  await press(browser, el, selector);
}

/**
 * Clicks `el`, trying again while something else takes the click: on a loaded machine the overlay
 * of a dialog that just closed, or a message, may still cover the element for a moment after it
 * was found clickable ("element click intercepted"). Any other failure is thrown at once.
 */
export async function press(browser, el, what) {
  await until(
    browser,
    async () => {
      try {
        await el.click();
        return true;
      } catch (error) {
        if (/click intercepted/i.test(String(error))) return null;
        throw error;
      }
    },
    `点击 / click ${what}`,
  );
}

/** Types into an Element Plus input or textarea (the element with data-test, or the field itself). */
export async function type(browser, selector, text) {
  const host = await browser.$(selector);
  await host.waitForDisplayed({ timeout: DEFAULT_TIMEOUT });
  const tag = await host.getTagName();
  const field = tag === 'input' || tag === 'textarea' ? host : await host.$('input, textarea');
  // Select all and delete with keys: WebDriver's clear does not fire the `input` event Vue listens to.
  await press(browser, field, selector);
  await browser.keys([Key.Ctrl, 'a']);
  await browser.keys(Key.Backspace);
  await field.addValue(text);
  await until(browser, async () => (await field.getValue()) === text, `输入框的值为 / field holds 「${text}」`);
}

/** Chooses `label` in the Element Plus select `selector` (its dropdown is teleported to <body>). */
export async function choose(browser, selector, label) {
  await click(browser, selector);
  const option = await until(
    browser,
    async () => {
      for (const item of await browser.$$('.el-select-dropdown__item')) {
        if ((await item.isDisplayed()) && (await item.getText()).trim() === label) return item;
      }
      return null;
    },
    `下拉选项 / option 「${label}」`,
  );
  await press(browser, option, label);
  await waitForText(browser, selector, label);
}

/** Clicks the confirm button of the open Element Plus message box (ElMessageBox.confirm). */
export async function confirmMessageBox(browser) {
  const button = await browser.$('.el-message-box .el-message-box__btns .el-button--primary');
  await button.waitForClickable({ timeout: DEFAULT_TIMEOUT });
  await press(browser, button, '确定');
  await browser.$('.el-message-box').waitForDisplayed({ reverse: true, timeout: DEFAULT_TIMEOUT });
}

/**
 * Marks the messages (ElMessage) on screen as seen, so that `nextMessage` returns only a later one.
 * Call it before the click that should show a message.
 */
export async function markMessagesSeen(browser) {
  await browser.execute(() => document.querySelectorAll('.el-message').forEach((m) => m.setAttribute('data-e2e-seen', '')));
}

/**
 * Waits for a message (ElMessage) not marked seen, of one of `kinds` ('success', 'error',
 * 'warning'…), and returns `{ kind, text }`.
 */
export async function nextMessage(browser, kinds = ['success', 'error', 'warning', 'info']) {
  return until(
    browser,
    () =>
      browser.execute((wanted) => {
        for (const m of document.querySelectorAll('.el-message:not([data-e2e-seen])')) {
          const kind = wanted.find((k) => m.classList.contains(`el-message--${k}`));
          const text = m.querySelector('.el-message__content')?.textContent?.trim();
          if (kind && text) return { kind, text };
        }
        return null;
      }, kinds),
    `消息 / a message (${kinds.join(', ')})`,
  );
}

/** Waits for a new message of `kind` after `action()` and returns its text. */
export async function messageAfter(browser, kind, action) {
  await markMessagesSeen(browser);
  await action();
  const shown = await nextMessage(browser);
  if (shown.kind !== kind) throw new Error(`期望 ${kind} 消息，实际 / expected a ${kind} message, got ${shown.kind}: ${shown.text}`);
  return shown.text;
}

/** Waits until no Element Plus message (ElMessage, shown about 3 s) is on screen. */
export async function noMessages(browser, timeout = 10000) {
  // Long messages (errors, 8 s) have a close button: close them as a clerk would.
  for (const close of await browser.$$('.el-message .el-message__closeBtn')) {
    if (await close.isDisplayed().catch(() => false)) await close.click().catch(() => {});
  }
  await browser.waitUntil(async () => (await browser.$$('.el-message')).length === 0, {
    timeout,
    interval: 100,
    timeoutMsg: '消息未消失 / a message stayed on screen',
  });
}

/** Waits two animation frames: a WebDriver screenshot may otherwise show the frame before the last change. */
export async function settle(browser) {
  await browser.executeAsync((done) => requestAnimationFrame(() => requestAnimationFrame(() => done())));
}

/**
 * Screenshot of the window as `<name>.png` in target/screenshots/e2e/; with KAOHE_BLESS=1 it also
 * replaces docs/screenshots/<name>.png (the pictures in README). `top: false` keeps the scroll
 * position. Returns the path written.
 */
export async function screenshot(browser, name, { top = true } = {}) {
  mkdirSync(OUT_DIR, { recursive: true });
  // The page scrolls as a whole and keeps its place across sections: show each from its top
  // (dialogs are fixed on screen and stay in the picture).
  if (top) await browser.execute(() => window.scrollTo(0, 0));
  // Messages (ElMessage) fade out after a few seconds: hide them for the picture so that it does
  // not depend on timing. Through the CSSOM (the app's CSP refuses injected <style> elements);
  // Vue still owns and removes the elements.
  const hide = (visibility) =>
    browser.execute((v) => document.querySelectorAll('.el-message').forEach((m) => (m.style.visibility = v)), visibility);
  await hide('hidden');
  await settle(browser);
  const file = join(OUT_DIR, `${name}.png`);
  try {
    await browser.saveScreenshot(file);
  } finally {
    await hide('');
  }
  if (process.env.KAOHE_BLESS === '1') {
    const docs = join(ROOT, 'docs', 'screenshots');
    mkdirSync(docs, { recursive: true });
    copyFileSync(file, join(docs, `${name}.png`));
  }
  return file;
}

/**
 * The body rows of the Element Plus table `selector` (the first match), as arrays of cell texts,
 * in one round trip. Expanded-row content is skipped.
 */
export async function tableRows(browser, selector) {
  await browser.$(selector).waitForExist({ timeout: DEFAULT_TIMEOUT });
  return browser.execute((sel) => {
    const table = document.querySelector(sel);
    const rows = table ? table.querySelectorAll('.el-table__body-wrapper tr.el-table__row') : [];
    return Array.from(rows, (tr) => Array.from(tr.querySelectorAll('td'), (td) => td.innerText.trim()));
  }, selector);
}
