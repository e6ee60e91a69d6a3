import { afterEach, describe, expect, it } from 'vitest';
import { clearMocks } from '@tauri-apps/api/mocks';
import { failing, fakeShell } from '../test-utils';
import { useSettingsStore } from './settings';

const national = {
  id: 'national',
  name: '全国默认规则',
  version: '2019.06-1',
  custom: false,
  file: null,
  notice: null,
};

describe('settings store', () => {
  afterEach(() => {
    clearMocks();
    localStorage.clear();
  });

  it('loads the database location, 操作人 and rule profile from the shell', async () => {
    fakeShell({
      settings: () => ({
        db_path: 'C:\\Kaohe\\kaohe.db',
        operator: '人事科 李明',
        has_password: false,
        profile: national,
        schema_version: 6,
      }),
    });
    const store = useSettingsStore();
    await store.load();
    expect([store.dbPath, store.operator, store.profile?.name, store.schemaVersion, store.loaded]).toEqual([
      'C:\\Kaohe\\kaohe.db',
      '人事科 李明',
      '全国默认规则',
      6,
      true,
    ]);
  });

  it('moves the 操作人 an earlier version kept in localStorage into the database, once', async () => {
    localStorage.setItem('kaohe.operator', '人事科 王芳');
    const calls = fakeShell({
      settings: () => ({
        db_path: 'kaohe.db',
        operator: '',
        has_password: false,
        profile: national,
        schema_version: 6,
      }),
      set_operator: ({ name }: { name: string }) => name,
    });
    const store = useSettingsStore();
    await store.load();
    expect(calls.filter((c) => c.cmd === 'set_operator').map((c) => c.args)).toEqual([{ name: '人事科 王芳' }]);
    expect(store.operator).toBe('人事科 王芳');
    expect(localStorage.getItem('kaohe.operator')).toBeNull();
  });

  it('keeps the error when the database cannot be opened', async () => {
    fakeShell(
      failing({ settings: { code: 'database', message: '数据库「C:\\Kaohe\\kaohe.db」由更新版本的考核软件创建' } }, {}),
    );
    const store = useSettingsStore();
    await store.load();
    expect([store.loaded, store.error?.code, store.operator]).toEqual([false, 'database', '']);
  });
});
