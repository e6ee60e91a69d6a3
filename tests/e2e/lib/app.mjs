// One app session per journey: a fresh temporary database (KAOHE_DB), a scripted answer file for
// native file dialogs (KAOHE_DIALOG_ANSWERS, see src-tauri/src/dialogs.rs), its own tauri-driver
// (which starts WebKitWebDriver, which starts the app), and a WebdriverIO session on it.
//
// The app is NOT built here: `cargo xtask test` builds the UI and target/debug/kaohe-app once per
// run, then runs every journey (KAOHE_APP may name another binary).

import { spawn } from 'node:child_process';
import { appendFileSync, closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { homedir, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { remote } from 'webdriverio';

/** The repository root (tests/e2e/lib → ../../..). */
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
/** Where screenshots and logs of a run go. */
export const OUT_DIR = process.env.KAOHE_E2E_OUT ?? join(ROOT, 'target', 'screenshots', 'e2e');
/** The screen the journeys run on (xvfb-run -s "-screen 0 1366x768x24"). */
export const SCREEN = { width: 1366, height: 768 };

const EXE = process.platform === 'win32' ? '.exe' : '';

function appBinary() {
  return process.env.KAOHE_APP ?? join(ROOT, 'target', 'debug', `kaohe-app${EXE}`);
}

function tauriDriverBinary() {
  if (process.env.TAURI_DRIVER) return process.env.TAURI_DRIVER;
  const installed = join(homedir(), '.cargo', 'bin', `tauri-driver${EXE}`);
  return existsSync(installed) ? installed : `tauri-driver${EXE}`;
}

/** A TCP port nobody listens on right now. */
function freePort() {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolvePort(port));
    });
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** `[pid, command name]` of every process below `root` (Linux: from /proc), children first found first. */
function descendants(root) {
  if (process.platform !== 'linux') return [];
  const children = new Map();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (!children.has(ppid)) children.set(ppid, []);
      children.get(ppid).push([Number(entry), name]);
    } catch {
      // the process ended meanwhile
    }
  }
  const found = [];
  const queue = [root];
  while (queue.length > 0) {
    for (const child of children.get(queue.shift()) ?? []) {
      found.push(child);
      queue.push(child[0]);
    }
  }
  return found;
}

/** Whether `pid` still runs the program called `name` (not a later process that reused the id). */
function stillRunning(pid, name) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')) === name && !/^\S+ \(.*\) Z/.test(stat);
  } catch {
    return false;
  }
}

/** tauri-driver prints "Connection refused" while its native driver starts: poll /status. */
async function waitForDriver(port, child, timeoutMs = 20000) {
  const started = Date.now();
  for (;;) {
    if (child.exitCode !== null) throw new Error(`tauri-driver 已退出 / exited with ${child.exitCode}`);
    try {
      const res = await fetch(`http://127.0.0.1:${port}/status`);
      if (res.ok) {
        const body = await res.json();
        if (body?.value?.ready !== false) return;
      }
    } catch {
      // not listening yet
    }
    if (Date.now() - started > timeoutMs) throw new Error(`tauri-driver 在 ${timeoutMs} ms 内未就绪 / not ready`);
    await sleep(100);
  }
}

/**
 * Starts the app for one journey. `name` names its log and temporary folder; `db` is the
 * database to open (default: a new one in that folder; give an earlier session's, kept by
 * `quit({ keep: true })`, to start the app again on it).
 * Returns `{ browser, dir, db, answer(...paths), log, quit() }`; always `await app.quit()` (in a
 * `finally` or the test's `after`).
 */
export async function launch(name, options = {}) {
  const app = appBinary();
  if (!existsSync(app)) {
    throw new Error(`找不到 / not found: ${app} — build it first (cargo xtask test builds the UI and the app)`);
  }
  mkdirSync(join(OUT_DIR, 'logs'), { recursive: true });
  const dir = mkdtempSync(join(tmpdir(), `kaohe-e2e-${name}-`));
  const db = options.db ?? join(dir, 'kaohe.db');
  const answers = join(dir, 'dialog-answers.txt');
  writeFileSync(answers, '');
  const log = join(OUT_DIR, 'logs', `${name}.log`);
  // A file, not a pipe: the app inherits it through WebKitWebDriver, and a pipe held open by an
  // app that outlives its driver would keep this process waiting.
  const logFd = openSync(log, 'w');

  const port = await freePort();
  let nativePort = await freePort();
  while (nativePort === port) nativePort = await freePort();
  const driver = spawn(tauriDriverBinary(), ['--port', String(port), '--native-port', String(nativePort)], {
    env: {
      ...process.env,
      KAOHE_DB: db,
      KAOHE_DIALOG_ANSWERS: answers,
      // A fresh web view profile too (localStorage such as the remembered operator, caches).
      XDG_DATA_HOME: join(dir, 'data'),
      XDG_CONFIG_HOME: join(dir, 'config'),
      XDG_CACHE_HOME: join(dir, 'cache'),
    },
    stdio: ['ignore', logFd, logFd],
  });
  const driverExited = new Promise((r) => driver.once('exit', r));
  driver.once('error', (e) => appendFileSync(log, `tauri-driver: ${e}\n`));

  let browser;
  /**
   * Ends tauri-driver, WebKitWebDriver and the app they started. The app normally quits when its
   * session is deleted, but not while another of its windows is open (the print preview): what
   * is left below tauri-driver is ended by process id.
   */
  const stopDriver = async () => {
    const tree = driver.pid ? descendants(driver.pid) : [];
    if (driver.exitCode === null && driver.signalCode === null) {
      driver.kill('SIGTERM'); // tauri-driver ends its WebKitWebDriver on SIGTERM
      await Promise.race([driverExited, sleep(5000)]);
      if (driver.exitCode === null && driver.signalCode === null) driver.kill('SIGKILL');
    }
    for (const signal of ['SIGTERM', 'SIGKILL']) {
      const left = tree.filter(([pid, comm]) => stillRunning(pid, comm));
      if (left.length === 0) break;
      for (const [pid] of left) {
        try {
          process.kill(pid, signal);
        } catch {
          // already gone
        }
      }
      const deadline = Date.now() + 3000;
      while (Date.now() < deadline && left.some(([pid, comm]) => stillRunning(pid, comm))) await sleep(100);
    }
    try {
      closeSync(logFd);
    } catch {
      // closed already
    }
  };
  try {
    await waitForDriver(port, driver);
    browser = await remote({
      hostname: '127.0.0.1',
      port,
      logLevel: 'error', // 'warn' also reports retried stale elements, which are normal here
      connectionRetryCount: 0,
      capabilities: {
        browserName: 'wry',
        'tauri:options': { application: app },
        // WebdriverIO 9 otherwise asks for WebDriver BiDi, which WebKitWebDriver refuses.
        'wdio:enforceWebDriverClassic': true,
      },
    });
  } catch (error) {
    await stopDriver();
    throw new Error(`无法启动应用会话 / cannot start the app session: ${error.message}\n日志 / log: ${log}`);
  }

  const session = {
    browser,
    dir,
    db,
    log,
    /** Queues the answers of the next native file dialogs, one path per dialog ('' = cancel). */
    answer(...paths) {
      appendFileSync(answers, paths.map((p) => `${p}\n`).join(''));
    },
    async quit({ keep = false } = {}) {
      try {
        await browser.deleteSession();
      } catch {
        // the app may already be gone
      }
      await stopDriver();
      if (!keep) {
        // The web view's helper processes may still be writing their caches for a moment.
        try {
          rmSync(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
        } catch (error) {
          process.stderr.write(`kaohe-e2e: 临时文件夹未能删除 / could not remove ${dir}: ${error.message}\n`);
        }
      }
    },
  };
  return session;
}
