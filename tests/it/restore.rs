//! Restoring a backup: only what Kaohe's own migrations create is taken from it, table by table
//! and column by column into a fresh database. A backup carrying anything else (a trigger, a
//! view, a table or index of its own, a table defined otherwise) is refused naming it, before
//! anything is replaced; so is a damaged one. A genuine backup restores with every table equal.

use kaohe_engine::{Grade, Profile};
use kaohe_store::settings::{inspect_backup, restore};
use kaohe_store::{migrations, Store, SCHEMA_VERSION};
use kaohe_tests::write_sheets;
use std::path::{Path, PathBuf};

const ID_A: &str = "11010519491231002X";
const ID_B: &str = "330102198808060235";

fn roster(dir: &Path, grade_b: &str) -> kaohe_workbook::RosterRead {
    let text = format!(
        r#"
"人员" = [
  ["身份证号", "姓名", "单位", "职位类别", "职级", "任现职级时间"],
  ["{ID_A}", "王一", "甲局", "综合管理类", "二级主任科员", 2019-06-15],
  ["{ID_B}", "李二", "甲局", "综合管理类", "三级主任科员", 2021-03-01],
]
"单位" = [["单位名称", "机关层级", "一级和二级主任科员"], ["甲局", "市(地)", 4]]
"年度考核" = [["身份证号", "年度", "等次"], ["{ID_A}", 2024, "优秀"], ["{ID_B}", 2024, "{grade_b}"]]
"处分" = [["身份证号", "类型", "日期"], ["{ID_B}", "警告", 2025-05-01]]
"#
    );
    let sheets: toml::Table = toml::from_str(&text).expect("toml");
    let path = dir.join(format!("名册_{grade_b}.xlsx"));
    write_sheets(&sheets, &path).expect("write");
    kaohe_workbook::read_roster(&path, &Profile::national()).expect("read")
}

struct Scratch {
    dir: tempfile::TempDir,
}

impl Scratch {
    /// A live database with a roster, an override in the assessment log and a backup of it.
    fn new() -> Scratch {
        let scratch = Scratch { dir: tempfile::tempdir().expect("tmp") };
        let mut store = Store::open(&scratch.db()).expect("open");
        store.import(&roster(scratch.dir.path(), "称职"), "名册.xlsx").expect("import");
        store
            .set_override(2025, ID_A, Grade::Competent, None, "经考核委员会研究确定", "人事科 李明")
            .expect("override");
        store.set_operator("人事科 李明").expect("operator");
        store.backup_to(&scratch.backup()).expect("backup");
        scratch
    }
    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }
    fn db(&self) -> PathBuf {
        self.path("data/kaohe.db")
    }
    fn backup(&self) -> PathBuf {
        self.path("备份.db")
    }
    fn safety(&self) -> PathBuf {
        self.path("data/恢复前备份/恢复前备份_1.db")
    }
    /// The backup with `sql` run on it by a plain SQLite connection (as a forger would).
    fn crafted(&self, name: &str, sql: &str) -> PathBuf {
        let path = self.path(name);
        std::fs::copy(self.backup(), &path).expect("copy");
        rusqlite::Connection::open(&path).expect("sqlite").execute_batch(sql).expect("crafted");
        path
    }
}

/// Every table of the database at `path` (also SQLite's own), each row's values in order.
fn contents(path: &Path) -> Vec<(String, Vec<String>)> {
    let conn = rusqlite::Connection::open(path).expect("sqlite");
    // (A table WITHOUT ROWID is read in the order of its key.)
    let mut tables: Vec<(String, bool)> = {
        let mut stmt = conn
            .prepare("SELECT name, sql LIKE '%WITHOUT ROWID' FROM sqlite_master WHERE type = 'table' ORDER BY name")
            .expect("tables");
        stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?))).expect("query").collect::<Result<_, _>>().expect("names")
    };
    tables.sort();
    tables
        .into_iter()
        .map(|(t, keyed)| {
            let order = if keyed { "" } else { " ORDER BY rowid" };
            let mut stmt = conn.prepare(&format!("SELECT * FROM \"{t}\"{order}")).expect("select");
            let n = stmt.column_count();
            let rows = stmt
                .query_map([], |r| {
                    Ok((0..n)
                        .map(|i| format!("{:?}", r.get::<_, rusqlite::types::Value>(i)))
                        .collect::<Vec<_>>()
                        .join("|"))
                })
                .expect("rows")
                .collect::<Result<Vec<_>, _>>()
                .expect("values");
            (t, rows)
        })
        .collect()
}

/// The crafted backup is refused at inspection and at restore, naming `object`; the live
/// database is unchanged, still open, and no safety copy or staging file is left.
fn refused(scratch: &Scratch, crafted: &Path, object: &str) {
    let e = inspect_backup(crafted, None).expect_err("inspection refuses it");
    assert_eq!(e.code().name(), "backup_unsafe", "{e}");
    assert!(e.to_string().contains(object), "{e}");
    let before = contents(&scratch.db());
    let failed = match restore(Store::open(&scratch.db()), &scratch.db(), crafted, None, &scratch.safety()) {
        Ok(_) => panic!("{} was restored", crafted.display()),
        Err(failed) => failed,
    };
    assert_eq!(failed.error.code().name(), "backup_unsafe");
    assert_eq!(failed.error.to_string(), e.to_string());
    let store = failed.store.expect("the current database, still open");
    assert_eq!(store.assessment_log(2025).expect("log").len(), 1);
    drop(store);
    assert_eq!(contents(&scratch.db()), before, "the live database is unchanged");
    let mut left: Vec<String> = std::fs::read_dir(scratch.path("data"))
        .expect("dir")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    left.sort();
    assert_eq!(left, ["kaohe.db"], "no staging file, and no safety copy for a restore that never began");
}

#[test]
fn a_trigger_that_erases_the_assessment_log_is_refused() {
    let scratch = Scratch::new();
    let crafted = scratch.crafted(
        "抹日志.db",
        "CREATE TRIGGER wipe_log AFTER INSERT ON assessment_log BEGIN DELETE FROM assessment_log; END;",
    );
    refused(&scratch, &crafted, "触发器「wipe_log」");
    let e = inspect_backup(&crafted, None).expect_err("refused");
    assert_eq!(
        e.to_string(),
        format!(
            "备份「{}」的结构与考核软件的数据库不符：多出触发器「wipe_log」（在表「assessment_log」上）。这样的文件可能被改动过，为安全起见不能恢复；请选择由考核软件「立即备份」生成的备份",
            crafted.display()
        )
    );
}

#[test]
fn a_trigger_that_turns_results_into_excellent_is_refused() {
    let scratch = Scratch::new();
    let crafted = scratch.crafted(
        "改等次.db",
        "CREATE TRIGGER raise AFTER UPDATE ON annual_results BEGIN UPDATE annual_results SET code = '1' WHERE person_id = NEW.person_id AND code = '2'; END;
         CREATE TRIGGER raise_new AFTER INSERT ON annual_results BEGIN UPDATE annual_results SET code = '1' WHERE rowid = NEW.rowid AND code = '2'; END;",
    );
    refused(
        &scratch,
        &crafted,
        "多出触发器「raise」（在表「annual_results」上）、多出触发器「raise_new」（在表「annual_results」上）",
    );
}

#[test]
fn a_view_is_refused() {
    let scratch = Scratch::new();
    let crafted = scratch.crafted("视图.db", "CREATE VIEW everyone AS SELECT id, name FROM people;");
    refused(&scratch, &crafted, "多出视图「everyone」");
}

#[test]
fn a_table_or_an_index_of_its_own_is_refused() {
    let scratch = Scratch::new();
    let crafted = scratch.crafted("多一张表.db", "CREATE TABLE notes (x TEXT); INSERT INTO notes VALUES ('?');");
    refused(&scratch, &crafted, "多出数据表「notes」");
    let crafted = scratch.crafted("多一个索引.db", "CREATE INDEX people_by_name ON people(name);");
    refused(&scratch, &crafted, "多出索引「people_by_name」");
}

#[test]
fn a_table_defined_otherwise_is_refused() {
    let scratch = Scratch::new();
    // The results table rebuilt so that a grade read from it is always 优秀.
    let crafted = scratch.crafted(
        "改定义.db",
        "ALTER TABLE annual_results RENAME TO old_results;
         CREATE TABLE annual_results (person_id TEXT NOT NULL REFERENCES people(id), year INTEGER NOT NULL, stored TEXT, code TEXT GENERATED ALWAYS AS ('1'), PRIMARY KEY (person_id, year));
         INSERT INTO annual_results (person_id, year, stored) SELECT person_id, year, code FROM old_results;
         DROP TABLE old_results;",
    );
    refused(&scratch, &crafted, "数据表「annual_results」的定义被改动");
}

#[test]
fn a_damaged_backup_is_refused() {
    let scratch = Scratch::new();
    // A result of a person who is not in the database (written with the checks off).
    let crafted =
        scratch.crafted("不一致.db", "PRAGMA foreign_keys = OFF; INSERT INTO annual_results (person_id, year, code) VALUES ('110101199001011234', 2024, '1');");
    let e = inspect_backup(&crafted, None).expect_err("refused");
    assert_eq!(e.code().name(), "backup_damaged");
    assert_eq!(
        e.to_string(),
        format!(
            "备份「{}」中的数据不完整或已损坏（表「annual_results」中有 1 条记录引用的「people」记录不存在），不能恢复",
            crafted.display()
        )
    );
    let before = contents(&scratch.db());
    let failed =
        restore(Store::open(&scratch.db()), &scratch.db(), &crafted, None, &scratch.safety()).err().expect("refused");
    assert_eq!(failed.error.to_string(), e.to_string());
    drop(failed);
    assert_eq!(contents(&scratch.db()), before);
}

#[test]
fn a_genuine_backup_restores_every_table_as_it_was() {
    let scratch = Scratch::new();
    let backed_up = contents(&scratch.backup());
    // Then the live database moves on: another import, another decision.
    {
        let mut store = Store::open(&scratch.db()).expect("open");
        store.import(&roster(scratch.dir.path(), "优秀"), "名册2.xlsx").expect("import");
        store.set_override(2025, ID_B, Grade::Excellent, None, "再议", "人事科 李明").expect("override");
    }
    let moved_on = contents(&scratch.db());
    assert_ne!(moved_on, backed_up);
    let info = inspect_backup(&scratch.backup(), None).expect("a genuine backup");
    assert_eq!((info.people, info.organs, info.schema_version), (2, 1, SCHEMA_VERSION));
    let store = restore(Store::open(&scratch.db()), &scratch.db(), &scratch.backup(), None, &scratch.safety())
        .map_err(|f| f.error)
        .expect("restored");
    assert_eq!(store.assessment_log(2025).expect("log").len(), 1);
    assert_eq!(store.operator().expect("operator"), "人事科 李明");
    drop(store);
    assert_eq!(contents(&scratch.db()), backed_up, "every table as it was backed up");
    assert_eq!(contents(&scratch.safety()), moved_on, "the safety copy holds the database as it was before");
}

#[test]
fn an_older_backup_is_copied_at_its_version_then_upgraded() {
    let scratch = Scratch::new();
    let old = scratch.path("旧版本.db");
    {
        let conn = migrations::create_at_version(&old, 5).expect("version 5");
        conn.execute_batch(&format!(
            "INSERT INTO organs (name, level) VALUES ('甲局', '市(地)');
             INSERT INTO people (id, name, organ, category, rank, rank_since) VALUES ('{ID_A}', '王一', '甲局', '综合管理类', '二级主任科员', '2019-06-15');
             INSERT INTO annual_results (person_id, year, code) VALUES ('{ID_A}', 2024, '1');
             INSERT INTO column_mappings (signature, mapping, saved_at) VALUES ('sig', 'A\t身份证号\nB\t姓名\n', '2024-01-01 00:00:00');"
        ))
        .expect("data");
    }
    let store = restore(Store::open(&scratch.db()), &scratch.db(), &old, None, &scratch.safety())
        .map_err(|f| f.error)
        .expect("restored");
    assert_eq!(store.schema_version().expect("version"), SCHEMA_VERSION);
    let roster = store.load_roster().expect("roster");
    assert_eq!(roster.people.iter().map(|p| (p.id.as_str(), p.name.as_str())).collect::<Vec<_>>(), [(ID_A, "王一")]);
    assert_eq!(roster.results.iter().map(|r| (r.year, r.result.code())).collect::<Vec<_>>(), [(2024, "1")]);
    let mapping = store.mapping_for("sig").expect("mapping").expect("kept");
    assert_eq!(
        mapping.into_iter().collect::<Vec<_>>(),
        [("A".to_string(), "身份证号".to_string()), ("B".to_string(), "姓名".to_string())]
    );
}

/// A backup's fingerprints of people's fields are never trusted: one forged to stand for other
/// fields (so that a later import would take a changed person for unchanged and keep what the
/// forger wrote) is computed again from the fields at restore.
#[test]
fn a_backups_fingerprints_are_computed_again_at_restore() {
    let scratch = Scratch::new();
    let genuine = contents(&scratch.backup());
    let forged = scratch
        .crafted("指纹.db", &format!("UPDATE people SET fingerprint = 1 WHERE id = '{ID_A}'; UPDATE people SET fingerprint = NULL WHERE id = '{ID_B}';"));
    inspect_backup(&forged, None).expect("a backup whose fingerprints differ is a backup");
    let store = restore(Store::open(&scratch.db()), &scratch.db(), &forged, None, &scratch.safety())
        .map_err(|f| f.error)
        .expect("restored");
    drop(store);
    assert_eq!(contents(&scratch.db()), genuine, "the fingerprints as the fields give them");
}
