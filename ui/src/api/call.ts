// The single place that calls `invoke`: every command wrapper in this folder goes through `call`.

import { invoke, type InvokeArgs } from '@tauri-apps/api/core';
import { toAppError } from './error';

/** Invokes a Rust command; rejects only with `AppError`. */
export async function call<T>(command: string, args?: InvokeArgs): Promise<T> {
  try {
    return await invoke<T>(command, args);
  } catch (reason) {
    throw toAppError(reason);
  }
}
