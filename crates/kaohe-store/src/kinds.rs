//! The closed sets of the logs, one encoding each: [`LogAction`] (what an entry of a year's
//! assessment log records) and [`OperationKind`] (a kind of entry of the merged 操作日志). Each
//! is stored, sent over IPC and written by `--json` as its snake_case name (`override`); its
//! TypeScript union and the UI's run-time list are generated from it.

use rusqlite::types::{FromSql, FromSqlError, FromSqlResult, ToSql, ToSqlOutput, ValueRef};
use serde::{Deserialize, Serialize};

/// Defines a closed set stored as text: the enum with serde's snake_case names, `ALL` in order,
/// `name`, `parse`, `Display` and the SQLite conversions (an unknown text is refused on reading).
macro_rules! closed_set {
    ($(#[$meta:meta])* pub enum $name:ident ($what:literal) { $($(#[$vmeta:meta])* $variant:ident = $text:literal,)* }) => {
        $(#[$meta])*
        #[cfg_attr(feature = "ts", derive(ts_rs::TS))]
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
        #[serde(rename_all = "snake_case")]
        pub enum $name {
            $($(#[$vmeta])* $variant,)*
        }

        impl $name {
            /// Every value, in order.
            pub const ALL: [$name; [$($text),*].len()] = [$($name::$variant),*];

            /// The name as stored and sent (`override`).
            pub fn name(self) -> &'static str {
                match self {
                    $($name::$variant => $text,)*
                }
            }

            /// The value of a name, if it is one.
            pub fn parse(text: &str) -> Option<$name> {
                $name::ALL.into_iter().find(|v| v.name() == text)
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.name())
            }
        }

        impl ToSql for $name {
            fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
                Ok(ToSqlOutput::from(self.name()))
            }
        }

        impl FromSql for $name {
            fn column_result(value: ValueRef<'_>) -> FromSqlResult<Self> {
                let text = value.as_str()?;
                $name::parse(text).ok_or_else(|| {
                    FromSqlError::Other(format!("记录中的「{text}」不是已知的{}", $what).into())
                })
            }
        }
    };
}

closed_set! {
    /// What an entry of a year's assessment log records.
    pub enum LogAction ("年度考核操作记录类型") {
        /// The committee set a final grade (修改等次).
        Override = "override",
        /// 补定等次: a grade set for a person the year left 5B, once the investigation closed.
        Supplement = "supplement",
        /// A 优秀 ratio was approved for an organ.
        Ratio = "ratio",
        /// The year was finalised (定稿, locked).
        Finalize = "finalize",
        /// A finalised year was reopened.
        Reopen = "reopen",
    }
}

closed_set! {
    /// A kind of entry of the 操作日志, in the order its filter offers them: an import, the
    /// committee's decisions (the year's log), and operations on the database itself.
    pub enum OperationKind ("操作日志类型") {
        Import = "import",
        Override = "override",
        Supplement = "supplement",
        Ratio = "ratio",
        Finalize = "finalize",
        Reopen = "reopen",
        Backup = "backup",
        Restore = "restore",
        /// A change of the rule profile in force.
        Profile = "profile",
        /// A change of the 操作人.
        Operator = "operator",
        /// The database's password set, changed or removed.
        Password = "password",
        /// A finding of 核查 marked 已核实, or the mark withdrawn.
        Verify = "verify",
        /// A report package received (汇总), or one replacing an earlier one.
        Receive = "receive",
        /// The 所辖单位 list changed: organs added (by hand or from a workbook), given a level,
        /// or removed.
        Organs = "organs",
        /// A group of organs sharing a pool's 职数 (统筹职数) set or removed.
        SharedPool = "shared_pool",
    }
}

impl From<LogAction> for OperationKind {
    fn from(action: LogAction) -> OperationKind {
        match action {
            LogAction::Override => OperationKind::Override,
            LogAction::Supplement => OperationKind::Supplement,
            LogAction::Ratio => OperationKind::Ratio,
            LogAction::Finalize => OperationKind::Finalize,
            LogAction::Reopen => OperationKind::Reopen,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_serdes_and_every_log_action_is_an_operation_kind() {
        for action in LogAction::ALL {
            assert_eq!(serde_json::to_value(action).expect("json"), serde_json::json!(action.name()));
            assert_eq!(LogAction::parse(action.name()), Some(action));
            assert_eq!(OperationKind::from(action).name(), action.name());
        }
        for kind in OperationKind::ALL {
            assert_eq!(serde_json::to_value(kind).expect("json"), serde_json::json!(kind.name()));
        }
        assert_eq!(OperationKind::parse("delete"), None);
        // Text another program wrote is refused on reading, in the clerk's words.
        let conn = rusqlite::Connection::open_in_memory().expect("sqlite");
        let read = conn.query_row("SELECT 'delete'", [], |r| r.get::<_, OperationKind>(0));
        let message = read.expect_err("not a kind").to_string();
        assert!(message.contains("记录中的「delete」不是已知的操作日志类型"), "{message}");
    }
}
