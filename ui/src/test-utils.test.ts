import { afterEach, describe, expect, it } from 'vitest';
import { invoke } from '@tauri-apps/api/core';
import { clearMocks } from '@tauri-apps/api/mocks';
import { fakeShell } from './test-utils';

describe('fakeShell', () => {
  afterEach(() => clearMocks());

  it('answers the commands given, records the calls, and refuses what the shell has not', async () => {
    const calls = fakeShell({ set_operator: ({ name }) => name.trim() });
    await expect(invoke('set_operator', { name: ' 人事科 李明 ' })).resolves.toBe('人事科 李明');
    await expect(invoke('people_page', { query: {} })).rejects.toThrow('no answer for 「people_page」');
    await expect(invoke('people', {})).rejects.toThrow('「people」 is not a command of the shell');
    expect(calls.map((c) => c.cmd)).toEqual(['set_operator', 'people_page']);
    expect(calls[0]!.args).toEqual({ name: ' 人事科 李明 ' });
  });
});
