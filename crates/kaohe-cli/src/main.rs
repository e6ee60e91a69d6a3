//! The `kaohe` binary: hands its arguments to [`kaohe_cli::run_streaming`] (the large JSON reports
//! straight to standard output) and prints what it says.

use std::io::Write;

/// An import makes and frees a few small strings for every cell it reads: mimalloc does that
/// faster than the system allocator (see the import benchmark in the README).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let out = kaohe_cli::run_streaming(&args, &mut std::io::stdout().lock());
    // A closed pipe (e.g. `| head`) is not an error worth reporting.
    let _ = std::io::stdout().write_all(out.stdout.as_bytes());
    let _ = std::io::stderr().write_all(out.stderr.as_bytes());
    std::process::exit(out.status);
}
