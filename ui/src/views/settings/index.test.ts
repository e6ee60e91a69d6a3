import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { flushPromises, type DOMWrapper, type VueWrapper } from '@vue/test-utils';
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import type { BackupInfo, SettingsInfo } from '../../api/settings';
import { useAppStore } from '../../stores/app';
import { useSettingsStore } from '../../stores/settings';
import SettingsPage from './index.vue';
import { mountSection } from '../../test-utils';

type Calls = { cmd: string; args: Record<string, unknown> }[];

const national = { id: 'national', name: '全国默认规则', version: '2019.06-1', custom: false, file: null, notice: null };

interface Shell {
  settings: SettingsInfo;
  backup: unknown;
  pick: BackupInfo | null;
  failures: Record<string, { code: string; message: string }>;
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
  mockIPC((cmd, args) => {
    calls.push({ cmd, args: (args ?? {}) as Record<string, unknown> });
    const failure = shell.failures[cmd];
    if (failure) throw failure;
    switch (cmd) {
      case 'settings':
        return shell.settings;
      case 'set_operator': {
        const name = String((args as { name: string }).name).trim();
        shell.settings = { ...shell.settings, operator: name };
        return name;
      }
      case 'backup_database':
        return shell.backup;
      case 'restore_pick':
        return shell.pick;
      case 'restore_database':
        shell.settings = { ...shell.settings, operator: shell.settings.operator };
        return { people: 38, organs: 3, safety_copy: 'C:\\Kaohe\\恢复前备份\\恢复前备份_2026-11-27_103005.db' };
      default:
        throw `unknown command ${cmd}`;
    }
  });
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
      settings: { db_path: 'C:\\Kaohe\\kaohe.db', operator: '人事科 李明', profile: national, schema_version: 6 },
      backup: { path: 'D:\\备份\\考核数据备份_2026-11-27.db', people: 38 },
      pick: backupInfo,
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
    expect(page.get('[data-test="backup-message"]').text()).toBe('已备份到「D:\\备份\\考核数据备份_2026-11-27.db」（人员 38 人）');

    shell.backup = null;
    await page.get('[data-test="backup"]').trigger('click');
    await flushPromises();
    expect(page.find('[data-test="backup-message"]').exists()).toBe(false);
    expect(page.find('[data-test="backup-error"]').exists()).toBe(false);

    shell.failures.backup_database = { code: 'write_failed', message: '无法写入「E:\\考核数据备份_2026-11-27.db」：拒绝访问' };
    await page.get('[data-test="backup"]').trigger('click');
    await flushPromises();
    expect(page.get('[data-test="backup-error"]').text()).toBe('备份失败：无法写入「E:\\考核数据备份_2026-11-27.db」：拒绝访问');
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
    expect(page.get('[data-test="restore-last-import"]').text()).toBe('2026-11-20 09:30:00 导入「名册示例.xlsx」（38 人）');
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

  it('an older backup is announced as upgraded; a foreign file is refused with the shell\'s reason', async () => {
    shell.pick = { ...backupInfo, schema_version: 4, finalized_years: [], last_import: null };
    mockShell(calls, shell);
    const page = await mountPage();
    await page.get('[data-test="restore"]').trigger('click');
    await flushPromises();
    expect(page.get('[data-test="restore-upgrade"]').text()).toBe('该备份由较早版本创建（结构版本 4），恢复后将自动升级。');
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
});
