// The single place that calls `invoke`: every command wrapper in this folder goes through `call`.

import { invoke, type InvokeArgs } from '@tauri-apps/api/core';
import { toAppError } from './error';
import type { CommandName } from './generated';

/** Invokes a Rust command (one of the shell's names, generated from its list); rejects only with `AppError`. */
export async function call<T>(command: CommandName, args?: InvokeArgs): Promise<T> {
  try {
    return await invoke<T>(command, args);
  } catch (reason) {
    throw toAppError(reason);
  }
}
