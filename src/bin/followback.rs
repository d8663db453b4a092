//! Entry point of the `followback` command-line tool; the logic is in `followback::cli`.

use std::io::Write;
use std::time::{SystemTime, UNIX_EPOCH};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let now = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX))
        .unwrap_or(0);
    let stdin = std::io::stdin();
    let stdout = std::io::stdout();
    let stderr = std::io::stderr();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let code = followback::cli::run(&args, &mut stdin.lock(), &mut out, &mut stderr.lock(), now);
    let _ = out.flush();
    drop(out);
    std::process::exit(code);
}
