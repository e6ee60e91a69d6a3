// A command a page asks of the shell again and again (a report for another date, the next filter):
// whether one is running, the error of the last one, and only the latest call's answer taken —
// an answer to an older call that comes back later is dropped, so the page never shows the
// result of a question the clerk has since changed.

import { ref, type Ref } from 'vue';
import type { AppError } from '../api/error';

export interface Command {
  /** A call is running (the latest one). */
  busy: Ref<boolean>;
  /** What the latest call failed with; cleared when a call answers. */
  error: Ref<AppError | null>;
  /**
   * Runs `ask` as the latest call. Its answer goes to `onAnswer`, its failure to `error` (and
   * `onError`), only if no call started after it. Resolves to whether this call was the latest.
   */
  run<T>(ask: () => Promise<T>, onAnswer: (value: T) => void, onError?: (error: AppError) => void): Promise<boolean>;
  /** The latest call's token, for work that belongs to it (the further pages of a grid). */
  current(): number;
  /** Whether `token` is still the latest call's. */
  isLatest(token: number): boolean;
}

export function useCommand(): Command {
  const busy = ref(false);
  const error = ref<AppError | null>(null);
  let latest = 0;
  async function run<T>(
    ask: () => Promise<T>,
    onAnswer: (value: T) => void,
    onError?: (error: AppError) => void,
  ): Promise<boolean> {
    const mine = ++latest;
    busy.value = true;
    try {
      const value = await ask();
      if (mine !== latest) return false;
      error.value = null;
      onAnswer(value);
      return true;
    } catch (e) {
      if (mine !== latest) return false;
      error.value = e as AppError;
      onError?.(e as AppError);
      return true;
    } finally {
      if (mine === latest) busy.value = false;
    }
  }
  return { busy, error, run, current: () => latest, isLatest: (token) => token === latest };
}
