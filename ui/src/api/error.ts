// Turns whatever a rejected `invoke` carries into an `AppError` with a code from the closed set.

import { ERROR_CODES, type ErrorCode, type ErrorPayload } from './types';

/** An error from the Rust shell (or from the IPC layer itself), always with a known code. */
export class AppError extends Error implements ErrorPayload {
  readonly code: ErrorCode;

  constructor(code: ErrorCode, message: string) {
    super(message);
    this.name = 'AppError';
    this.code = code;
  }
}

function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}

/**
 * Maps a rejection reason to an `AppError`.
 *
 * Commands reject with `{code, message}`. Tauri itself rejects with a plain string (an unknown
 * command, a permission denied by the capability file, bad arguments); those and anything
 * unexpected become `internal`, keeping the original text as the message.
 */
export function toAppError(reason: unknown): AppError {
  if (reason instanceof AppError) return reason;
  if (typeof reason === 'object' && reason !== null && 'code' in reason) {
    const { code, message } = reason as { code: unknown; message?: unknown };
    const text = typeof message === 'string' ? message : String(message ?? '');
    if (isErrorCode(code)) return new AppError(code, text);
    return new AppError('internal', text || String(code));
  }
  if (typeof reason === 'string') return new AppError('internal', reason);
  if (reason instanceof Error) return new AppError('internal', reason.message);
  return new AppError('internal', String(reason));
}
