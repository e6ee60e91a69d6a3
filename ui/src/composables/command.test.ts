import { describe, expect, it } from 'vitest';
import { AppError } from '../api/error';
import { useCommand } from './command';

/** A promise and the functions that settle it. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('useCommand', () => {
  it('is busy while the latest call runs and takes its answer', async () => {
    const command = useCommand();
    const answer = deferred<number>();
    const taken: number[] = [];
    const done = command.run(
      () => answer.promise,
      (n) => taken.push(n),
    );
    expect(command.busy.value).toBe(true);
    answer.resolve(7);
    expect(await done).toBe(true);
    expect(taken).toEqual([7]);
    expect(command.busy.value).toBe(false);
  });

  it('drops the answer and the error of a call that is no longer the latest', async () => {
    const command = useCommand();
    const older = deferred<string>();
    const newer = deferred<string>();
    const taken: string[] = [];
    const first = command.run(
      () => older.promise,
      (s) => taken.push(s),
    );
    const token = command.current();
    const second = command.run(
      () => newer.promise,
      (s) => taken.push(s),
    );
    expect(command.isLatest(token)).toBe(false);
    newer.resolve('新');
    expect(await second).toBe(true);
    expect(command.busy.value).toBe(false);
    older.reject(new AppError('database', '旧的错误'));
    expect(await first).toBe(false);
    expect(taken).toEqual(['新']);
    expect(command.error.value).toBeNull();
    expect(command.busy.value).toBe(false);
  });

  it('keeps the latest error until a call answers', async () => {
    const command = useCommand();
    const failed: string[] = [];
    await command.run(
      () => Promise.reject(new AppError('bad_argument', '日期无效')),
      () => undefined,
      (e) => failed.push(e.message),
    );
    expect(command.error.value?.code).toBe('bad_argument');
    expect(failed).toEqual(['日期无效']);
    const answer = deferred<number>();
    const done = command.run(
      () => answer.promise,
      () => undefined,
    );
    expect(command.error.value?.code).toBe('bad_argument');
    answer.resolve(1);
    await done;
    expect(command.error.value).toBeNull();
  });
});
