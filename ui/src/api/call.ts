// The single place that calls `invoke`: every command wrapper in this folder goes through `call`.

import { invoke } from '@tauri-apps/api/core';
import { toAppError } from './error';
import type { CommandName, Commands } from './generated';

/** A command's arguments as `call` takes them: left out when the command needs none (none, or only optional ones). */
type ArgsOf<K extends CommandName> =
  Partial<Commands[K]['args']> extends Commands[K]['args'] ? [args?: Commands[K]['args']] : [args: Commands[K]['args']];

/**
 * Invokes a Rust command with its arguments, typed from its Rust function (generated `Commands`:
 * the names, arguments and answers the shell has); rejects only with `AppError`.
 */
export async function call<K extends CommandName>(command: K, ...[args]: ArgsOf<K>): Promise<Commands[K]['answer']> {
  try {
    return await invoke<Commands[K]['answer']>(command, args);
  } catch (reason) {
    throw toAppError(reason);
  }
}
