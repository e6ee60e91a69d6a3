//! Schema migrations, applied in order inside one transaction each. A landed migration is never
//! edited: a change to the schema is a new entry at the end. `user_version` holds how many have
//! been applied; a database with more than this build knows is refused.

use crate::StoreError;
pub use rusqlite::Connection;

/// Version 1: the roster. Version 2: the import log and per-field history. Version 3: the annual
/// assessment's inputs and the committee's decisions. Version 4: the fields printed on the
/// 年度考核登记表. Version 5: column mappings the user confirmed, by header signature. Version 6:
/// the application's settings (操作人, the active rule profile), the operator of each import and
/// the log of operations on the database itself (backup, restore, rule profile changes). Version 7:
/// people by organ (单位) in roster order, for loading one organ's roster (the person drawer).
/// Version 14: 核查 findings marked 已核实. Version 15: report packages received (汇总). Version
/// 17: the ranks each person held (职级变动).
pub const MIGRATIONS: [&str; 17] = [
    "CREATE TABLE organs (
        name TEXT PRIMARY KEY,
        level TEXT,
        position INTEGER NOT NULL DEFAULT 0
     );
     CREATE TABLE organ_slots (
        organ TEXT NOT NULL REFERENCES organs(name) ON DELETE CASCADE,
        pool TEXT NOT NULL,
        approved INTEGER NOT NULL CHECK (approved >= 0),
        PRIMARY KEY (organ, pool)
     );
     CREATE TABLE people (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        gender TEXT,
        birth TEXT,
        organ TEXT NOT NULL,
        department TEXT,
        category TEXT NOT NULL,
        rank TEXT NOT NULL,
        rank_since TEXT NOT NULL,
        post TEXT,
        post_level TEXT,
        post_since TEXT,
        is_leader INTEGER NOT NULL DEFAULT 0,
        education TEXT,
        work_start TEXT,
        service_start TEXT,
        position INTEGER NOT NULL DEFAULT 0
     );
     CREATE TABLE annual_results (
        person_id TEXT NOT NULL REFERENCES people(id),
        year INTEGER NOT NULL,
        code TEXT NOT NULL,
        PRIMARY KEY (person_id, year)
     );
     CREATE TABLE restrictions (
        person_id TEXT NOT NULL REFERENCES people(id),
        kind TEXT NOT NULL,
        date TEXT NOT NULL,
        end_date TEXT,
        PRIMARY KEY (person_id, kind, date)
     );",
    "CREATE TABLE imports (
        id INTEGER PRIMARY KEY,
        file TEXT NOT NULL,
        imported_at TEXT NOT NULL,
        people INTEGER NOT NULL,
        issues INTEGER NOT NULL
     );
     CREATE TABLE person_history (
        import_id INTEGER NOT NULL REFERENCES imports(id),
        person_id TEXT NOT NULL,
        field TEXT NOT NULL,
        old_value TEXT,
        new_value TEXT
     );
     CREATE INDEX person_history_by_person ON person_history(person_id);
     ALTER TABLE people ADD COLUMN first_import INTEGER REFERENCES imports(id);
     ALTER TABLE people ADD COLUMN last_import INTEGER REFERENCES imports(id);",
    "ALTER TABLE people ADD COLUMN level INTEGER;
     ALTER TABLE people ADD COLUMN level_since TEXT;
     ALTER TABLE people ADD COLUMN step INTEGER;
     ALTER TABLE people ADD COLUMN step_since TEXT;
     ALTER TABLE organs ADD COLUMN excellent_ratio INTEGER;
     ALTER TABLE organs ADD COLUMN performance_rating TEXT;
     CREATE TABLE regular_results (
        person_id TEXT NOT NULL REFERENCES people(id),
        year INTEGER NOT NULL,
        period TEXT NOT NULL,
        grade TEXT,
        score INTEGER,
        PRIMARY KEY (person_id, year, period)
     );
     CREATE TABLE annual_inputs (
        person_id TEXT NOT NULL REFERENCES people(id),
        year INTEGER NOT NULL,
        virtue INTEGER, ability INTEGER, diligence INTEGER, achievement INTEGER, integrity INTEGER,
        democratic INTEGER,
        proposal TEXT,
        sick_days INTEGER,
        personal_days INTEGER,
        PRIMARY KEY (person_id, year)
     );
     CREATE TABLE assessment_years (
        year INTEGER PRIMARY KEY,
        finalized_on TEXT,
        finalized_by TEXT
     );
     CREATE TABLE assessment_overrides (
        year INTEGER NOT NULL,
        person_id TEXT NOT NULL REFERENCES people(id),
        grade TEXT NOT NULL,
        reason TEXT NOT NULL,
        PRIMARY KEY (year, person_id)
     );
     CREATE TABLE approved_ratios (
        year INTEGER NOT NULL,
        organ TEXT NOT NULL,
        ratio INTEGER NOT NULL,
        basis TEXT NOT NULL,
        PRIMARY KEY (year, organ)
     );
     CREATE TABLE assessment_log (
        id INTEGER PRIMARY KEY,
        year INTEGER NOT NULL,
        person_id TEXT,
        action TEXT NOT NULL,
        from_value TEXT,
        to_value TEXT,
        reason TEXT,
        by TEXT NOT NULL,
        at TEXT NOT NULL
     );",
    "ALTER TABLE people ADD COLUMN political_status TEXT;
     ALTER TABLE people ADD COLUMN duties TEXT;
     ALTER TABLE annual_inputs ADD COLUMN summary TEXT;
     ALTER TABLE annual_inputs ADD COLUMN training TEXT;
     ALTER TABLE annual_inputs ADD COLUMN supervisor_comment TEXT;",
    "CREATE TABLE column_mappings (
        signature TEXT PRIMARY KEY,
        mapping TEXT NOT NULL,
        saved_at TEXT NOT NULL
     );",
    "CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL,
        updated_at TEXT NOT NULL
     );
     ALTER TABLE imports ADD COLUMN by TEXT NOT NULL DEFAULT '';
     CREATE TABLE operations (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL,
        subject TEXT,
        from_value TEXT,
        to_value TEXT,
        reason TEXT,
        people INTEGER,
        by TEXT NOT NULL,
        at TEXT NOT NULL
     );",
    "CREATE INDEX people_by_organ ON people(organ, position, id);",
    // 8: 进入方式 (5A only for new recruits) and 离职/退休日期 (not assessed once gone).
    "ALTER TABLE people ADD COLUMN entry_method TEXT;
     ALTER TABLE people ADD COLUMN left_on TEXT;",
    // 9: 补定等次 — a grade set for a 5B person once the investigation closed (考核规定 第二十八条).
    "CREATE TABLE assessment_supplements (
        year INTEGER NOT NULL,
        person_id TEXT NOT NULL,
        grade TEXT NOT NULL,
        reason TEXT NOT NULL,
        PRIMARY KEY (year, person_id)
     );",
    // 10: 主管机关 of an organ (a 领导成员 pool may span the organs under one).
    "ALTER TABLE organs ADD COLUMN supervisor TEXT;",
    // 11: a saved column mapping as a JSON object {header or letter: field} instead of lines of
    // `key<TAB>field` (a header holding a line break or a tab broke them). Each stored text is
    // split at its line breaks, each line at its first tab, as the old reader did.
    "UPDATE column_mappings SET mapping = (
        WITH RECURSIVE split(line, rest) AS (
            SELECT NULL, column_mappings.mapping || char(10)
            UNION ALL
            SELECT substr(rest, 1, instr(rest, char(10)) - 1), substr(rest, instr(rest, char(10)) + 1) FROM split WHERE rest <> ''
        )
        SELECT json_group_object(substr(line, 1, instr(line, char(9)) - 1), substr(line, instr(line, char(9)) + 1))
        FROM split WHERE instr(line, char(9)) > 0
     );",
    // 12: a fingerprint of each person's fields as stored, written with them by the import, so
    // that the next import reads one number per person instead of all 23 fields. NULL where not
    // known (a database from before, a restored backup, whose fingerprints are never trusted):
    // the import then computes it from the fields and fills it in. A change of the fields that
    // does not also write the fingerprint (another program editing the file) sets it to NULL.
    "ALTER TABLE people ADD COLUMN fingerprint INTEGER;
     CREATE TRIGGER people_fingerprint_follows_fields
        AFTER UPDATE OF name, gender, birth, organ, department, category, rank, rank_since, post, post_level, post_since, is_leader,
            education, work_start, service_start, level, level_since, step, step_since, political_status, duties, entry_method, left_on
        ON people WHEN NEW.fingerprint IS OLD.fingerprint
     BEGIN
        UPDATE people SET fingerprint = NULL WHERE id = NEW.id;
     END;",
    // 13: the history keyed by field instead of by its Chinese label: a person's field by its
    // column (`rank`), a new person `added`, a year's result `result:2024` (the labels of version
    // 12 and before: 职级, 新增人员, 2024年度考核). What no label matches is kept as it was.
    "UPDATE person_history SET field = CASE field
        WHEN '新增人员' THEN 'added'
        WHEN '姓名' THEN 'name'
        WHEN '性别' THEN 'gender'
        WHEN '出生日期' THEN 'birth'
        WHEN '单位' THEN 'organ'
        WHEN '部门' THEN 'department'
        WHEN '职位类别' THEN 'category'
        WHEN '职级' THEN 'rank'
        WHEN '任现职级时间' THEN 'rank_since'
        WHEN '领导职务' THEN 'post'
        WHEN '职务层次' THEN 'post_level'
        WHEN '任现职务时间' THEN 'post_since'
        WHEN '是否领导成员' THEN 'is_leader'
        WHEN '学历' THEN 'education'
        WHEN '参加工作时间' THEN 'work_start'
        WHEN '进入公务员队伍时间' THEN 'service_start'
        WHEN '级别' THEN 'level'
        WHEN '级别起算时间' THEN 'level_since'
        WHEN '档次' THEN 'step'
        WHEN '档次起算时间' THEN 'step_since'
        WHEN '政治面貌' THEN 'political_status'
        WHEN '从事或分管工作' THEN 'duties'
        WHEN '进入方式' THEN 'entry_method'
        WHEN '离职/退休日期' THEN 'left_on'
        ELSE CASE WHEN field GLOB '[0-9][0-9][0-9][0-9]年度考核' THEN 'result:' || substr(field, 1, 4) ELSE field END
     END;",
    // 14: 核查's findings marked 已核实, by the finding's key (kind, person, year or dates).
    "CREATE TABLE audit_marks (
        key TEXT PRIMARY KEY,
        person_id TEXT NOT NULL,
        reason TEXT NOT NULL,
        by TEXT NOT NULL,
        at TEXT NOT NULL
     );",
    // 15: report packages received from the organs (上报 → 汇总): each package as received, its
    // parts' bytes, and which later package of the same organ and year replaced it.
    "CREATE TABLE packages (
        id INTEGER PRIMARY KEY,
        organ TEXT NOT NULL,
        year INTEGER NOT NULL,
        file TEXT NOT NULL,
        sha256 TEXT NOT NULL,
        manifest TEXT NOT NULL,
        received_at TEXT NOT NULL,
        received_by TEXT NOT NULL,
        replaced_by INTEGER REFERENCES packages(id)
     );
     CREATE INDEX packages_by_year ON packages(year, organ);
     CREATE TABLE package_parts (
        package_id INTEGER NOT NULL REFERENCES packages(id),
        name TEXT NOT NULL,
        content BLOB NOT NULL,
        PRIMARY KEY (package_id, name)
     );",
    // 16: what a first import writes, made smaller. A year's results kept in the order of their
    // key (person, year) instead of beside a rowid: the key is the table, one b-tree instead of
    // a table and an index. And no history row for each person an import adds: the person's
    // `first_import` says it (the history reads it so); the rows of before go where it does.
    "DELETE FROM person_history WHERE field = 'added'
        AND import_id = (SELECT p.first_import FROM people p WHERE p.id = person_history.person_id);
     ALTER TABLE annual_results RENAME TO annual_results_before_16;
     CREATE TABLE annual_results (
        person_id TEXT NOT NULL REFERENCES people(id),
        year INTEGER NOT NULL,
        code TEXT NOT NULL,
        PRIMARY KEY (person_id, year)
     ) WITHOUT ROWID;
     INSERT INTO annual_results (person_id, year, code) SELECT person_id, year, code FROM annual_results_before_16;
     DROP TABLE annual_results_before_16;",
    // 17: the ranks each person held, as the roster's 职级变动 sheet lists them (核查 holds the
    // promotions between them against the rules): the rank from a date, where it was written
    // (「职级变动」表第5行), its 文号/备注 and the import that brought it. A person's records are
    // replaced as a whole by an import that lists any.
    "CREATE TABLE rank_records (
        person_id TEXT NOT NULL REFERENCES people(id),
        since TEXT NOT NULL,
        rank TEXT NOT NULL,
        source TEXT NOT NULL,
        note TEXT,
        import_id INTEGER NOT NULL REFERENCES imports(id),
        PRIMARY KEY (person_id, since)
     ) WITHOUT ROWID;",
];

/// The schema version this build writes.
pub const SCHEMA_VERSION: i32 = MIGRATIONS.len() as i32;

/// Applies migrations up to `target` (a count; tests use less than all to build old databases).
pub fn migrate(conn: &mut Connection, path: &str, target: usize) -> Result<(), StoreError> {
    let current: i32 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
    if current > SCHEMA_VERSION {
        return Err(StoreError::TooNew { path: path.to_string(), found: current, supported: SCHEMA_VERSION });
    }
    // All that are due in one transaction: a new database is written once, and an upgrade
    // that fails leaves the file at the version it had.
    let target = target.min(MIGRATIONS.len());
    let due = target.saturating_sub(current.max(0) as usize);
    if due == 0 {
        return Ok(());
    }
    let tx = conn.transaction()?;
    for sql in MIGRATIONS.iter().take(target).skip(current.max(0) as usize) {
        tx.execute_batch(sql)?;
    }
    tx.pragma_update(None, "user_version", target as i32)?;
    tx.commit()?;
    Ok(())
}

/// Builds a database at an older schema version, for upgrade tests.
#[doc(hidden)]
pub fn create_at_version(path: &std::path::Path, version: usize) -> Result<Connection, StoreError> {
    let mut conn = crate::connection::open(path, crate::connection::Mode::ReadWrite, None)?;
    conn.pragma_update(None, "application_id", super::APPLICATION_ID)?;
    migrate(&mut conn, &path.display().to_string(), version)?;
    Ok(conn)
}
