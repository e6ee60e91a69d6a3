// 打印预览: the second window (label `print-preview`, src-tauri/src/preview.rs) that 「预览」 opens
// or reuses, showing the static HTML file crates/kaohe-print wrote (no script of its own, no
// command). WebDriver sees it as a second window handle; `open` switches to it, `back` returns to
// the main window. The document is read by its printed structure, as a clerk reads it: a 登记表
// page is `section.page.registration` (continuation pages `registration-continued`), its cells
// found by their printed labels (姓　　名, 单位及职务职级…); a 公示 is one `section.flow` with an
// <h1>, notes and one table.

import { settle, until } from '../ui.mjs';

const TIMEOUT = 30000;

/**
 * Waits for the preview window, switches WebDriver to it and waits until it shows a document
 * whose <h1> matches `heading` (the window is reused: a second preview navigates it). Returns
 * `{ main, preview }`, the two window handles.
 */
export async function open(browser, heading) {
  const main = await browser.getWindowHandle();
  const preview = await until(
    browser,
    async () => (await browser.getWindowHandles()).find((h) => h !== main) ?? null,
    '打印预览窗口 / the preview window',
    TIMEOUT,
  );
  await browser.switchToWindow(preview);
  let shown = '';
  await until(
    browser,
    async () => {
      shown = await browser.execute(() => (document.readyState === 'complete' ? (document.querySelector('h1')?.textContent ?? '') : ''));
      return heading.test(shown);
    },
    `预览窗口显示 / the preview shows ${heading}（实际 / shown 「${shown}」）`,
    TIMEOUT,
  );
  await settle(browser);
  return { main, preview };
}

/** Switches WebDriver back to the main window. */
export async function back(browser, handles) {
  await browser.switchToWindow(handles.main);
}

/** The document's <title> and all its visible text (what prints). */
export async function contents(browser) {
  return browser.execute(() => ({ title: document.title, text: document.body.innerText }));
}

/**
 * The 登记表 pages: `{ pages, forms: [{ id, heading, subtitle, name, gender, birth, unit, proposal, finalGrade, ungraded }] }`
 * (`pages` counts continuation pages too; one form per person).
 */
export async function registrationForms(browser) {
  return browser.execute(() => {
    const squeeze = (s) => (s ?? '').replace(/\s+/g, '');
    const forms = Array.from(document.querySelectorAll('section.page.registration'), (page) => {
      // The cell after the label cell printed as `label` (spaces and line breaks in labels
      // ignored); in a box with a signature line, only its text.
      const after = (label) => {
        for (const td of page.querySelectorAll('td.label')) {
          if (squeeze(td.textContent) !== label) continue;
          const cell = td.nextElementSibling;
          return (cell?.querySelector('div.text') ?? cell)?.textContent.trim() ?? '';
        }
        return null;
      };
      const line = (prefix) => {
        for (const div of page.querySelectorAll('div.text')) {
          const text = div.textContent.trim();
          if (text.startsWith(prefix)) return text.slice(prefix.length);
        }
        return null;
      };
      return {
        id: page.getAttribute('data-id'),
        heading: page.querySelector('h1')?.textContent.trim() ?? '',
        subtitle: page.querySelector('.subtitle')?.textContent.trim() ?? '',
        name: after('姓名'),
        gender: after('性别'),
        birth: after('出生年月'),
        unit: after('单位及职务职级'),
        proposal: line('考核等次建议：'),
        finalGrade: line('确定等次：'),
        ungraded: after('未确定等次或不参加考核情况说明'),
      };
    });
    return { pages: document.querySelectorAll('section.page').length, forms };
  });
}

/** A 公示 (one flowing section): `{ heading, notes: [..], header: [..], rows: [[cell texts]] }`. */
export async function publicity(browser) {
  return browser.execute(() => {
    const section = document.querySelector('section.flow');
    const texts = (nodes) => Array.from(nodes, (n) => n.textContent.trim());
    return {
      heading: section?.querySelector('h1')?.textContent.trim() ?? '',
      notes: texts(section?.querySelectorAll('p.note') ?? []),
      header: texts(section?.querySelectorAll('thead th') ?? []),
      rows: Array.from(section?.querySelectorAll('tbody tr') ?? [], (tr) => texts(tr.querySelectorAll('td'))),
    };
  });
}

/**
 * Closes the preview window through WebDriver and switches back to the main window; waits until
 * WebDriver lists only the main window.
 */
export async function close(browser, handles) {
  await browser.switchToWindow(handles.preview);
  await browser.closeWindow();
  await browser.switchToWindow(handles.main);
  await until(
    browser,
    async () => {
      const left = await browser.getWindowHandles();
      return left.length === 1 && left[0] === handles.main;
    },
    '预览窗口已关闭 / the preview window is gone',
  );
}
