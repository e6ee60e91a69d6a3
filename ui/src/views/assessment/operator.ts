// The 操作人 recorded with every change to an assessment, remembered between sessions in the web
// view's localStorage (nothing else is kept there).

const KEY = 'kaohe.operator';

export function loadOperator(): string {
  try {
    return globalThis.localStorage?.getItem(KEY) ?? '';
  } catch {
    return '';
  }
}

export function saveOperator(name: string): void {
  try {
    const value = name.trim();
    if (value) globalThis.localStorage?.setItem(KEY, value);
    else globalThis.localStorage?.removeItem(KEY);
  } catch {
    // Storage unavailable (private mode, quota): the name is simply not remembered.
  }
}
