// A real drag and drop of a file onto the app's window, between two programs on the X display the
// journeys run on (xvfb-run sets DISPLAY for `npm test`, and everything here inherits it):
// lib/drag-source.py shows a small GTK 3 window offering the file as text/uri-list, and xdotool
// (XTEST) presses the mouse on it, moves in small steps onto the element, and releases. GTK
// speaks XDND with the app's window; Tauri reports DragDropEvent::Enter/Drop to the shell
// (src-tauri/src/import.rs `dropped`), which sends them to the page on its channel.
//
// Linux only. Debian packages: xdotool, python3-gi, gir1.2-gtk-3.0.

import { spawn, execFile } from 'node:child_process';
import { appendFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const SOURCE = join(dirname(fileURLToPath(import.meta.url)), 'drag-source.py');
/** Debian's Python, which has python3-gi (a pyenv `python3` on PATH may not). */
const PYTHON = '/usr/bin/python3';
/** The drag source's square window. */
const SOURCE_SIZE = 100;

async function xdotool(...args) {
  await run('xdotool', args.map(String));
}

/**
 * The drag source for `file`, at `x`,`y` on the screen. Resolves once its window is shown, to
 * `{ x, y, width, height, lines, wait(re, ms), stop() }`; `lines` are what it reported.
 */
async function dragSource(file, x, y, log) {
  const child = spawn(PYTHON, [SOURCE, file, String(x), String(y), String(SOURCE_SIZE)], { stdio: ['pipe', 'pipe', 'pipe'] });
  const lines = [];
  const waiters = [];
  let buffered = '';
  const note = (line) => {
    lines.push(line);
    if (log) appendFileSync(log, `drag-source: ${line}\n`);
    for (const w of waiters.splice(0)) if (!w(line)) waiters.push(w);
  };
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk) => {
    buffered += chunk;
    let at;
    while ((at = buffered.indexOf('\n')) >= 0) {
      note(buffered.slice(0, at));
      buffered = buffered.slice(at + 1);
    }
  });
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk) => log && appendFileSync(log, `drag-source (stderr): ${chunk}`));
  const exited = new Promise((r) => child.once('exit', r));
  child.once('error', (e) => note(`error ${e.message}`));

  /** Waits for a reported line matching `re`; returns it. */
  const wait = (re, ms, what) =>
    new Promise((resolveLine, reject) => {
      const seen = lines.find((l) => re.test(l));
      if (seen) return resolveLine(seen);
      const timer = setTimeout(() => reject(new Error(`拖动源没有报告 / drag source did not report ${what}; reported: ${JSON.stringify(lines)}`)), ms);
      waiters.push((line) => {
        if (!re.test(line)) return false;
        clearTimeout(timer);
        resolveLine(line);
        return true;
      });
      exited.then(() => {
        clearTimeout(timer);
        reject(new Error(`拖动源已退出 / drag source exited (${child.exitCode}) before ${what}; reported: ${JSON.stringify(lines)}`));
      });
    });

  const stop = async () => {
    child.stdin.end();
    await Promise.race([exited, sleep(3000)]);
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  };

  try {
    const ready = await wait(/^ready /, 15000, 'ready');
    const [rx, ry, width, height] = ready.split(' ').slice(1).map(Number);
    return { x: rx, y: ry, width, height, lines, wait, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** The centre of the element `selector`, in screen coordinates (the window's origin + the element's box). */
async function screenCentre(browser, selector) {
  const el = await browser.$(selector);
  await el.waitForDisplayed({ timeout: 15000 });
  const box = await browser.execute((s) => {
    const r = document.querySelector(s).getBoundingClientRect();
    return { x: r.left + r.width / 2, y: r.top + r.height / 2, scale: window.devicePixelRatio };
  }, selector);
  const win = await browser.getWindowRect();
  return { x: Math.round(win.x + box.x * box.scale), y: Math.round(win.y + box.y * box.scale) };
}

/**
 * Drags `file` from a file-manager-like window (lib/drag-source.py, placed at the screen's lower
 * right corner, over the app's window) and drops it on the element `selector` with the mouse.
 * `whileOver()` (optional) runs with the file held over the element, before the button is let go.
 * Resolves to what the drag source reported, e.g. `['ready …', 'begin', 'get file:///…', 'end']`.
 */
export async function dropFile(browser, file, selector, { screen, log, whileOver } = {}) {
  const target = await screenCentre(browser, selector);
  const corner = screen ?? (await browser.getWindowRect());
  const source = await dragSource(file, corner.width - SOURCE_SIZE - 20, corner.height - SOURCE_SIZE - 20, log);
  let pressed = false;
  try {
    const from = { x: source.x + Math.round(source.width / 2), y: source.y + Math.round(source.height / 2) };
    await xdotool('mousemove', from.x, from.y);
    await sleep(100);
    await xdotool('mousedown', 1);
    pressed = true;
    await sleep(100);
    // Past GTK's drag threshold first, then on in small steps: XDND follows the pointer's motion.
    const steps = 25;
    for (let i = 1; i <= steps; i++) {
      const x = Math.round(from.x + ((target.x - from.x) * i) / steps);
      const y = Math.round(from.y + ((target.y - from.y) * i) / steps);
      await xdotool('mousemove', x, y);
      await sleep(30);
      if (i === 1) await source.wait(/^begin$/, 5000, 'begin');
    }
    // A last small move over the target, as a hand would.
    await xdotool('mousemove', target.x + 2, target.y + 1);
    await sleep(200);
    if (whileOver) await whileOver();
    await xdotool('mouseup', 1);
    pressed = false;
    await source.wait(/^end$/, 10000, 'end');
    return [...source.lines];
  } finally {
    // A failed step must not leave the button held for the journeys after this one.
    if (pressed) await xdotool('mouseup', 1).catch(() => {});
    await source.stop();
  }
}
