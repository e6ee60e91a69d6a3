// The `profile` command: the rule profile in force (the 规则 section shows it, read-only).

import { call } from './call';
import type { Profile, ProfileInfo, ProfileLoad } from './types';

export type { ProfileInfo, ProfileLoad } from './types';

/** The active rule profile with every rule's citation. */
export function profile(): Promise<Profile> {
  return call('profile');
}

// ── The active profile's source (`active_profile`, `profile_load`, `profile_reset`;
// src-tauri/src/rules.rs; `ProfileInfo` and `ProfileLoad` are generated from it).

export function activeProfile(): Promise<ProfileInfo> {
  return call('active_profile');
}

/** 「载入本地规则文件」: asks for a .toml file, validates it and makes it active; null when cancelled. */
export function profileLoad(): Promise<ProfileLoad | null> {
  return call('profile_load');
}

/** 「恢复国家默认规则」. */
export function profileReset(): Promise<ProfileInfo> {
  return call('profile_reset');
}
