//! The desktop self-test: the real kaohe-app, started with `KAOHE_SELFTEST=<file>` and a fresh
//! database in a temporary folder. Once its page has loaded, the UI sends the visible page text,
//! the shell writes it to the file and quits about 1.5 s later; meanwhile a screenshot is taken.
//!
//! On Linux the app runs under `xvfb-run` on a 1366x768 virtual screen. xvfb-run starts this
//! xtask binary again with the hidden task [`INNER_TASK`], which runs inside the virtual display:
//! it starts the app, waits for the report, takes the screenshot with ImageMagick `import`, and
//! waits for the app to quit. The outer xtask then checks the text and the picture. Elsewhere
//! (Windows) the app runs on the real desktop and only the text is checked.

use std::fs::{self, File};
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};
use std::time::{Duration, Instant};

use crate::steps::{self, Failure, Tally};

/// The hidden task run inside the virtual display.
pub const INNER_TASK: &str = "__selftest-in-display";

const APP_TITLE: &str = "考核 Kaohe";
const SCREEN: (u32, u32) = (1366, 768);
/// How long the app may take from start to report (first start of WebKit included).
const REPORT_TIMEOUT: Duration = Duration::from_secs(60);
/// How long the app may take to quit after its report (it waits about 1.5 s on purpose).
const EXIT_TIMEOUT: Duration = Duration::from_secs(15);
/// A blank or nearly blank screen has a handful of colours; the page with text has thousands.
const MIN_COLOURS: u64 = 50;

pub fn target_dir(root: &Path) -> PathBuf {
    match std::env::var_os("CARGO_TARGET_DIR") {
        Some(dir) => root.join(dir),
        None => root.join("target"),
    }
}

/// target/debug/kaohe-app (with `.exe` on Windows).
pub fn app_binary(root: &Path) -> PathBuf {
    target_dir(root).join("debug").join(format!("kaohe-app{}", std::env::consts::EXE_SUFFIX))
}

/// Runs the self-test and records its checks; fails after all checks if one failed.
pub fn selftest(root: &Path, tally: &mut Tally) -> Result<(), Failure> {
    let app = app_binary(root);
    let out_dir = target_dir(root).join("screenshots");
    let work = std::env::temp_dir().join(format!("kaohe-selftest-{}", std::process::id()));
    let db = work.join("kaohe.db");
    let report = work.join("report.txt");
    let shot = out_dir.join("app.png");
    let log = out_dir.join("app.log");
    let with_screen = cfg!(target_os = "linux");

    let prepared = (|| -> Result<(), Failure> {
        if !app.is_file() {
            return Err(Failure::new(format!("找不到 / not found: {}", app.display())));
        }
        fs::create_dir_all(&out_dir).map_err(|e| Failure::new(format!("{}: {e}", out_dir.display())))?;
        let _ = fs::remove_file(&shot);
        let _ = fs::remove_dir_all(&work);
        fs::create_dir_all(&work).map_err(|e| Failure::new(format!("{}: {e}", work.display())))?;
        Ok(())
    })();

    let name = if with_screen {
        "桌面程序自检 / desktop self-test under Xvfb (1366x768)"
    } else {
        "桌面程序自检 / desktop self-test"
    };
    let ran = tally.step(name, || {
        prepared?;
        let mut command = if with_screen {
            let mut c = Command::new("xvfb-run");
            c.arg("-a")
                .arg("-e")
                .arg(out_dir.join("xvfb.log"))
                .arg("-s")
                .arg(format!("-screen 0 {}x{}x24", SCREEN.0, SCREEN.1));
            c.arg(std::env::current_exe().map_err(|e| Failure::new(format!("current_exe: {e}")))?);
            c
        } else {
            Command::new(std::env::current_exe().map_err(|e| Failure::new(format!("current_exe: {e}")))?)
        };
        command.arg(INNER_TASK).arg("--app").arg(&app).arg("--report").arg(&report).arg("--log").arg(&log);
        if with_screen {
            command.arg("--shot").arg(&shot);
        }
        command.env("KAOHE_DB", &db).env("KAOHE_SELFTEST", &report).current_dir(root);
        steps::run(&mut command).map_err(|f| Failure::new(format!("{f}\n应用日志 / app log: {}", log.display())))
    });
    if let Err(failure) = ran {
        let _ = fs::remove_dir_all(&work);
        return Err(failure);
    }

    let text = fs::read_to_string(&report).unwrap_or_default();
    let _ = fs::write(out_dir.join("report.txt"), &text);
    println!(
        "页面文字 / page text ({}):\n    {}",
        out_dir.join("report.txt").display(),
        text.trim().replace('\n', "\n    ")
    );
    let _ = fs::remove_dir_all(&work);

    let mut failed = false;
    failed |= tally.check(&format!("页面含应用名 / page shows 「{APP_TITLE}」"), contains(&text, APP_TITLE)).is_err();
    failed |=
        tally.check("页面含数据库路径 / page shows the database path", contains(&text, &db.to_string_lossy())).is_err();
    if with_screen {
        println!("截图 / screenshot: {}", shot.display());
        failed |= tally
            .check(&format!("截图为 {}x{} / screenshot size", SCREEN.0, SCREEN.1), screenshot_size(&shot))
            .is_err();
        failed |= tally.check("截图不是空白 / screenshot not blank", screenshot_not_blank(&shot)).is_err();
    }
    if failed {
        Err(Failure::new("桌面程序自检未通过 / desktop self-test failed"))
    } else {
        Ok(())
    }
}

fn contains(text: &str, wanted: &str) -> Result<(), Failure> {
    if text.contains(wanted) {
        Ok(())
    } else {
        Err(Failure::new(format!("页面文字中没有 / page text lacks 「{wanted}」")))
    }
}

fn screenshot_size(shot: &Path) -> Result<(), Failure> {
    let size = steps::output(Command::new("identify").args(["-format", "%w %h"]).arg(shot))
        .ok_or_else(|| Failure::new(format!("identify 无法读取 / cannot read {}", shot.display())))?;
    let expected = format!("{} {}", SCREEN.0, SCREEN.1);
    if size.trim() == expected {
        Ok(())
    } else {
        Err(Failure::new(format!("截图尺寸 / size is {}, expected {expected}", size.trim())))
    }
}

/// The distinct colours of a picture, if ImageMagick can read it.
fn colours(shot: &Path) -> Option<u64> {
    steps::output(Command::new("convert").arg(shot).args(["-format", "%k", "info:"]))
        .and_then(|n| n.trim().parse::<u64>().ok())
}

/// Takes the screenshot once the page is painted: WebKit sends the page's text (the report) from
/// the DOM, and on a loaded machine paints it a moment later, so a blank screen is taken again
/// while the app is still up (it quits about 1.5 s after its report). The outer check then judges
/// the last one taken.
fn painted_screenshot(shot: &Path, app: &mut std::process::Child) -> Result<(), Failure> {
    loop {
        steps::run(Command::new("import").args(["-window", "root"]).arg(shot))?;
        let up = matches!(app.try_wait(), Ok(None));
        if !up || colours(shot).is_some_and(|n| n > MIN_COLOURS) {
            return Ok(());
        }
        std::thread::sleep(Duration::from_millis(100));
    }
}

pub fn screenshot_not_blank(shot: &Path) -> Result<(), Failure> {
    let colours =
        colours(shot).ok_or_else(|| Failure::new(format!("convert 无法读取 / cannot read {}", shot.display())))?;
    println!("截图颜色数 / distinct colours: {colours}");
    if colours > MIN_COLOURS {
        Ok(())
    } else {
        Err(Failure::new(format!("截图只有 {colours} 种颜色，像是空白 / only {colours} colours: blank?")))
    }
}

/// Arguments of the hidden task.
struct InnerArgs {
    app: PathBuf,
    report: PathBuf,
    log: PathBuf,
    shot: Option<PathBuf>,
}

fn parse_inner(args: &[String]) -> Result<InnerArgs, Failure> {
    let mut app = None;
    let mut report = None;
    let mut log = None;
    let mut shot = None;
    let mut it = args.iter();
    while let Some(flag) = it.next() {
        let value =
            it.next().map(PathBuf::from).ok_or_else(|| Failure::new(format!("{flag} 缺少值 / needs a value")))?;
        match flag.as_str() {
            "--app" => app = Some(value),
            "--report" => report = Some(value),
            "--log" => log = Some(value),
            "--shot" => shot = Some(value),
            _ => return Err(Failure::new(format!("未知参数 / unknown argument {flag}"))),
        }
    }
    match (app, report, log) {
        (Some(app), Some(report), Some(log)) => Ok(InnerArgs { app, report, log, shot }),
        _ => Err(Failure::new("需要 --app、--report 和 --log / needs --app, --report and --log")),
    }
}

/// The hidden task, inside the (virtual) display: start the app, wait for its report, take the
/// screenshot, wait for the app to quit.
pub fn inner_main(args: &[String]) -> ExitCode {
    match parse_inner(args).and_then(|a| inner(&a)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(failure) => {
            eprintln!("xtask: {failure}");
            ExitCode::FAILURE
        }
    }
}

fn inner(args: &InnerArgs) -> Result<(), Failure> {
    if let Some(display) = std::env::var_os("DISPLAY") {
        println!("DISPLAY={}", display.to_string_lossy());
    }
    let log = File::create(&args.log).map_err(|e| Failure::new(format!("{}: {e}", args.log.display())))?;
    let log_err = log.try_clone().map_err(|e| Failure::new(format!("{}: {e}", args.log.display())))?;
    let started = Instant::now();
    let mut app = Command::new(&args.app)
        .stdout(log)
        .stderr(log_err)
        .spawn()
        .map_err(|e| Failure::new(format!("无法启动 / cannot start {}: {e}", args.app.display())))?;
    println!("应用已启动 / app started (pid {})，等待页面报告 / waiting for the page report…", app.id());

    let waited = loop {
        if args.report.is_file() {
            break Ok(());
        }
        match app.try_wait() {
            Ok(Some(status)) => {
                break Err(Failure::new(format!(
                    "应用未报告就退出了 / app exited before reporting: {status}\n{}",
                    log_tail(&args.log)
                )))
            }
            Ok(None) => {}
            Err(e) => break Err(Failure::new(format!("wait: {e}"))),
        }
        if started.elapsed() > REPORT_TIMEOUT {
            break Err(Failure::new(format!(
                "{} 秒内没有页面报告 / no page report within {} s\n{}",
                REPORT_TIMEOUT.as_secs(),
                REPORT_TIMEOUT.as_secs(),
                log_tail(&args.log)
            )));
        }
        std::thread::sleep(Duration::from_millis(100));
    };
    if let Err(failure) = waited {
        // What the window showed instead (a blank page usually means a script error).
        if let Some(shot) = &args.shot {
            let _ = steps::run(Command::new("import").args(["-window", "root"]).arg(shot));
            println!("诊断截图 / diagnostic screenshot: {}", shot.display());
        }
        stop(&mut app);
        return Err(failure);
    }
    println!("页面报告已写出 / report written after {:.1} s", started.elapsed().as_secs_f64());

    let shot = match &args.shot {
        Some(shot) => painted_screenshot(shot, &mut app),
        None => Ok(()),
    };

    let exit_started = Instant::now();
    let exited = loop {
        match app.try_wait() {
            Ok(Some(status)) if status.success() => break Ok(()),
            Ok(Some(status)) => {
                break Err(Failure::new(format!("应用退出状态 / app exited with {status}\n{}", log_tail(&args.log))))
            }
            Ok(None) if exit_started.elapsed() > EXIT_TIMEOUT => {
                stop(&mut app);
                break Err(Failure::new(format!(
                    "应用在报告后 {} 秒内没有退出 / app did not quit within {} s of its report",
                    EXIT_TIMEOUT.as_secs(),
                    EXIT_TIMEOUT.as_secs()
                )));
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(100)),
            Err(e) => break Err(Failure::new(format!("wait: {e}"))),
        }
    };
    println!("应用已退出 / app quit after {:.1} s", started.elapsed().as_secs_f64());
    shot.and(exited)
}

/// Ends the app this task started (by its handle, never by name).
fn stop(app: &mut std::process::Child) {
    let _ = app.kill();
    let _ = app.wait();
}

/// The last lines of the app's log, for a failure message.
fn log_tail(log: &Path) -> String {
    let text = fs::read_to_string(log).unwrap_or_default();
    let lines: Vec<&str> = text.lines().collect();
    let tail = lines[lines.len().saturating_sub(20)..].join("\n    ");
    format!("应用日志 / app log {}:\n    {tail}", log.display())
}
