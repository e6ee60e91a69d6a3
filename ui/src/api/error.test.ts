import { describe, expect, it } from 'vitest';
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import { afterEach } from 'vitest';
import { AppError, toAppError } from './error';
import { call } from './call';
import { ERROR_CODES } from './types';

describe('toAppError', () => {
  it('keeps a known code and its message', () => {
    const e = toAppError({ code: 'column_missing', message: '工作表「人员」缺少必需的列「职级」' });
    expect(e).toBeInstanceOf(AppError);
    expect(e.code).toBe('column_missing');
    expect(e.message).toBe('工作表「人员」缺少必需的列「职级」');
  });

  it('turns an unknown code into internal, keeping the text', () => {
    const e = toAppError({ code: 'no_such_code', message: '某个新错误' });
    expect(e.code).toBe('internal');
    expect(e.message).toBe('某个新错误');
  });

  it("turns Tauri's own string rejections into internal", () => {
    const e = toAppError('Command promotion not allowed by ACL');
    expect(e.code).toBe('internal');
    expect(e.message).toBe('Command promotion not allowed by ACL');
  });

  it('turns a thrown Error into internal', () => {
    expect(toAppError(new TypeError('x is undefined'))).toMatchObject({ code: 'internal', message: 'x is undefined' });
  });

  it('returns an AppError unchanged', () => {
    const original = new AppError('database', '数据库文件已损坏');
    expect(toAppError(original)).toBe(original);
  });

  it('knows every code once', () => {
    expect(new Set(ERROR_CODES).size).toBe(ERROR_CODES.length);
    expect(ERROR_CODES).toContain('internal');
  });
});

describe('call', () => {
  afterEach(() => clearMocks());

  it('rejects with an AppError carrying the command error', async () => {
    mockIPC(() => {
      throw { code: 'bad_argument', message: '日期「2025-13-01」无效，应为 YYYY-MM-DD' };
    });
    await expect(call('promotion', { asOf: '2025-13-01' })).rejects.toMatchObject({
      name: 'AppError',
      code: 'bad_argument',
      message: '日期「2025-13-01」无效，应为 YYYY-MM-DD',
    });
  });

  it('resolves with the command value', async () => {
    mockIPC((cmd, args) => (cmd === 'person' ? args : null));
    await expect(call('person', { id: '330102198808060235' })).resolves.toEqual({ id: '330102198808060235' });
  });
});
