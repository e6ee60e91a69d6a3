// Commands of the 导入 wizard (src-tauri/src/import.rs). The types they exchange are generated
// from the Rust definitions (./generated, re-exported by ./types): ImportRequest, ImportLayout,
// ImportReport (the check's and the import's, with ImportApplied once written), ImportProgress,
// DropEvent; `MappedColumn` (kaohe_workbook) and
// `ImportPlan` with its `name_conflicts` (kaohe_store).

import { Channel } from '@tauri-apps/api/core';
import { call } from './call';
import type { DropEvent, ImportLayout, ImportProgress, ImportReport, ImportRequest } from './types';

export type {
  DropEvent,
  FieldChoice,
  ImportApplied,
  ImportLayout,
  ImportPhase,
  ImportPlan,
  ImportProgress,
  ImportReport,
  ImportRequest,
  MappedColumn,
  NameConflict,
  PersonChanges,
  RowCell,
  SheetRow,
} from './types';

/** Asks for the roster in a native dialog; null when the clerk cancelled. */
export function pickFile(): Promise<string | null> {
  return call('import_pick_file');
}

/** Files dragged over or dropped on the window are handed to `onDrop`. */
export async function watchDrops(onDrop: (event: DropEvent) => void): Promise<void> {
  const channel = new Channel<DropEvent>();
  channel.onmessage = onDrop;
  await call('import_watch_drops', { onDrop: channel });
}

/** How the file would be read (sheet, header row, columns). */
export function importLayout(request: ImportRequest): Promise<ImportLayout> {
  return call('import_layout', { request });
}

function progressChannel(onProgress: (p: ImportProgress) => void): Channel<ImportProgress> {
  const channel = new Channel<ImportProgress>();
  channel.onmessage = onProgress;
  return channel;
}

/** Reads the file and works out what the import would change; nothing is written. */
export function importCheck(request: ImportRequest, onProgress: (p: ImportProgress) => void): Promise<ImportReport> {
  return call('import_check', { request, onProgress: progressChannel(onProgress) });
}

/** Imports the file in one transaction. */
export function importApply(request: ImportRequest, onProgress: (p: ImportProgress) => void): Promise<ImportReport> {
  return call('import_apply', { request, onProgress: progressChannel(onProgress) });
}

/** Cancels the running check or apply; it then rejects with `cancelled`. */
export async function importCancel(): Promise<void> {
  await call('import_cancel');
}

/** Asks where to save the error workbook and writes it; null when the clerk cancelled. */
export function importErrorReport(request: ImportRequest): Promise<string | null> {
  return call('import_error_report', { request });
}
