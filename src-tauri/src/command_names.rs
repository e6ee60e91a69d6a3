// The app's commands, by name. Included by build.rs (the app manifest, which makes every command
// need an explicit grant in capabilities/) and by lib.rs (so a test can check the grants).

/// Every command the web view may call; each is granted in capabilities/default.json.
pub const COMMANDS: &[&str] = &[
    "app_info",
    "import_sample",
    "promotion",
    "selftest_report",
    "assessment",
    "assessment_override",
    "assessment_finalize",
    "assessment_reopen",
    "assessment_log",
    "assessment_ratio",
    "organs",
    "print_preview",
    "print_current",
    "profile",
    "people",
    "person",
    "dashboard",
];
