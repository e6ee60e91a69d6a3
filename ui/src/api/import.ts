// Commands of the 导入 wizard (src-tauri/src/import.rs) and the types they exchange, mirroring
// the Rust serde names exactly: ImportRequest, ImportLayout, ImportCheck, ImportApplied,
// ImportProgress, DropEvent; `MappedColumn` (kaohe_workbook), `ImportPlan` and `NameConflict`
// (kaohe_store).

import { Channel } from '@tauri-apps/api/core';
import { call } from './call';
import type { Issue } from './types';

/** What to read: the file and the clerk's choices so far (null: as the reader finds it). */
export interface ImportRequest {
  path: string;
  sheet: string | null;
  /** The spreadsheet row number of the header. */
  header_row: number | null;
  /** Column letter → field, '' for 不导入, `年度考核:YYYY` for a year's results; saved when applied. */
  mapping: Record<string, string> | null;
  /** The year of the national system's results template. */
  year: number | null;
  /**
   * IDs the database holds under another name that the clerk confirmed as a change of name
   * (`kaohe import --confirm-rename`): imported, the old name kept in the history; any other
   * such row is held back.
   */
  confirm_renames: string[];
}

/** `kaohe_store::NameConflict`: an ID the database holds under another name. */
export interface NameConflict {
  id: string;
  /** The name in the file (normalised). */
  name: string;
  /** The row of the people sheet. */
  row: number | null;
  name_in_database: string;
  organ_in_database: string;
  /** Confirmed as a change of name: imported; otherwise the row is held back. */
  confirmed: boolean;
}

/** `kaohe_workbook::MappedColumn`. */
export interface MappedColumn {
  column: string;
  header: string;
  /** A people field, `年度考核:YYYY`, or null when the column is not imported. */
  field: string | null;
  /** 1 = the field's own name, 0.9 = a known synonym, 0.8 = a year's results, 0 = not recognised. */
  confidence: number;
}

export interface FieldChoice {
  name: string;
  required: boolean;
}

export interface ImportLayout {
  path: string;
  file_name: string;
  sheets: string[];
  sheet: string;
  header_row: number;
  columns: MappedColumn[];
  /** Required fields no column is read as. */
  missing: string[];
  mapping_reused: boolean;
  /** Data rows under the header (blank rows included). */
  rows: number;
  national: boolean;
  fields: FieldChoice[];
}

export interface RowCell {
  column: string;
  header: string;
  value: string;
}

export interface SheetRow {
  row: number;
  cells: RowCell[];
}

/** (ID, name). */
export type NewPerson = [string, string];
/** (ID, name, organ). */
export type MissingPerson = [string, string, string];
/** (ID, name, from, to). */
export type PersonMove = [string, string, string, string];

export interface PersonChanges {
  id: string;
  name: string;
  /** (field, old, new). */
  fields: [string, string | null, string | null][];
}

/** `kaohe_store::ImportPlan`. */
export interface ImportPlan {
  new: NewPerson[];
  updated: PersonChanges[];
  missing: MissingPerson[];
  moved: PersonMove[];
  rank_changed: PersonMove[];
  category_changed: PersonMove[];
  /** Annual results that are new or differ from the stored ones. */
  results: number;
  unchanged: number;
  /** IDs the database holds under another name: held back unless confirmed as a change of name. */
  name_conflicts: NameConflict[];
}

export interface ImportCheck {
  file_name: string;
  sheet: string;
  header_row: number;
  year: number | null;
  rows_read: number;
  importable: number;
  skipped_rows: number;
  errors: number;
  warnings: number;
  organs: number;
  results: number;
  restrictions: number;
  mapping: MappedColumn[];
  issues: Issue[];
  rows: SheetRow[];
  changes: ImportPlan;
}

export interface ImportApplied {
  file_name: string;
  year: number | null;
  people: number;
  new_people: number;
  updated_people: number;
  unchanged_people: number;
  organs: number;
  results: number;
  restrictions: number;
  skipped_rows: number;
  errors: number;
  warnings: number;
  mapping_saved: boolean;
  /** People held back by a name conflict not confirmed; nothing of theirs was written. */
  held_back: number;
  /** Confirmed changes of name imported (the old name kept in the history). */
  renamed: number;
}

export type ImportPhase = 'read' | 'plan' | 'write';

export interface ImportProgress {
  phase: ImportPhase;
  done: number;
  total: number;
}

export interface DropEvent {
  kind: 'over' | 'drop' | 'leave';
  paths: string[];
}

/** Asks for the roster in a native dialog; null when the clerk cancelled. */
export function pickFile(): Promise<string | null> {
  return call<string | null>('import_pick_file');
}

/** Files dragged over or dropped on the window are handed to `onDrop`. */
export function watchDrops(onDrop: (event: DropEvent) => void): Promise<void> {
  const channel = new Channel<DropEvent>();
  channel.onmessage = onDrop;
  return call<void>('import_watch_drops', { onDrop: channel });
}

/** How the file would be read (sheet, header row, columns). */
export function importLayout(request: ImportRequest): Promise<ImportLayout> {
  return call<ImportLayout>('import_layout', { request });
}

function progressChannel(onProgress: (p: ImportProgress) => void): Channel<ImportProgress> {
  const channel = new Channel<ImportProgress>();
  channel.onmessage = onProgress;
  return channel;
}

/** Reads the file and works out what the import would change; nothing is written. */
export function importCheck(request: ImportRequest, onProgress: (p: ImportProgress) => void): Promise<ImportCheck> {
  return call<ImportCheck>('import_check', { request, onProgress: progressChannel(onProgress) });
}

/** Imports the file in one transaction. */
export function importApply(request: ImportRequest, onProgress: (p: ImportProgress) => void): Promise<ImportApplied> {
  return call<ImportApplied>('import_apply', { request, onProgress: progressChannel(onProgress) });
}

/** Cancels the running check or apply; it then rejects with `cancelled`. */
export function importCancel(): Promise<void> {
  return call<void>('import_cancel');
}

/** Asks where to save the error workbook and writes it; null when the clerk cancelled. */
export function importErrorReport(request: ImportRequest): Promise<string | null> {
  return call<string | null>('import_error_report', { request });
}
