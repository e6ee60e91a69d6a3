import { afterEach, describe, expect, it } from 'vitest';
import { invoke } from '@tauri-apps/api/core';
import { clearMocks } from '@tauri-apps/api/mocks';
import { fakeShell } from './test-utils';

describe('fakeShell', () => {
  afterEach(() => clearMocks());

  it('answers the commands given, records the calls, and refuses what the shell has not', async () => {
    const calls = fakeShell({ person: ({ id }: { id: string }) => ({ id, name: '田建国' }) });
    await expect(invoke('person', { id: '330102198808060235' })).resolves.toEqual({
      id: '330102198808060235',
      name: '田建国',
    });
    await expect(invoke('people_page', { query: {} })).rejects.toThrow('no answer for 「people_page」');
    await expect(invoke('people', {})).rejects.toThrow('「people」 is not a command of the shell');
    expect(calls.map((c) => c.cmd)).toEqual(['person', 'people_page']);
    expect(calls[0]!.args).toEqual({ id: '330102198808060235' });
  });
});
