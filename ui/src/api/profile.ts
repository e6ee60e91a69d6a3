// The `profile` command: the rule profile in force (the 规则 section shows it, read-only).

import { call } from './call';
import type { Profile } from './types';

/** The active rule profile with every rule's citation. */
export function profile(): Promise<Profile> {
  return call<Profile>('profile');
}

// ── The active profile's source (`active_profile`, `profile_load`, `profile_reset`;
// src-tauri/src/rules.rs).

/** `ProfileInfo`: which rule profile is in force. */
export interface ProfileInfo {
  id: string;
  name: string;
  version: string;
  /** A local file, not the national default. */
  custom: boolean;
  /** The file it was loaded from (its text is kept in the database). */
  file: string | null;
  /** Why the remembered local profile was not applied at start-up. */
  notice: string | null;
}

/** `ProfileLoad`: the file became the active profile, or its problems (nothing changed). */
export type ProfileLoad =
  | { status: 'active'; profile: ProfileInfo }
  | { status: 'invalid'; file: string; problems: string[] };

export function activeProfile(): Promise<ProfileInfo> {
  return call<ProfileInfo>('active_profile');
}

/** 「载入本地规则文件」: asks for a .toml file, validates it and makes it active; null when cancelled. */
export function profileLoad(): Promise<ProfileLoad | null> {
  return call<ProfileLoad | null>('profile_load');
}

/** 「恢复国家默认规则」. */
export function profileReset(): Promise<ProfileInfo> {
  return call<ProfileInfo>('profile_reset');
}
