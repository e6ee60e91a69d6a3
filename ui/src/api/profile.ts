// The `profile` command: the rule profile in force (the 规则 section shows it, read-only).

import { call } from './call';
import type { Profile } from './types';

/** The active rule profile with every rule's citation. */
export function profile(): Promise<Profile> {
  return call<Profile>('profile');
}
