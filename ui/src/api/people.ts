// Commands of the 人员 section: `people` (everyone, for the grid) and `person` (one person's
// drawer). Types mirror src-tauri/src/people.rs field by field.

import { call } from './call';
import type { IsoDate, PromotionPerson } from './types';

/** A national result code: "1".."4", "5A", "5B", "5C", "6A", "7". */
export type NationalCode = '1' | '2' | '3' | '4' | '5A' | '5B' | '5C' | '6A' | '7';

/**
 * Everyone in the database, column by column (index i of every column is one person, in roster
 * order). `organ`, `department`, `category` and `rank` are indices into the look-up lists.
 */
export interface PeopleGrid {
  organs: string[];
  departments: string[];
  categories: string[];
  ranks: string[];
  /** Years with results, oldest first; `results[k]` is the column of `years[k]`. */
  years: number[];
  id: string[];
  name: string[];
  organ: number[];
  department: (number | null)[];
  category: number[];
  rank: number[];
  post: (string | null)[];
  leader: boolean[];
  rank_since: IsoDate[];
  results: (NationalCode | null)[][];
}

/** `kaohe_engine::Person` as serde writes it. */
export interface PersonRecord {
  id: string;
  name: string;
  gender: string | null;
  birth: IsoDate | null;
  organ: string;
  department: string | null;
  category: string;
  rank: string;
  rank_since: IsoDate;
  post: string | null;
  post_level: string | null;
  post_since: IsoDate | null;
  is_leader: boolean;
  education: string | null;
  work_start: IsoDate | null;
  service_start: IsoDate | null;
  level: number | null;
  level_since: IsoDate | null;
  step: number | null;
  step_since: IsoDate | null;
  political_status: string | null;
  duties: string | null;
}

export type TimelineKind = 'rank' | 'post' | 'organ' | 'category' | 'work_start' | 'service_start' | 'added';

export interface TimelineEntry {
  kind: TimelineKind;
  /** Since when; null when the roster gave no date for the change. */
  date: IsoDate | null;
  value: string | null;
  /** A post's level (县处级副职 …). */
  detail: string | null;
  previous: string | null;
  current: boolean;
  /** When the import that recorded it ran, `YYYY-MM-DD HH:MM:SS`. */
  recorded_at: string | null;
  file: string | null;
}

export interface ResultEntry {
  year: number;
  code: NationalCode;
  label: string;
}

export type RestrictionState = 'active' | 'open' | 'ended' | 'future' | 'unknown';

export interface RestrictionEntry {
  kind: string;
  date: IsoDate;
  end: IsoDate | null;
  months: number | null;
  until: IsoDate | null;
  state: RestrictionState;
  cite: string | null;
}

export interface PersonDetail {
  as_of: IsoDate;
  person: PersonRecord;
  /** Newest first. */
  timeline: TimelineEntry[];
  results: ResultEntry[];
  restrictions: RestrictionEntry[];
  /** The engine's promotion report for the person today; null when the rank is unknown to the rules. */
  promotion: PromotionPerson | null;
}

/** Everyone in the database. */
export function people(): Promise<PeopleGrid> {
  return call<PeopleGrid>('people');
}

/** One person's detail, promotion status for today. */
export function person(id: string): Promise<PersonDetail> {
  return call<PersonDetail>('person', { id });
}
