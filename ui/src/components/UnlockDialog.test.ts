import { afterEach, describe, expect, it } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { clearMocks } from '@tauri-apps/api/mocks';
import { i18n } from '../i18n';
import { useAppStore } from '../stores/app';
import { useSettingsStore } from '../stores/settings';
import UnlockDialog from './UnlockDialog.vue';
import { fakeShell, type ShellCall } from '../test-utils';

const national = {
  id: 'national',
  name: '全国默认规则',
  version: '2019.06-1',
  custom: false,
  file: null,
  notice: null,
};
const DB = 'C:\\Users\\clerk\\AppData\\Roaming\\kaohe\\Kaohe\\data\\kaohe.db';

/** A shell whose database has the password 「人事科2026」 and is locked until it is given. */
function mockShell(calls: ShellCall[], locked: boolean): void {
  let open = !locked;
  fakeShell(
    {
      database_lock: () => ({ db_path: DB, locked: !open, has_password: true }),
      unlock_database: ({ password }: { password: string }) => {
        if (password !== '人事科2026')
          throw {
            code: 'wrong_password',
            message: `密码不对，数据库「${DB}」没有打开（也可能这个文件不是考核软件的数据库）`,
          };
        open = true;
        return { db_path: DB, locked: false, has_password: true };
      },
      settings: () => {
        if (!open) throw { code: 'password_required', message: `数据库「${DB}」设置了密码，请输入密码后再打开` };
        return { db_path: DB, operator: '人事科 李明', has_password: true, profile: national, schema_version: 12 };
      },
    },
    calls,
  );
}

const dialog = () => document.querySelector<HTMLElement>('[data-test="unlock-dialog"]');
const visible = () => {
  const d = dialog();
  return d !== null && d.closest<HTMLElement>('.el-overlay')?.style.display !== 'none';
};

/** The password field (Element Plus puts the attribute on the input itself, or on its wrapper). */
function passwordInput(): HTMLInputElement {
  const el = document.querySelector<HTMLElement>('[data-test="unlock-password"]')!;
  return (el.tagName === 'INPUT' ? el : el.querySelector('input')!) as HTMLInputElement;
}

async function type(text: string): Promise<void> {
  const input = passwordInput();
  input.value = text;
  input.dispatchEvent(new Event('input'));
  await flushPromises();
  document.querySelector<HTMLButtonElement>('[data-test="unlock-submit"]')!.click();
  await flushPromises();
}

describe('the database password asked at start', () => {
  afterEach(() => {
    clearMocks();
    document.body.innerHTML = '';
  });

  it('asks for it when the database is locked, says a wrong one is wrong, and opens with the right one', async () => {
    const calls: ShellCall[] = [];
    mockShell(calls, true);
    const app = useAppStore();
    const wrapper = mount(UnlockDialog, { global: { plugins: [i18n] }, attachTo: document.body });
    await flushPromises();
    expect(visible()).toBe(true);
    expect(document.querySelector('[data-test="unlock-path"]')!.textContent).toBe(DB);
    expect(dialog()!.textContent).toContain('这个数据库设置了密码，输入密码后才能打开');

    await type('不对的密码');
    expect(calls[calls.length - 1]).toEqual({ cmd: 'unlock_database', args: { password: '不对的密码' } });
    expect(visible()).toBe(true);
    expect(document.querySelector('[data-test="unlock-error"]')!.textContent).toContain('密码不对');
    expect(passwordInput().value).toBe('');
    expect(app.dataVersion).toBe(0);

    await type('人事科2026');
    expect(calls.map((c) => c.cmd)).toEqual(['database_lock', 'unlock_database', 'unlock_database', 'settings']);
    expect(app.unlockOpen).toBe(false);
    expect(app.dataVersion).toBe(1);
    expect(useSettingsStore().operator).toBe('人事科 李明');
    expect(useSettingsStore().hasPassword).toBe(true);
    wrapper.unmount();
  });

  it('asks nothing when the database opened, and can be asked again after 「稍后再说」', async () => {
    const calls: ShellCall[] = [];
    mockShell(calls, false);
    const app = useAppStore();
    const wrapper = mount(UnlockDialog, { global: { plugins: [i18n] }, attachTo: document.body });
    await flushPromises();
    expect(app.unlockOpen).toBe(false);
    expect(calls.map((c) => c.cmd)).toEqual(['database_lock']);

    app.askPassword();
    await flushPromises();
    expect(visible()).toBe(true);
    document.querySelector<HTMLButtonElement>('[data-test="unlock-later"]')!.click();
    await flushPromises();
    expect(app.unlockOpen).toBe(false);
    wrapper.unmount();
  });
});
