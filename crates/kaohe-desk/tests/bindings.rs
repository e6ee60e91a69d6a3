//! The TypeScript contract of the IPC: every type a command returns (or takes as a structured
//! argument) is written to `ui/src/api/generated/` from its Rust definition with ts-rs, one file
//! per type (its dependencies included), `commands.ts` (each command's name, arguments and answer,
//! read from its `#[tauri::command]` function: `COMMAND_NAMES`, `CommandName` and `Commands`,
//! what `call` takes and gives), `constants.ts` (the closed sets the UI needs at run time: error
//! codes, grades, result codes, printed documents) and `index.ts` re-exporting them all.
//!
//! - `KAOHE_BLESS=1 cargo test -p kaohe-desk --test bindings` (re)writes the folder. It needs
//!   neither the shell nor a built UI: the shell's own answers are in `kaohe_desk::ipc`, its
//!   commands are listed in src-tauri/src/command_list.rs and their functions are read (with
//!   syn) from src-tauri/src.
//! - Without it, the files are generated into a temporary folder and compared with the committed
//!   ones: a Rust change that alters the contract fails here until the bindings are blessed (and
//!   then `vue-tsc` shows every UI use that no longer fits).
//!
//! A new command DTO derives `ts_rs::TS` behind its crate's `ts` feature (this crate's test turns
//! it on through its dev-dependency on itself) and gets one line in [`ipc_types`].

use std::any::TypeId;
use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::path::{Path, PathBuf};

use quote::ToTokens;
use ts_rs::{Config, ExportError, TypeVisitor, TS};

/// The shell's commands (src-tauri/src/command_list.rs, the list its handler serves and its build
/// grants): each one's module, a file of src-tauri/src, and its name.
mod shell {
    macro_rules! commands {
        ($($module:ident :: $command:ident),* $(,)?) => {
            pub const COMMANDS: &[(&str, &str)] = &[$((stringify!($module), stringify!($command))),*];
        };
    }

    include!("../../../src-tauri/src/command_list.rs");
}

/// Writes the bindings of every IPC type, with the types they refer to, into the config's folder.
fn export_all(cfg: &Config) -> Result<(), ExportError> {
    struct Export<'a>(&'a Config, Result<(), ExportError>);
    impl TypeVisitor for Export<'_> {
        fn visit<T: TS + 'static + ?Sized>(&mut self) {
            if self.1.is_ok() {
                self.1 = T::export_all(self.0);
            }
        }
    }
    let mut export = Export(cfg, Ok(()));
    ipc_types(&mut export);
    export.1
}

/// Visits every type that crosses IPC (the types they refer to are theirs to visit).
fn ipc_types(v: &mut impl TypeVisitor) {
    // The shell's own DTOs (src-tauri/src).
    v.visit::<kaohe_desk::error::CommandError>();
    v.visit::<kaohe_desk::ipc::AppInfo>();
    v.visit::<kaohe_desk::ipc::ImportOutcome>();
    v.visit::<kaohe_store::LogEntry>();
    v.visit::<kaohe_desk::ipc::PrintPreview>();
    v.visit::<kaohe_desk::ipc::ExportProgress>();
    // 导入 (kaohe_desk::import, the drops import.rs), with kaohe_workbook::MappedColumn and
    // kaohe_store::ImportPlan.
    v.visit::<kaohe_desk::import::ImportRequest>();
    v.visit::<kaohe_desk::import::ImportLayout>();
    v.visit::<kaohe_desk::import::ImportReport>();
    v.visit::<kaohe_desk::import::ImportProgress>();
    v.visit::<kaohe_desk::ipc::DropEvent>();
    // 人员 (people.rs), with kaohe_engine::Person as PersonRecord.
    v.visit::<kaohe_store::PeopleFilters>();
    v.visit::<kaohe_store::PeopleQuery>();
    v.visit::<kaohe_store::PeoplePage>();
    v.visit::<kaohe_desk::person::PersonDetail>();
    // 工作台 (dashboard.rs).
    v.visit::<kaohe_desk::dashboard::Dashboard>();
    v.visit::<kaohe_desk::audit::AuditReport>();
    v.visit::<kaohe_desk::whatif::AssessmentComparison>();
    v.visit::<kaohe_desk::whatif::PromotionComparison>();
    v.visit::<kaohe_desk::whatif::AssessmentTry>();
    v.visit::<kaohe_desk::whatif::PromotionTry>();
    v.visit::<kaohe_desk::summary::Summary>();
    v.visit::<kaohe_desk::summary::Receipts>();
    v.visit::<kaohe_desk::organs::SupervisedOrgan>();
    v.visit::<kaohe_desk::organs::OrganChange>();
    v.visit::<kaohe_desk::shared_slots::SharedPoolList>();
    v.visit::<kaohe_desk::shared_slots::SharedPoolRequest>();
    // 设置 (settings.rs) and the rule profile in force (rules.rs), with kaohe_store::settings.
    v.visit::<kaohe_desk::ipc::SettingsInfo>();
    v.visit::<kaohe_desk::ipc::BackupOutcome>();
    v.visit::<kaohe_desk::ipc::RestoreOutcome>();
    v.visit::<kaohe_desk::ipc::DatabaseLock>();
    v.visit::<kaohe_desk::ipc::PasswordChange>();
    v.visit::<kaohe_store::settings::BackupInfo>();
    v.visit::<kaohe_desk::ipc::ProfileInfo>();
    v.visit::<kaohe_desk::ipc::ProfileLoad>();
    // 操作日志 (log.rs): kaohe_store's merged log.
    v.visit::<kaohe_store::operations::Operation>();
    // The engine's reports and the rule profile (the JSON contracts of docs/cli.md).
    v.visit::<kaohe_engine::report::PromotionReport>();
    v.visit::<kaohe_engine::assessment::report::AssessmentReport>();
    v.visit::<kaohe_engine::Profile>();
    // 打印: the printed documents (constants.ts's PRINT_DOCUMENTS) and what each is computed from.
    v.visit::<kaohe_print::Document>();
    v.visit::<kaohe_print::Basis>();
    // The workbook reader's problems (`issues` of `kaohe import --json`).
    v.visit::<kaohe_workbook::Issue>();
}

const NOTE: &str =
    "// This file was generated by crates/kaohe-desk/tests/bindings.rs. Do not edit this file manually.\n";

fn generated_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../ui/src/api/generated")
}

/// Generates the bindings into `dir` (which must not hold any yet): the type files, then
/// `index.ts` re-exporting each type from its file.
fn generate(dir: &Path) {
    // JSON numbers: the counts and hundredths held in u64/i64 are far below 2^53.
    let cfg = Config::new().with_out_dir(dir).with_large_int("number");
    export_all(&cfg).unwrap_or_else(|e| panic!("exporting the bindings into {}: {e}", dir.display()));
    let files = ts_files(dir);
    let mut index = String::from(NOTE);
    for name in files.keys() {
        let ty = name.trim_end_matches(".ts");
        index.push_str(&format!("export type {{ {ty} }} from './{ty}';\n"));
    }
    let commands = commands_ts(&cfg, &files);
    std::fs::write(dir.join("commands.ts"), commands).expect("writing commands.ts");
    index.push_str("export { COMMAND_NAMES, type CommandName, type Commands } from './commands';\n");
    std::fs::write(dir.join("constants.ts"), constants()).expect("writing constants.ts");
    index.push_str(
        "export { ERROR_CODES, FINDING_KINDS, GRADES, LOG_ACTIONS, NATIONAL_CODES, OPERATION_KINDS, PRINT_DOCUMENTS, RESULT_LABELS, UNGRADED_CODES } from './constants';\n",
    );
    std::fs::write(dir.join("index.ts"), index).expect("writing index.ts");
}

/// `commands.ts`: every command by name (`COMMAND_NAMES`, `CommandName`) and, in `Commands`, its
/// arguments and answer as its `#[tauri::command]` function in src-tauri/src declares them.
/// `files` are the type files generated, which the named types must be among.
fn commands_ts(cfg: &Config, files: &BTreeMap<String, String>) -> String {
    let mut names = TsNames { cfg, seen: HashSet::new(), names: BTreeMap::new() };
    ipc_types(&mut names);
    let functions = command_functions();
    let listed: BTreeSet<&str> = shell::COMMANDS.iter().map(|(_, name)| *name).collect();
    let unlisted: Vec<&String> = functions.keys().filter(|name| !listed.contains(name.as_str())).collect();
    assert!(
        unlisted.is_empty(),
        "#[tauri::command] functions not in src-tauri/src/command_list.rs (the web view could not call them): {unlisted:?}"
    );
    let mut ts = Signatures { names: &names.names, types: BTreeSet::new(), channel: false };
    let mut entries = String::new();
    for (module, name) in shell::COMMANDS {
        let (file, function) = functions.get(*name).unwrap_or_else(|| {
            panic!("command_list.rs names {module}::{name}, which is no #[tauri::command] function")
        });
        assert_eq!(file, &format!("{module}.rs"), "command_list.rs names {module}::{name}, but it is in {file}");
        let signature = ts.command(function).unwrap_or_else(|why| panic!("{module}::{name}: {why}"));
        entries.push_str(&format!("  {name}: {signature};\n"));
    }
    let mut out = String::from(NOTE);
    out.push('\n');
    if ts.channel {
        out.push_str("import type { Channel } from '@tauri-apps/api/core';\n");
    }
    for ty in &ts.types {
        assert!(files.contains_key(&format!("{ty}.ts")), "a command names {ty}, which has no file of its own");
        out.push_str(&format!("import type {{ {ty} }} from './{ty}';\n"));
    }
    out.push_str(
        "\n/** Every command the shell answers, by name (src-tauri/src/command_list.rs): the names `call` takes. */\n",
    );
    out.push_str("export const COMMAND_NAMES = [\n");
    for (_, name) in shell::COMMANDS {
        out.push_str(&format!("  '{name}',\n"));
    }
    out.push_str("] as const;\n\nexport type CommandName = (typeof COMMAND_NAMES)[number];\n");
    out.push_str(
        "\n/**\n * Each command's arguments, named as Tauri takes them (camelCase; an `Option` may be left out),\n * and its answer, from its `#[tauri::command]` function in src-tauri/src. The shell's own\n * parameters (`State`, `AppHandle`, windows) are not the web view's to give.\n */\n",
    );
    out.push_str("export interface Commands {\n");
    out.push_str(&entries);
    out.push_str("}\n");
    out
}

/// The TypeScript name of each type that crosses IPC, by its name in Rust (the name a command's
/// signature uses): the types of [`ipc_types`] and every type they refer to.
struct TsNames<'a> {
    cfg: &'a Config,
    seen: HashSet<TypeId>,
    names: BTreeMap<String, BTreeSet<String>>,
}

impl TypeVisitor for TsNames<'_> {
    fn visit<T: TS + 'static + ?Sized>(&mut self) {
        if !self.seen.insert(TypeId::of::<T>()) {
            return;
        }
        if T::output_path().is_some() {
            let path = std::any::type_name::<T>();
            let path = path.split('<').next().unwrap_or(path);
            let rust = path.rsplit("::").next().unwrap_or(path);
            self.names.entry(rust.to_owned()).or_default().insert(T::ident(self.cfg));
        }
        T::visit_dependencies(self);
        T::visit_generics(self);
    }
}

/// Every `#[tauri::command]` function of src-tauri/src by name, with the file it is in.
fn command_functions() -> BTreeMap<String, (String, syn::ItemFn)> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../src-tauri/src");
    let mut functions = BTreeMap::new();
    for (file, text) in rust_files(&src) {
        let parsed = syn::parse_file(&text).unwrap_or_else(|e| panic!("src-tauri/src/{file}: {e}"));
        for item in parsed.items {
            let syn::Item::Fn(function) = item else { continue };
            let Some(attr) = function.attrs.iter().find(|a| is_command(a.path())) else { continue };
            let name = function.sig.ident.to_string();
            // `#[tauri::command]` or `(async)`; `rename_all` and the like would change the names.
            if let syn::Meta::List(list) = &attr.meta {
                assert_eq!(
                    list.tokens.to_string(),
                    "async",
                    "{name}: the generator does not know #[{}]",
                    attr.meta.to_token_stream()
                );
            }
            if let Some((other, _)) = functions.insert(name.clone(), (file.clone(), function)) {
                panic!("two commands named {name}, in {other} and {file}");
            }
        }
    }
    functions
}

fn is_command(path: &syn::Path) -> bool {
    let segments: Vec<String> = path.segments.iter().map(|s| s.ident.to_string()).collect();
    segments == ["tauri", "command"]
}

/// The `.rs` files of a folder by name, with their text.
fn rust_files(dir: &Path) -> BTreeMap<String, String> {
    let entries = std::fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    entries
        .map(|e| e.expect("folder entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "rs"))
        .map(|p| {
            let name = p.file_name().expect("file name").to_string_lossy().into_owned();
            (name, std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display())))
        })
        .collect()
}

/// Commands' signatures in TypeScript, with the generated types they name and whether they take
/// a `Channel`.
struct Signatures<'a> {
    names: &'a BTreeMap<String, BTreeSet<String>>,
    types: BTreeSet<String>,
    channel: bool,
}

impl Signatures<'_> {
    /// `{ args: { … }; answer: … }` of a command's function; `Err` names what it cannot write.
    fn command(&mut self, function: &syn::ItemFn) -> Result<String, String> {
        let mut args = Vec::new();
        for input in &function.sig.inputs {
            let syn::FnArg::Typed(arg) = input else { return Err("a command takes no self".to_owned()) };
            let syn::Pat::Ident(pat) = &*arg.pat else {
                return Err(format!("an argument that is not a plain name, {}", arg.pat.to_token_stream()));
            };
            if is_injected(&arg.ty) {
                continue;
            }
            let key = camel_case(&pat.ident.to_string());
            match generic(&arg.ty, "Option") {
                Some(inner) => args.push(format!("{key}?: {} | null", self.ts(inner)?)),
                None => args.push(format!("{key}: {}", self.ts(&arg.ty)?)),
            }
        }
        let answer = match &function.sig.output {
            syn::ReturnType::Default => "null".to_owned(),
            syn::ReturnType::Type(_, ty) => self.ts(generic(ty, "Result").unwrap_or(ty))?,
        };
        let args =
            if args.is_empty() { "Record<never, never>".to_owned() } else { format!("{{ {} }}", args.join("; ")) };
        Ok(format!("{{ args: {args}; answer: {answer} }}"))
    }

    /// The TypeScript of a Rust type in a command's signature; `Err` names a type it does not know.
    fn ts(&mut self, ty: &syn::Type) -> Result<String, String> {
        let unknown = || format!("the generator does not know the Rust type `{}`", ty.to_token_stream());
        let path = match ty {
            syn::Type::Reference(r) => return self.ts(&r.elem),
            syn::Type::Tuple(t) if t.elems.is_empty() => return Ok("null".to_owned()),
            syn::Type::Path(p) if p.qself.is_none() => &p.path,
            _ => return Err(unknown()),
        };
        let last = path.segments.last().ok_or_else(unknown)?;
        let arguments: Vec<&syn::Type> = match &last.arguments {
            syn::PathArguments::None => Vec::new(),
            syn::PathArguments::AngleBracketed(a) => a
                .args
                .iter()
                .filter_map(|a| match a {
                    syn::GenericArgument::Type(t) => Some(t),
                    _ => None,
                })
                .collect(),
            syn::PathArguments::Parenthesized(_) => return Err(unknown()),
        };
        let ident = last.ident.to_string();
        Ok(match (ident.as_str(), arguments.as_slice()) {
            ("String" | "str" | "PathBuf", []) => "string".to_owned(),
            ("bool", []) => "boolean".to_owned(),
            ("i8" | "i16" | "i32" | "i64" | "isize" | "u8" | "u16" | "u32" | "u64" | "usize" | "f32" | "f64", []) => {
                "number".to_owned()
            }
            ("Option", [inner]) => format!("{} | null", self.ts(inner)?),
            ("Vec", [inner]) => match self.ts(inner)? {
                item if item.contains(' ') => format!("({item})[]"),
                item => format!("{item}[]"),
            },
            ("Channel", [inner]) => {
                self.channel = true;
                format!("Channel<{}>", self.ts(inner)?)
            }
            (_, []) if ident.starts_with(char::is_uppercase) => {
                match self.names.get(&ident).map(|names| names.iter().collect::<Vec<_>>()).as_deref() {
                    Some([name]) => {
                        self.types.insert((*name).clone());
                        (*name).clone()
                    }
                    Some(names) => return Err(format!("the Rust type {ident} may be any of {names:?} in TypeScript")),
                    None => return Err(format!("{ident} is no type of the bindings (add it to ipc_types)")),
                }
            }
            _ => return Err(unknown()),
        })
    }
}

/// Whether a parameter is the shell's to fill in (Tauri gives it), not the web view's.
fn is_injected(ty: &syn::Type) -> bool {
    let syn::Type::Path(p) = ty else { return false };
    p.path.segments.last().is_some_and(|s| {
        matches!(s.ident.to_string().as_str(), "State" | "AppHandle" | "Window" | "WebviewWindow" | "Webview")
    })
}

/// The type inside `Wrapper<T, …>` (`Option`, `Result`), if `ty` is one.
fn generic<'a>(ty: &'a syn::Type, wrapper: &str) -> Option<&'a syn::Type> {
    let syn::Type::Path(p) = ty else { return None };
    let last = p.path.segments.last().filter(|s| s.ident == wrapper)?;
    let syn::PathArguments::AngleBracketed(a) = &last.arguments else { return None };
    a.args.iter().find_map(|a| match a {
        syn::GenericArgument::Type(t) => Some(t),
        _ => None,
    })
}

/// `on_progress` → `onProgress`: the key Tauri reads an argument from.
fn camel_case(snake: &str) -> String {
    let mut out = String::new();
    for (i, word) in snake.split('_').enumerate() {
        let mut chars = word.chars();
        match chars.next() {
            Some(first) if i > 0 => out.extend(first.to_uppercase().chain(chars)),
            Some(first) => out.extend(std::iter::once(first).chain(chars)),
            None => {}
        }
    }
    out
}

/// The closed sets the UI needs at run time, as the Rust code has them: the error codes, the
/// grades, the national result codes and their labels, the printed documents.
fn constants() -> String {
    use kaohe_engine::{Grade, ResultCode};
    use kaohe_print::Document;
    let quoted = |items: Vec<String>| items.iter().map(|i| format!("'{i}'")).collect::<Vec<_>>().join(", ");
    let serde_name = |v: serde_json::Value| -> String {
        match v {
            serde_json::Value::String(s) => s,
            serde_json::Value::Object(o) => o.values().next().and_then(|v| v.as_str()).unwrap_or_default().to_owned(),
            other => panic!("not a name: {other}"),
        }
    };
    let errors: Vec<String> = kaohe_desk::error::ErrorCode::ALL
        .iter()
        .map(|c| serde_name(serde_json::to_value(c).expect("error code")))
        .collect();
    // Each value as serde writes it, so a constant holds exactly what crosses the IPC.
    let json = |v: serde_json::Result<serde_json::Value>| serde_name(v.expect("a closed set's value"));
    let grades: Vec<String> = Grade::ALL.into_iter().map(|g| json(serde_json::to_value(g.named()))).collect();
    let code = |c: ResultCode| json(serde_json::to_value(c.national()));
    let ungraded: Vec<String> =
        ResultCode::ALL.into_iter().filter(|c| !matches!(c, ResultCode::Graded(_))).map(code).collect();
    let national: Vec<String> =
        ResultCode::ALL.into_iter().map(|c| format!("  {}: '{}',", json(serde_json::to_value(c)), code(c))).collect();
    let labels: Vec<String> =
        ResultCode::ALL.into_iter().map(|c| format!("  '{}': '{}',", code(c), c.label())).collect();
    let documents: Vec<String> = Document::ALL
        .into_iter()
        .map(|d| {
            format!(
                "  {{ doc: '{}', description: '{}', basis: '{}', publicity: {} }},",
                json(serde_json::to_value(d)),
                d.description(),
                json(serde_json::to_value(d.basis())),
                d.publicity()
            )
        })
        .collect();
    let finding_kinds: Vec<String> = kaohe_engine::audit::FindingKind::ALL
        .into_iter()
        .map(|k| format!("  {}: '{}',", k.code(), k.label()))
        .collect();
    let names = |all: Vec<&str>| quoted(all.into_iter().map(str::to_owned).collect());
    let operation_kinds = names(kaohe_store::OperationKind::ALL.iter().map(|k| k.name()).collect());
    let log_actions = names(kaohe_store::LogAction::ALL.iter().map(|a| a.name()).collect());
    let mut out = String::from(NOTE);
    out.push_str("\nimport type { ErrorCode } from './ErrorCode';\nimport type { FindingKind } from './FindingKind';\nimport type { Grade } from './Grade';\nimport type { LogAction } from './LogAction';\nimport type { OperationKind } from './OperationKind';\nimport type { PrintBasis } from './PrintBasis';\nimport type { PrintDoc } from './PrintDoc';\nimport type { ResultCode } from './ResultCode';\n");
    out.push_str(&format!(
        "\n/** Every code the shell may send in an error, in `ErrorCode`'s order (crates/kaohe-desk/src/error.rs). */\nexport const ERROR_CODES = [{}] as const satisfies readonly ErrorCode[];\n",
        quoted(errors)
    ));
    out.push_str(&format!(
        "\n/** Every kind of entry of the 操作日志, in the order its filter offers them (kaohe_store::OperationKind). */\nexport const OPERATION_KINDS = [{operation_kinds}] as const satisfies readonly OperationKind[];\n"
    ));
    out.push_str(&format!(
        "\n/** What an entry of a year's assessment log records (kaohe_store::LogAction). */\nexport const LOG_ACTIONS = [{log_actions}] as const satisfies readonly LogAction[];\n"
    ));
    out.push_str(&format!(
        "\n/** 优秀, 称职, 基本称职, 不称职: every `Grade`, best first. */\nexport const GRADES = [{}] as const satisfies readonly Grade[];\n",
        quoted(grades)
    ));
    out.push_str(&format!(
        "\n/** The codes of people who are not graded (不定等次 / 不参加考核 / 其他): every code but \"1\"–\"4\". */\nexport const UNGRADED_CODES = [{}] as const satisfies readonly ResultCode[];\n",
        quoted(ungraded)
    ));
    out.push_str(&format!(
        "\n/** The national system's code of each result, by its name in the rule profile's JSON (`ResultCodeJson`). */\nexport const NATIONAL_CODES = {{\n{}\n}} as const satisfies Record<string, ResultCode>;\n",
        national.join("\n")
    ));
    out.push_str(&format!(
        "\n/** Each result by its national code, named as the rules name it (`ResultCode::label`): the grade, or why not graded. */\nexport const RESULT_LABELS = {{\n{}\n}} as const satisfies Record<ResultCode, string>;\n",
        labels.join("\n")
    ));
    out.push_str(&format!(
        "\n/** 核查's kinds of finding, in the order the audit lists them, each named as the page and the workbook name it (`FindingKind::label`). */\nexport const FINDING_KINDS = {{\n{}\n}} as const satisfies Record<FindingKind, string>;\n",
        finding_kinds.join("\n")
    ));
    out.push_str(&format!(
        "\n/** The printed documents (kaohe_print::Document), by the names the shell takes (`kaohe print --doc`), with what each is computed from (`year`: a year's assessment; `as_of`: promotion on a date; `packages`: the year's report packages a 汇总 database received) and whether it has a 公示 period. */\nexport const PRINT_DOCUMENTS = [\n{}\n] as const satisfies readonly {{ doc: PrintDoc; description: string; basis: PrintBasis; publicity: boolean }}[];\n",
        documents.join("\n")
    ));
    out
}

/// The `.ts` files of a folder by name, with their text.
fn ts_files(dir: &Path) -> BTreeMap<String, String> {
    let Ok(entries) = std::fs::read_dir(dir) else { return BTreeMap::new() };
    entries
        .map(|e| e.expect("folder entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "ts"))
        .map(|p| {
            let name = p.file_name().expect("file name").to_string_lossy().into_owned();
            let text = std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
            // A Windows checkout may have turned the committed files' line ends into CRLF.
            (name, text.replace("\r\n", "\n"))
        })
        .collect()
}

#[test]
fn typescript_bindings_match_the_rust_types() {
    let committed = generated_dir();
    if std::env::var_os("KAOHE_BLESS").is_some_and(|v| v == "1") {
        if committed.exists() {
            std::fs::remove_dir_all(&committed).expect("removing the old bindings");
        }
        std::fs::create_dir_all(&committed).expect("creating ui/src/api/generated");
        generate(&committed);
        return;
    }
    let fresh = tempfile::tempdir().expect("temporary folder");
    generate(fresh.path());
    let (expected, actual) = (ts_files(fresh.path()), ts_files(&committed));
    let mut stale: Vec<String> = Vec::new();
    for (name, text) in &expected {
        match actual.get(name) {
            None => stale.push(format!("{name} is missing")),
            Some(old) if old != text => stale.push(format!("{name} differs")),
            Some(_) => {}
        }
    }
    stale.extend(
        actual.keys().filter(|name| !expected.contains_key(*name)).map(|name| format!("{name} is no longer generated")),
    );
    assert!(
        stale.is_empty(),
        "ui/src/api/generated/ does not match the Rust types ({}).\nRegenerate it with `KAOHE_BLESS=1 cargo test -p kaohe-desk --test bindings`, then run `npx vue-tsc --noEmit` in ui/ and fix what no longer fits.",
        stale.join("; ")
    );
}

#[test]
fn a_command_in_typescript() {
    let names = BTreeMap::from([
        ("Mark".to_owned(), BTreeSet::from(["FindingMark".to_owned()])),
        ("PersonReport".to_owned(), BTreeSet::from(["AssessedPerson".to_owned(), "PromotionPerson".to_owned()])),
    ]);
    let mut ts = Signatures { names: &names, types: BTreeSet::new(), channel: false };
    let marks: syn::ItemFn = syn::parse_quote! {
        #[tauri::command(async)]
        pub fn marks(
            app: AppHandle,
            state: State<'_, AppState>,
            as_of: Option<String>,
            keys: Vec<Option<&str>>,
            on_progress: tauri::ipc::Channel<Mark>,
        ) -> Result<Option<Vec<Mark>>, CommandError> {
            todo!()
        }
    };
    assert_eq!(
        ts.command(&marks).as_deref(),
        Ok("{ args: { asOf?: string | null; keys: (string | null)[]; onProgress: Channel<FindingMark> }; answer: FindingMark[] | null }")
    );
    assert_eq!((ts.types, ts.channel), (BTreeSet::from(["FindingMark".to_owned()]), true));
    let mut ts = Signatures { names: &names, types: BTreeSet::new(), channel: false };
    let cancel: syn::ItemFn =
        syn::parse_quote! { pub fn cancel(shell: State<'_, Shell>) -> Result<(), CommandError> {} };
    assert_eq!(ts.command(&cancel).as_deref(), Ok("{ args: Record<never, never>; answer: null }"));
    // What the generator does not know fails, naming it, rather than guessing.
    for (function, why) in [
        (
            syn::parse_quote! { fn f(counts: HashMap<String, u32>) {} },
            "the generator does not know the Rust type `HashMap < String , u32 >`",
        ),
        (
            syn::parse_quote! { fn f() -> Result<Person, CommandError> {} },
            "Person is no type of the bindings (add it to ipc_types)",
        ),
        (syn::parse_quote! { fn f(big: u128) {} }, "the generator does not know the Rust type `u128`"),
        (
            syn::parse_quote! { fn f(person: PersonReport) {} },
            r#"the Rust type PersonReport may be any of ["AssessedPerson", "PromotionPerson"] in TypeScript"#,
        ),
    ] {
        assert_eq!(ts.command(&function), Err(why.to_owned()));
    }
}
