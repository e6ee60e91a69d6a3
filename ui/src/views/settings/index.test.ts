import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { flushPromises, type DOMWrapper, type VueWrapper } from '@vue/test-utils';
import { clearMocks } from '@tauri-apps/api/mocks';
import type { BackupInfo, BackupOutcome, SettingsInfo } from '../../api/settings';
import { useAppStore } from '../../stores/app';
import { useSettingsStore } from '../../stores/settings';
import SettingsPage from './index.vue';
import { failing, fakeShell, mountSection, type ShellCall, type ShellFailures } from '../../test-utils';

type Calls = ShellCall[];

const national = {
  id: 'national',
  name: '全国默认规则',
  version: '2019.06-1',
  custom: false,
  file: null,
  notice: null,
};

interface Shell {
  settings: SettingsInfo;
  backup: BackupOutcome | null;
  pick: BackupInfo | null;
  /** The database's password, null for none. */
  password: string | null;
  /** The password of the backup picked. */
  backupPassword: string;
  failures: ShellFailures;
}

const backupInfo: BackupInfo = {
  path: 'D:\\备份\\考核数据备份_2026-11-20.db',
  schema_version: 6,
  people: 38,
  organs: 3,
  finalized_years: [2024, 2025],
  last_import: { file: '名册示例.xlsx', at: '2026-11-20 09:30:00', people: 38 },
};

function mockShell(calls: Calls, shell: Shell): void {
  fakeShell(
    failing(shell.failures, {
      settings: () => shell.settings,
      set_operator: ({ name }: { name: string }) => {
        const trimmed = String(name).trim();
        shell.settings = { ...shell.settings, operator: trimmed };
        return trimmed;
      },
      backup_database: () => shell.backup,
      restore_pick: () => shell.pick,
      set_database_password: ({ current, new: next }: { current: string; new: string }) => {
        if (shell.password !== null && current !== shell.password)
          throw { code: 'wrong_password', message: '当前密码不对，密码没有修改' };
        if (next !== '' && next.length < 6) throw { code: 'bad_argument', message: '密码至少要有 6 个字符' };
        const change =
          next === ''
            ? shell.password === null
              ? 'unchanged'
              : 'removed'
            : shell.password === null
              ? 'set'
              : 'changed';
        shell.password = next === '' ? null : next;
        shell.settings = { ...shell.settings, has_password: shell.password !== null };
        return change;
      },
      restore_unlock: ({ password }: { password: string }) => {
        if (password !== shell.backupPassword)
          throw { code: 'wrong_password', message: '密码不对，备份「D:\\备份\\考核数据备份_2026-11-20.db」没有打开' };
        return backupInfo;
      },
      restore_database: () => {
        shell.settings = { ...shell.settings, operator: shell.settings.operator };
        return { people: 38, organs: 3, safety_copy: 'C:\\Kaohe\\恢复前备份\\恢复前备份_2026-11-27_103005.db' };
      },
    }),
    calls,
  );
}

const mountPage = (): Promise<VueWrapper> => mountSection(SettingsPage);

function field(root: VueWrapper, test: string): DOMWrapper<HTMLInputElement> {
  const el = root.get(`[data-test="${test}"]`);
  if (el.element.tagName === 'INPUT') return el as DOMWrapper<HTMLInputElement>;
  return el.get('input') as DOMWrapper<HTMLInputElement>;
}

describe('设置 page', () => {
  let calls: Calls;
  let shell: Shell;

  beforeEach(() => {
    calls = [];
    shell = {
      settings: {
        db_path: 'C:\\Kaohe\\kaohe.db',
        operator: '人事科 李明',
        has_password: false,
        profile: national,
        schema_version: 6,
      },
      backup: { path: 'D:\\备份\\考核数据备份_2026-11-27.db', people: 38 },
      pick: backupInfo,
      password: null,
      backupPassword: '备份时的密码',
      failures: {},
    };
  });
  afterEach(() => {
    clearMocks();
    document.body.innerHTML = '';
  });

  it('shows the database location and the 操作人 kept in the database, and saves a new one', async () => {
    mockShell(calls, shell);
    const page = await mountPage();
    expect(calls.map((c) => c.cmd)).toEqual(['settings']);
    expect(page.get('[data-test="settings-db-path"]').text()).toBe('C:\\Kaohe\\kaohe.db');
    expect(field(page, 'settings-operator').element.value).toBe('人事科 李明');

    await field(page, 'settings-operator').setValue('  办公室 王芳 ');
    await page.get('[data-test="settings-operator-save"]').trigger('click');
    await flushPromises();
    expect(calls.find((c) => c.cmd === 'set_operator')?.args).toEqual({ name: '  办公室 王芳 ' });
    expect(page.get('[data-test="settings-operator-message"]').text()).toBe('已保存操作人：办公室 王芳');
    expect(field(page, 'settings-operator').element.value).toBe('办公室 王芳');
    // The 年度考核 page reads the same store.
    expect(useSettingsStore().operator).toBe('办公室 王芳');

    await field(page, 'settings-operator').setValue('');
    await page.get('[data-test="settings-operator-save"]').trigger('click');
    await flushPromises();
    expect(page.get('[data-test="settings-operator-message"]').text()).toBe('已清除操作人');
    page.unmount();
  });

  it('「立即备份」 says where the copy went, says nothing when cancelled, and shows a failure', async () => {
    mockShell(calls, shell);
    const page = await mountPage();
    await page.get('[data-test="backup"]').trigger('click');
    await flushPromises();
    expect(calls[calls.length - 1]?.cmd).toBe('backup_database');
    expect(page.get('[data-test="backup-message"]').text()).toBe(
      '已备份到「D:\\备份\\考核数据备份_2026-11-27.db」（人员 38 人）',
    );

    shell.backup = null;
    await page.get('[data-test="backup"]').trigger('click');
    await flushPromises();
    expect(page.find('[data-test="backup-message"]').exists()).toBe(false);
    expect(page.find('[data-test="backup-error"]').exists()).toBe(false);

    shell.failures.backup_database = {
      code: 'write_failed',
      message: '无法写入「E:\\考核数据备份_2026-11-27.db」：拒绝访问',
    };
    await page.get('[data-test="backup"]').trigger('click');
    await flushPromises();
    expect(page.get('[data-test="backup-error"]').text()).toBe(
      '备份失败：无法写入「E:\\考核数据备份_2026-11-27.db」：拒绝访问',
    );
    page.unmount();
  });

  it('「从备份恢复」 shows what the backup holds, restores only when confirmed, then tells every section', async () => {
    mockShell(calls, shell);
    const page = await mountPage();
    const app = useAppStore();
    expect(app.dataVersion).toBe(0);

    await page.get('[data-test="restore"]').trigger('click');
    await flushPromises();
    expect(page.get('[data-test="restore-file"]').text()).toBe('D:\\备份\\考核数据备份_2026-11-20.db');
    expect(page.get('[data-test="restore-people"]').text()).toBe('38 人');
    expect(page.get('[data-test="restore-organs"]').text()).toBe('3 个');
    expect(page.get('[data-test="restore-last-import"]').text()).toBe(
      '2026-11-20 09:30:00 导入「名册示例.xlsx」（38 人）',
    );
    expect(page.get('[data-test="restore-finalized"]').text()).toBe('2024、2025');
    expect(page.find('[data-test="restore-upgrade"]').exists()).toBe(false);

    // Cancel: nothing is restored.
    await page.get('[data-test="restore-cancel"]').trigger('click');
    await flushPromises();
    expect(calls.some((c) => c.cmd === 'restore_database')).toBe(false);

    await page.get('[data-test="restore"]').trigger('click');
    await flushPromises();
    calls.length = 0;
    await page.get('[data-test="restore-confirm"]').trigger('click');
    await flushPromises();
    expect(calls.map((c) => c.cmd)).toEqual(['restore_database', 'settings']);
    expect(page.get('[data-test="restore-message"]').text()).toBe(
      '已从备份恢复：人员 38 人，单位 3 个。恢复前的数据库已另存为「C:\\Kaohe\\恢复前备份\\恢复前备份_2026-11-27_103005.db」。',
    );
    expect(app.dataVersion).toBe(1);
    page.unmount();
  });

  it("an older backup is announced as upgraded; a foreign file is refused with the shell's reason", async () => {
    shell.pick = { ...backupInfo, schema_version: 4, finalized_years: [], last_import: null };
    mockShell(calls, shell);
    const page = await mountPage();
    await page.get('[data-test="restore"]').trigger('click');
    await flushPromises();
    expect(page.get('[data-test="restore-upgrade"]').text()).toBe(
      '该备份由较早版本创建（结构版本 4），恢复后将自动升级。',
    );
    expect(page.get('[data-test="restore-last-import"]').text()).toBe('没有导入记录');
    expect(page.get('[data-test="restore-finalized"]').text()).toBe('无');
    await page.get('[data-test="restore-cancel"]').trigger('click');
    await flushPromises();

    shell.failures.restore_pick = { code: 'database', message: '文件「D:\\说明.db」不是考核软件的数据库' };
    await page.get('[data-test="restore"]').trigger('click');
    await flushPromises();
    expect(page.get('[data-test="restore-error"]').text()).toBe('无法恢复：文件「D:\\说明.db」不是考核软件的数据库');
    expect(calls.some((c) => c.cmd === 'restore_database')).toBe(false);
    expect(useAppStore().dataVersion).toBe(0);
    page.unmount();
  });

  it('数据库密码: set with the new one typed twice, changed with the current one, removed', async () => {
    mockShell(calls, shell);
    const page = await mountPage();
    const status = () => page.get('[data-test="password-status"]').text();
    expect(status()).toBe('未设置密码：能读取这台电脑上这个文件的人，就能读到其中的姓名、身份证号和考核结果。');
    expect(page.find('[data-test="password-current"]').exists()).toBe(false);
    expect(page.find('[data-test="password-remove"]').exists()).toBe(false);
    expect(page.get('[data-test="password-save"]').text()).toBe('设置密码');

    await field(page, 'password-next').setValue('人事科2026');
    await field(page, 'password-again').setValue('人事科2025');
    await page.get('[data-test="password-save"]').trigger('click');
    await flushPromises();
    expect(page.get('[data-test="password-problem"]').text()).toBe('两次输入的新密码不一致');
    expect(calls.some((c) => c.cmd === 'set_database_password')).toBe(false);

    await field(page, 'password-again').setValue('人事科2026');
    await page.get('[data-test="password-save"]').trigger('click');
    await flushPromises();
    expect(calls.find((c) => c.cmd === 'set_database_password')?.args).toEqual({ current: '', new: '人事科2026' });
    expect(page.get('[data-test="password-message"]').text()).toBe('已设置数据库密码，下次打开软件时需要输入。');
    expect(status()).toBe('已设置密码：数据库文件和它的备份都已加密，打开软件时需要输入密码。');
    expect(field(page, 'password-next').element.value).toBe('');
    expect(page.get('[data-test="password-save"]').text()).toBe('更改密码');

    // Changing needs the current password.
    await field(page, 'password-current').setValue('记错了');
    await field(page, 'password-next').setValue('新的密码123');
    await field(page, 'password-again').setValue('新的密码123');
    await page.get('[data-test="password-save"]').trigger('click');
    await flushPromises();
    expect(page.get('[data-test="password-error"]').text()).toBe('密码没有修改：当前密码不对，密码没有修改');
    expect(shell.password).toBe('人事科2026');
    await field(page, 'password-current').setValue('人事科2026');
    await page.get('[data-test="password-save"]').trigger('click');
    await flushPromises();
    expect(page.get('[data-test="password-message"]').text()).toBe('已更改数据库密码。以前的备份仍使用备份时的密码。');
    expect(shell.password).toBe('新的密码123');

    await field(page, 'password-current').setValue('新的密码123');
    await page.get('[data-test="password-remove"]').trigger('click');
    await flushPromises();
    const sets = calls.filter((c) => c.cmd === 'set_database_password');
    expect(sets[sets.length - 1]?.args).toEqual({ current: '新的密码123', new: '' });
    expect(page.get('[data-test="password-message"]').text()).toBe('已取消数据库密码，数据库文件不再加密。');
    expect(status()).toContain('未设置密码');
    page.unmount();
  });

  it('a backup with a password of its own asks for it before showing what it holds', async () => {
    shell.failures.restore_pick = {
      code: 'password_required',
      message: '备份「D:\\备份\\考核数据备份_2026-11-20.db」设置了密码，请输入这个备份的密码',
    };
    mockShell(calls, shell);
    const page = await mountPage();
    await page.get('[data-test="restore"]').trigger('click');
    await flushPromises();
    expect(page.find('[data-test="restore-error"]').exists()).toBe(false);
    expect(document.querySelector('[data-test="backup-password-dialog"]')?.textContent).toContain(
      '这个备份设置了密码（与当前数据库的密码不同）',
    );

    await field(page, 'backup-password').setValue('猜一个');
    await page.get('[data-test="backup-password-confirm"]').trigger('click');
    await flushPromises();
    expect(page.get('[data-test="backup-password-error"]').text()).toContain('密码不对');
    expect(page.find('[data-test="restore-file"]').exists()).toBe(false);

    await field(page, 'backup-password').setValue('备份时的密码');
    await page.get('[data-test="backup-password-confirm"]').trigger('click');
    await flushPromises();
    expect(calls.filter((c) => c.cmd === 'restore_unlock').map((c) => c.args)).toEqual([
      { password: '猜一个' },
      { password: '备份时的密码' },
    ]);
    expect(page.get('[data-test="restore-people"]').text()).toBe('38 人');
    page.unmount();
  });

  it('a locked database offers to ask for its password again', async () => {
    shell.failures.settings = {
      code: 'password_required',
      message: '数据库「C:\\Kaohe\\kaohe.db」设置了密码，请输入密码后再打开',
    };
    mockShell(calls, shell);
    const page = await mountPage();
    expect(page.find('[data-test="password-card"]').exists()).toBe(false);
    await page.get('[data-test="settings-unlock"]').trigger('click');
    expect(useAppStore().unlockOpen).toBe(true);
    page.unmount();
  });
});
