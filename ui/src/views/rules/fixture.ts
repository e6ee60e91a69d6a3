// The national default profile exactly as the `profile` command returns it (`kaohe_engine::Profile::national()`
// as JSON), written by crates/kaohe-desk/tests/ui_fixtures.rs (`KAOHE_BLESS=1` refreshes it; the test fails when it
// no longer is the value the shell sends), typed by the generated `Profile`.

import type { Profile } from '../../api/types';
import national from './national-profile.generated.json';

export const nationalProfile = national as unknown as Profile;
