//! Running external programs and keeping score: each named step or check passes or fails, and
//! the first failure stops the task (fail fast).

use std::fmt;
use std::path::Path;
use std::process::{Command, ExitStatus};
use std::time::Instant;

/// Why a step failed, in words for the person reading the log.
#[derive(Debug)]
pub struct Failure(pub String);

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl Failure {
    pub fn new(message: impl Into<String>) -> Failure {
        Failure(message.into())
    }
}

/// Counts of the xtask's own steps and checks.
#[derive(Debug, Default)]
pub struct Tally {
    passed: usize,
    failed: usize,
}

impl Tally {
    pub fn new() -> Tally {
        Tally::default()
    }

    pub fn failed(&self) -> usize {
        self.failed
    }

    /// Runs one step, printing its name before and its result after.
    pub fn step(&mut self, name: &str, body: impl FnOnce() -> Result<(), Failure>) -> Result<(), Failure> {
        println!("\n==> {name}");
        let started = Instant::now();
        let result = body();
        let took = started.elapsed().as_secs_f64();
        self.record(name, result.as_ref().map(|_| ()).map_err(|f| f.0.as_str()), took);
        result
    }

    /// Runs one step that gives back a value, printing its name before and its result after.
    pub fn step_value<T>(&mut self, name: &str, body: impl FnOnce() -> Result<T, Failure>) -> Result<T, Failure> {
        let mut value = None;
        self.step(name, || {
            value = Some(body()?);
            Ok(())
        })?;
        value.ok_or_else(|| Failure::new(format!("{name}: no value")))
    }

    /// Records a check that was computed elsewhere (no command run).
    pub fn check(&mut self, name: &str, result: Result<(), Failure>) -> Result<(), Failure> {
        self.record(name, result.as_ref().map(|_| ()).map_err(|f| f.0.as_str()), 0.0);
        result
    }

    fn record(&mut self, name: &str, result: Result<(), &str>, took: f64) {
        let time = if took >= 0.05 { format!(" ({took:.1} s)") } else { String::new() };
        match result {
            Ok(()) => {
                self.passed += 1;
                println!("[通过 PASS] {name}{time}");
            }
            Err(message) => {
                self.failed += 1;
                println!("[失败 FAIL] {name}{time}\n    {}", message.replace('\n', "\n    "));
            }
        }
    }

    pub fn print_summary(&self) {
        println!("xtask: {} passed, {} failed", self.passed, self.failed);
    }
}

/// The cargo that runs this xtask (so the same toolchain builds everything).
pub fn cargo() -> Command {
    Command::new(std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into()))
}

/// `npm` (on Windows the batch file `npm.cmd`, which `Command` does not find by itself).
pub fn npm() -> Command {
    Command::new(if cfg!(windows) { "npm.cmd" } else { "npm" })
}

fn describe(command: &Command) -> String {
    let mut line = command.get_program().to_string_lossy().into_owned();
    for arg in command.get_args() {
        let arg = arg.to_string_lossy();
        if arg.contains(' ') || arg.is_empty() {
            line.push_str(&format!(" \"{arg}\""));
        } else {
            line.push(' ');
            line.push_str(&arg);
        }
    }
    if let Some(dir) = command.get_current_dir() {
        line = format!("(in {}) {line}", dir.display());
    }
    line
}

/// Runs a command with inherited output and returns its exit status.
pub fn status(command: &mut Command) -> Result<ExitStatus, Failure> {
    println!("$ {}", describe(command));
    command.status().map_err(|e| {
        Failure::new(format!("无法启动 / cannot start `{}`: {e}", command.get_program().to_string_lossy()))
    })
}

/// Runs a command with inherited output; a non-zero exit is a failure.
pub fn run(command: &mut Command) -> Result<(), Failure> {
    let status = status(command)?;
    if status.success() {
        Ok(())
    } else {
        Err(Failure::new(format!("`{}` 失败 / failed: {status}", describe(command))))
    }
}

/// Runs a command quietly and returns its standard output, or `None` if it cannot start or fails.
pub fn output(command: &mut Command) -> Option<String> {
    let out = command.output().ok()?;
    out.status.success().then(|| String::from_utf8_lossy(&out.stdout).into_owned())
}

/// Whether `program` is an executable file somewhere on `PATH`.
pub fn on_path(program: &str) -> bool {
    let Some(path) = std::env::var_os("PATH") else { return false };
    std::env::split_paths(&path).any(|dir| is_file(&dir.join(program)))
}

fn is_file(path: &Path) -> bool {
    path.metadata().map(|m| m.is_file()).unwrap_or(false)
}
