//! The command line's words, on clap: the commands and flags of docs/cli.md, each command taking
//! only its own flags (and the common ones), Chinese help for every command (`kaohe import
//! --help`), Chinese errors, and completion scripts (`kaohe completions bash`). What clap parses
//! becomes [`Options`], which the commands read; their values (dates, years, percents) are
//! checked by the commands, in their words.

use std::path::PathBuf;

use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{Args, CommandFactory, FromArgMatches, Parser, Subcommand};

use super::{Failure, Options, USAGE};

/// Flags every command takes.
#[derive(Args, Debug, Default)]
struct Common {
    /// 数据库文件（默认：本机数据目录中的 kaohe.db）
    #[arg(long, global = true, value_name = "PATH")]
    db: Option<PathBuf>,
    /// 规则文件（TOML；默认：全国默认规则）
    #[arg(long, global = true, value_name = "FILE")]
    profile: Option<PathBuf>,
    /// 以 JSON 输出（docs/cli.md）
    #[arg(long, global = true)]
    json: bool,
    /// 操作人（记入操作记录；默认：KAOHE_OPERATOR，或登录名）
    #[arg(long, global = true, value_name = "姓名")]
    by: Option<String>,
}

#[derive(Parser, Debug)]
#[command(name = "kaohe", override_help = USAGE, disable_version_flag = true)]
struct Cli {
    #[command(flatten)]
    common: Common,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// 写出标准名册模板
    Template {
        /// 模板文件
        #[arg(value_name = "OUT.xlsx")]
        out: PathBuf,
    },
    /// 导入名册，或带 --year 导入国家系统年度考核导入表
    Import(Import),
    /// 计算职级晋升资格
    Promote(Promote),
    /// 年度考核：计算，或考核委员会的决定
    Assess(Assess),
    /// 生成打印文书（HTML）
    Print(Print),
    /// 核查历史记录：列出可能有误的考核结果、晋升、职级和人员记录
    Audit(Audit),
    /// 上报：把某单位已定稿年度的考核结果、晋升人选和所用规则打包成一个文件
    #[command(name = "report-package")]
    ReportPackage {
        /// 考核年度（须已定稿）
        #[arg(long, value_name = "YYYY")]
        year: Option<String>,
        /// 上报的单位
        #[arg(long, value_name = "单位")]
        organ: Option<String>,
        /// 晋升人选的计算日期（默认：该年12月31日）
        #[arg(long = "as-of", value_name = "YYYY-MM-DD")]
        as_of: Option<String>,
        /// 上报文件
        #[arg(long, value_name = "FILE.kaohe")]
        out: Option<PathBuf>,
    },
    /// 汇总：接收各单位的上报文件（先逐个校验，不合格的不接收）
    Receive {
        /// 上报文件（可多个）
        #[arg(value_name = "FILE", required = true)]
        files: Vec<String>,
        /// 确认用新文件替换已接收的同一单位同一年度的上报
        #[arg(long)]
        replace: bool,
    },
    /// 汇总：各单位的考核结果、优秀比例、晋升与职数，未上报的单位，冲突
    Summary {
        /// 考核年度
        #[arg(long, value_name = "YYYY")]
        year: Option<String>,
        /// 写出汇总工作簿
        #[arg(long, value_name = "汇总.xlsx")]
        out: Option<PathBuf>,
    },
    /// 汇总：所辖单位名单（列出、从表格导入、添加、删除）
    Organs {
        /// 从表格导入（.xlsx 或 .xls，有「机构名称」或「单位名称」列，可有「机构级别」列）
        #[arg(long, value_name = "FILE", conflicts_with_all = ["add", "remove"])]
        from: Option<String>,
        /// 添加单位（可多个）
        #[arg(long, value_name = "单位", num_args = 1.., conflicts_with = "remove")]
        add: Vec<String>,
        /// 与 --add 一起：所添加单位的机构级别
        #[arg(long, value_name = "机构级别", requires = "add")]
        level: Option<String>,
        /// 删除单位（可多个；有人员的单位不能删除）
        #[arg(long, value_name = "单位", num_args = 1..)]
        remove: Vec<String>,
        /// 列出时：各单位这一年度是否已上报
        #[arg(long, value_name = "YYYY", conflicts_with_all = ["from", "add", "remove"])]
        year: Option<String>,
    },
    /// 汇总：统筹职数（几个单位共用一个职数池的核定职数；本地做法，须写明依据）
    #[command(name = "shared-pool")]
    SharedPool {
        /// 列出已定义的统筹职数（不写其他选项时也是列出）
        #[arg(long, conflicts_with_all = ["set", "remove"])]
        list: bool,
        /// 设置（新增或替换）这个名称的统筹职数
        #[arg(long, value_name = "名称", conflicts_with = "remove", requires_all = ["pool", "approved", "organs", "source"])]
        set: Option<String>,
        /// 职数池（规则中的职数池名称）
        #[arg(long, value_name = "职数池", requires = "set")]
        pool: Option<String>,
        /// 统筹的核定职数
        #[arg(long, value_name = "N", requires = "set", allow_hyphen_values = true)]
        approved: Option<String>,
        /// 成员单位（逗号分隔，须在所辖单位名单中）
        #[arg(long, value_name = "单位,单位,…", requires = "set")]
        organs: Option<String>,
        /// 依据（如批准文件的文号）
        #[arg(long, value_name = "依据", requires = "set")]
        source: Option<String>,
        /// 删除这个名称的统筹职数
        #[arg(long, value_name = "名称")]
        remove: Option<String>,
    },
    /// 对比：试一项改变（比例、分池、规则文件、日期），列出结果因此改变的人员，不保存
    Whatif {
        #[command(subcommand)]
        what: WhatIf,
    },
    /// 显示规则
    Profile,
    /// 设置、更改或取消数据库密码（新密码取自 KAOHE_DB_NEW_PASSWORD）
    Password {
        /// 取消密码
        #[arg(long)]
        remove: bool,
    },
    /// 输出命令行补全脚本（bash、zsh、fish、powershell、elvish）
    Completions {
        /// 命令行环境
        shell: clap_complete::Shell,
    },
}

#[derive(Args, Debug)]
struct Import {
    /// 名册文件（.xlsx .xlsm .xls .ods .csv）
    #[arg(value_name = "FILE")]
    file: String,
    /// 人员所在的工作表（不叫「人员」、按表头也认不出时）
    #[arg(long, value_name = "工作表")]
    sheet: Option<String>,
    /// 列对应文件（[columns] 表头 = 字段）
    #[arg(long, value_name = "列对应.toml")]
    mapping: Option<PathBuf>,
    /// 确认为改名的身份证号（可多个，逗号分隔，可重复）
    #[arg(long = "confirm-rename", value_name = "身份证号")]
    renames: Vec<String>,
    /// 只检查，不写入数据库
    #[arg(long)]
    check: bool,
    /// 写出问题清单（标出问题单元格）
    #[arg(long, value_name = "问题清单.xlsx")]
    report: Option<PathBuf>,
    /// 国家系统年度考核导入表的年度
    #[arg(long, value_name = "YYYY")]
    year: Option<String>,
}

#[derive(Args, Debug)]
struct Promote {
    /// 资格计算截至日期
    #[arg(long = "as-of", value_name = "YYYY-MM-DD")]
    as_of: Option<String>,
    /// 从名册文件计算（不用数据库）
    #[arg(long, value_name = "FILE")]
    roster: Option<PathBuf>,
    /// 写出结果工作簿
    #[arg(long, value_name = "RESULT.xlsx")]
    out: Option<PathBuf>,
}

#[derive(Args, Debug)]
#[command(args_conflicts_with_subcommands = false)]
struct Assess {
    #[command(subcommand)]
    action: Option<Decision>,
    /// 考核年度
    #[arg(long, value_name = "YYYY")]
    year: Option<String>,
    /// 从名册文件计算（不用数据库）
    #[arg(long, value_name = "FILE")]
    roster: Option<PathBuf>,
    /// 写出结果工作簿
    #[arg(long, value_name = "RESULT.xlsx")]
    out: Option<PathBuf>,
    /// 写出国家系统年度考核导入表
    #[arg(long, value_name = "OUT.xlsx")]
    national: Option<PathBuf>,
}

/// A committee's decision on a year (`kaohe assess override …`).
#[derive(Subcommand, Debug)]
enum Decision {
    /// 修改等次
    Override(Graded),
    /// 补定等次（立案调查结案后）
    Supplement(Graded),
    /// 记录经批准的优秀比例
    Ratio {
        #[command(flatten)]
        year: Year,
        /// 单位
        #[arg(long, value_name = "单位")]
        organ: Option<String>,
        /// 比例（百分数，如 25）
        #[arg(long, value_name = "25")]
        percent: Option<String>,
        /// 批准依据
        #[arg(long, value_name = "批准文件")]
        basis: Option<String>,
    },
    /// 定稿
    Finalize {
        #[command(flatten)]
        year: Year,
        /// 定稿日期（默认：今天）
        #[arg(long, value_name = "YYYY-MM-DD")]
        on: Option<String>,
    },
    /// 重新打开已定稿的年度
    Reopen {
        #[command(flatten)]
        year: Year,
        /// 理由
        #[arg(long, value_name = "理由")]
        reason: Option<String>,
    },
    /// 操作记录
    Log {
        #[command(flatten)]
        year: Year,
    },
}

/// The year a decision is about, and the roster a decision cannot be recorded in (said so).
#[derive(Args, Debug)]
struct Year {
    /// 考核年度
    #[arg(long, value_name = "YYYY")]
    year: Option<String>,
    /// （考核委员会的决定只能记录在数据库中）
    #[arg(long, value_name = "FILE", hide = true)]
    roster: Option<PathBuf>,
}

/// A grade decided for a person (修改等次, 补定等次).
#[derive(Args, Debug)]
struct Graded {
    #[command(flatten)]
    year: Year,
    /// 身份证号
    #[arg(long, value_name = "身份证号")]
    id: Option<String>,
    /// 等次（优秀、称职、基本称职、不称职）
    #[arg(long, value_name = "等次")]
    grade: Option<String>,
    /// 理由
    #[arg(long, value_name = "理由")]
    reason: Option<String>,
}

#[derive(Args, Debug)]
#[command(args_conflicts_with_subcommands = false)]
struct Audit {
    #[command(subcommand)]
    action: Option<AuditMark>,
    /// 核查截至日期（退休年龄、晋升年限等按此日期判断）
    #[arg(long = "as-of", value_name = "YYYY-MM-DD")]
    as_of: Option<String>,
    /// 写出核查结果工作簿
    #[arg(long, value_name = "核查结果.xlsx")]
    out: Option<PathBuf>,
}

/// A finding marked 已核实, or the mark withdrawn (`kaohe audit mark …`).
#[derive(Subcommand, Debug)]
enum AuditMark {
    /// 标记为已核实
    Mark(Marked),
    /// 撤销已核实标记
    Unmark(Marked),
}

/// What a comparison is about (`kaohe whatif assess …`, `kaohe whatif promote …`).
#[derive(Subcommand, Debug)]
enum WhatIf {
    /// 年度考核：某单位的优秀比例、是否按层级分池，或另一规则文件
    Assess {
        /// 考核年度
        #[arg(long, value_name = "YYYY")]
        year: Option<String>,
        /// 从名册文件计算（不用数据库）
        #[arg(long, value_name = "FILE")]
        roster: Option<PathBuf>,
        /// 改变比例的单位（与 --percent 一起）
        #[arg(long, value_name = "单位")]
        organ: Option<String>,
        /// 假设的优秀比例（百分数，如 25）
        #[arg(long, value_name = "25")]
        percent: Option<String>,
        /// 按层级分池（split）或每个单位一个考核池（together）
        #[arg(long, value_name = "split|together")]
        tiers: Option<String>,
        /// 改用的规则文件
        #[arg(long = "other-profile", value_name = "FILE")]
        other_profile: Option<PathBuf>,
    },
    /// 职级晋升：另一个资格计算日期，或另一规则文件
    Promote {
        /// 资格计算截至日期
        #[arg(long = "as-of", value_name = "YYYY-MM-DD")]
        as_of: Option<String>,
        /// 从名册文件计算（不用数据库）
        #[arg(long, value_name = "FILE")]
        roster: Option<PathBuf>,
        /// 对比的另一个日期
        #[arg(long = "other-as-of", value_name = "YYYY-MM-DD")]
        other_as_of: Option<String>,
        /// 改用的规则文件
        #[arg(long = "other-profile", value_name = "FILE")]
        other_profile: Option<PathBuf>,
    },
}

#[derive(Args, Debug)]
struct Marked {
    /// 核查发现的编号（kaohe audit 列出的「编号」）
    #[arg(long, value_name = "编号")]
    key: Option<String>,
    /// 核实情况或撤销理由
    #[arg(long, value_name = "理由")]
    reason: Option<String>,
}

#[derive(Args, Debug)]
struct Print {
    /// 文书：登记表、优秀公示、考核汇总、名额测算（需 --year）；晋升公示、晋升审核、职数（需 --as-of）；上报汇总（需 --year，汇总数据库 --db）
    #[arg(long, value_name = "文书")]
    doc: Option<String>,
    /// 考核年度
    #[arg(long, value_name = "YYYY")]
    year: Option<String>,
    /// 资格计算截至日期
    #[arg(long = "as-of", value_name = "YYYY-MM-DD")]
    as_of: Option<String>,
    /// 从名册文件生成（不用数据库）
    #[arg(long, value_name = "FILE")]
    roster: Option<PathBuf>,
    /// 只含此单位
    #[arg(long, value_name = "单位")]
    organ: Option<String>,
    /// 只含此考核池
    #[arg(long, value_name = "考核池")]
    pool: Option<String>,
    /// 公示起始日期（默认：今天）
    #[arg(long, value_name = "YYYY-MM-DD")]
    from: Option<String>,
    /// 输出文件夹
    #[arg(long, value_name = "DIR")]
    out: Option<PathBuf>,
}

/// The command as clap knows it, with help in Chinese for every subcommand.
pub(super) fn command() -> clap::Command {
    fn chinese(c: clap::Command) -> clap::Command {
        c.help_template("{about-with-newline}\n用法：{usage}\n\n{all-args}{after-help}\n")
            .mut_args(|a| {
                let heading = if a.is_positional() { "参数" } else { "选项" };
                a.help_heading(heading)
            })
            .next_help_heading("选项")
            .disable_help_subcommand(true)
            .disable_help_flag(true)
            .arg(clap::Arg::new("help").long("help").short('h').help("显示帮助").action(clap::ArgAction::Help))
            .mut_subcommands(chinese)
            .subcommand_help_heading("命令")
    }
    chinese(Cli::command())
}

/// The command line (without the program name) as [`Options`]; `Err` for a request of help (the
/// help in `stdout`) or a mistake (in Chinese, with the usage).
pub(super) fn parse(args: &[String]) -> Result<Options, Result<super::Output, Failure>> {
    let matches = command().try_get_matches_from(std::iter::once("kaohe".to_string()).chain(args.iter().cloned()));
    let cli = match matches.and_then(|m| Cli::from_arg_matches(&m)) {
        Ok(cli) => cli,
        Err(e) if matches!(e.kind(), ErrorKind::DisplayHelp | ErrorKind::DisplayVersion) => {
            // clap writes the usage line's placeholders in English.
            let help = e.render().to_string().replace("[OPTIONS]", "[选项]").replace("[COMMAND]", "[命令]");
            return Err(Ok(super::Output { status: 0, stdout: help, stderr: String::new() }));
        }
        Err(e) => return Err(Err(Failure::new("bad_argument", format!("{}\n{USAGE}", mistake(&e)), 1))),
    };
    let Common { db, profile, json, by } = cli.common;
    let mut o = Options { db, profile, json, by, ..Options::default() };
    match cli.command {
        Command::Template { out } => {
            o.command = "template";
            o.positional.push(out.display().to_string());
        }
        Command::Import(i) => {
            o.command = "import";
            o.positional.push(i.file);
            (o.sheet, o.mapping, o.check, o.report, o.year) = (i.sheet, i.mapping, i.check, i.report, i.year);
            o.renames = i
                .renames
                .iter()
                .flat_map(|r| r.split([',', '，', ' ']))
                .filter(|s| !s.is_empty())
                .map(kaohe_engine::id_number::normalize)
                .collect();
        }
        Command::Promote(p) => {
            o.command = "promote";
            (o.as_of, o.roster, o.out) = (p.as_of, p.roster, p.out);
        }
        Command::Assess(a) => {
            o.command = "assess";
            (o.year, o.roster, o.out, o.national) = (a.year, a.roster, a.out, a.national);
            if let Some(decision) = a.action {
                decision_options(decision, &mut o);
            }
        }
        Command::Print(p) => {
            o.command = "print";
            (o.doc, o.year, o.as_of, o.roster, o.organ, o.pool, o.from, o.out) =
                (p.doc, p.year, p.as_of, p.roster, p.organ, p.pool, p.from, p.out);
        }
        Command::Audit(a) => {
            o.command = "audit";
            (o.as_of, o.out) = (a.as_of, a.out);
            if let Some(action) = a.action {
                let (name, m) = match action {
                    AuditMark::Mark(m) => ("mark", m),
                    AuditMark::Unmark(m) => ("unmark", m),
                };
                o.positional.push(name.to_string());
                (o.key, o.reason) = (m.key, m.reason);
            }
        }
        Command::Whatif { what } => {
            o.command = "whatif";
            match what {
                WhatIf::Assess { year, roster, organ, percent, tiers, other_profile } => {
                    o.positional.push("assess".into());
                    (o.year, o.roster, o.organ, o.percent, o.tiers, o.other_profile) =
                        (year, roster, organ, percent, tiers, other_profile);
                }
                WhatIf::Promote { as_of, roster, other_as_of, other_profile } => {
                    o.positional.push("promote".into());
                    (o.as_of, o.roster, o.other_as_of, o.other_profile) = (as_of, roster, other_as_of, other_profile);
                }
            }
        }
        Command::ReportPackage { year, organ, as_of, out } => {
            o.command = "report-package";
            (o.year, o.organ, o.as_of, o.out) = (year, organ, as_of, out);
        }
        Command::Receive { files, replace } => {
            o.command = "receive";
            o.positional = files;
            o.replace = replace;
        }
        Command::Summary { year, out } => {
            o.command = "summary";
            (o.year, o.out) = (year, out);
        }
        Command::Organs { from, add, level, remove, year } => {
            o.command = "organs";
            (o.from, o.add, o.level, o.remove_names, o.year) = (from, add, level, remove, year);
        }
        Command::SharedPool { list: _, set, pool, approved, organs, source, remove } => {
            o.command = "shared-pool";
            (o.set, o.pool, o.approved, o.organs, o.source) = (set, pool, approved, organs, source);
            o.remove_names = remove.into_iter().collect();
        }
        Command::Profile => o.command = "profile",
        Command::Password { remove } => {
            o.command = "password";
            o.remove = remove;
        }
        Command::Completions { shell } => {
            let mut script = Vec::new();
            clap_complete::generate(shell, &mut command(), "kaohe", &mut script);
            let stdout = String::from_utf8_lossy(&script).into_owned();
            return Err(Ok(super::Output { status: 0, stdout, stderr: String::new() }));
        }
    }
    Ok(o)
}

fn decision_options(decision: Decision, o: &mut Options) {
    let (name, year) = match decision {
        Decision::Override(g) => {
            (o.id, o.grade, o.reason) = (g.id, g.grade, g.reason);
            ("override", g.year)
        }
        Decision::Supplement(g) => {
            (o.id, o.grade, o.reason) = (g.id, g.grade, g.reason);
            ("supplement", g.year)
        }
        Decision::Ratio { year, organ, percent, basis } => {
            (o.organ, o.percent, o.basis) = (organ, percent, basis);
            ("ratio", year)
        }
        Decision::Finalize { year, on } => {
            o.on = on;
            ("finalize", year)
        }
        Decision::Reopen { year, reason } => {
            o.reason = reason;
            ("reopen", year)
        }
        Decision::Log { year } => ("log", year),
    };
    o.positional.push(name.to_string());
    if year.year.is_some() {
        o.year = year.year;
    }
    if year.roster.is_some() {
        o.roster = year.roster;
    }
}

/// What clap found wrong, in Chinese.
fn mistake(e: &clap::Error) -> String {
    let context = |kind: ContextKind| match e.get(kind) {
        Some(ContextValue::String(s)) => s.clone(),
        Some(ContextValue::Strings(v)) => v.join("、"),
        _ => String::new(),
    };
    match e.kind() {
        ErrorKind::InvalidSubcommand => format!("未知命令「{}」", context(ContextKind::InvalidSubcommand)),
        ErrorKind::UnknownArgument => {
            let arg = context(ContextKind::InvalidArg);
            match arg.starts_with('-') {
                true => format!("未知选项 {arg}"),
                false => format!("多余的参数「{arg}」"),
            }
        }
        ErrorKind::MissingRequiredArgument => format!("缺少参数：{}", context(ContextKind::InvalidArg)),
        ErrorKind::MissingSubcommand | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => "缺少命令".to_string(),
        ErrorKind::InvalidValue | ErrorKind::ValueValidation => {
            let (arg, value) = (context(ContextKind::InvalidArg), context(ContextKind::InvalidValue));
            match value.is_empty() {
                true => format!("选项 {arg} 后面缺少取值"),
                false => format!("选项 {arg} 的取值「{value}」无效"),
            }
        }
        ErrorKind::ArgumentConflict => {
            let (arg, prior) = (context(ContextKind::InvalidArg), context(ContextKind::PriorArg));
            match arg == prior {
                true => format!("选项 {arg} 只能写一次"),
                false => format!("选项 {arg} 与 {prior} 不能同时使用"),
            }
        }
        ErrorKind::TooManyValues | ErrorKind::WrongNumberOfValues => {
            format!("选项 {} 的取值个数不对", context(ContextKind::InvalidArg))
        }
        _ => "命令行有误".to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::{BTreeMap, BTreeSet};

    /// The flags each command's synopsis lines of a usage text mention (`kaohe assess ratio
    /// --year …` → `assess ratio`: year, …), comments after `#` left out.
    fn synopsis(text: &str) -> BTreeMap<String, BTreeSet<String>> {
        let mut out: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        for line in text.lines().filter_map(|l| l.trim().strip_prefix("kaohe ")) {
            let line = line.split('#').next().unwrap_or_default();
            let words: Vec<&str> = line.split_whitespace().collect();
            let path: Vec<&str> = words
                .iter()
                .copied()
                .take_while(|w| !w.starts_with('-') && w.chars().all(|c| c.is_ascii_lowercase() || c == '-'))
                .collect();
            if path.is_empty() {
                continue; // `kaohe 命令 --help`
            }
            let flags = out.entry(path.join(" ")).or_default();
            for piece in line.split("--").skip(1) {
                let flag: String = piece.chars().take_while(|c| c.is_ascii_lowercase() || *c == '-').collect();
                if !flag.is_empty() && flag != "help" {
                    flags.insert(flag);
                }
            }
        }
        out
    }

    /// Every command of the line by its path, with the flags it takes itself (the global ones
    /// apart, and the hidden ones, taken only to be refused in words).
    fn commands() -> (BTreeMap<String, BTreeSet<String>>, BTreeSet<String>) {
        let root = command();
        let longs = |c: &clap::Command| -> BTreeSet<String> {
            c.get_arguments()
                .filter(|a| !a.is_hide_set())
                .filter_map(|a| a.get_long())
                .filter(|l| *l != "help")
                .map(str::to_owned)
                .collect()
        };
        let globals: BTreeSet<String> = root
            .get_arguments()
            .filter(|a| a.is_global_set())
            .filter_map(|a| a.get_long())
            .map(str::to_owned)
            .collect();
        let mut out = BTreeMap::new();
        let mut todo: Vec<(String, &clap::Command)> =
            root.get_subcommands().map(|c| (c.get_name().to_owned(), c)).collect();
        while let Some((path, c)) = todo.pop() {
            out.insert(path.clone(), longs(c).difference(&globals).cloned().collect());
            todo.extend(c.get_subcommands().map(|s| (format!("{path} {}", s.get_name()), s)));
        }
        (out, globals)
    }

    /// The usage `kaohe` alone prints and docs/cli.md's synopsis name the commands and flags
    /// clap takes: no flag that clap would refuse, no command or flag left out.
    #[test]
    fn the_usage_and_the_docs_name_the_flags_clap_takes() {
        let docs = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../docs/cli.md")).expect("docs");
        let docs_synopsis = docs.split("```").nth(1).expect("docs/cli.md opens with the synopsis");
        let (clap_commands, globals) = commands();
        for (what, text) in [("USAGE", USAGE), ("docs/cli.md", docs_synopsis)] {
            let lines = synopsis(text);
            for (path, flags) in &lines {
                let own = clap_commands.get(path).unwrap_or_else(|| panic!("{what}: no command 「{path}」"));
                let unknown: Vec<&String> =
                    flags.iter().filter(|f| !own.contains(*f) && !globals.contains(*f)).collect();
                assert!(unknown.is_empty(), "{what}: `kaohe {path}` takes none of {unknown:?}");
            }
            for (path, own) in &clap_commands {
                let named = lines.get(path).unwrap_or_else(|| panic!("{what} leaves out `kaohe {path}`"));
                let left_out: Vec<&String> = own.iter().filter(|f| !named.contains(*f)).collect();
                assert!(left_out.is_empty(), "{what} leaves out {left_out:?} of `kaohe {path}`");
            }
        }
    }
}
