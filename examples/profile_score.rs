//! Profiling aid: loads a saved memory (`memory_realistic.json`, written by
//! `cargo run --release --example bench -- --write-pages target/bench/pages`)
//! and scores every account on the fast path many times, so a profiler
//! (`perf record`) sees scoring alone. Prints accounts per second.
//!
//! ```sh
//! cargo run --release --example profile_score -- target/bench/pages/memory_realistic.json 50
//! ```

use std::hint::black_box;
use std::time::Instant;

use followback::memory::Memory;
use followback::prepared::Matchers;
use followback::score::score_compact;
use followback::Settings;

/// "Now" for scoring: 2026-11-21T10:00:00Z, as the bench fixes it.
const NOW: i64 = 1_795_255_200;

fn main() {
    let mut args = std::env::args().skip(1);
    let path = args
        .next()
        .unwrap_or_else(|| "target/bench/pages/memory_realistic.json".to_string());
    let passes: usize = args.next().and_then(|p| p.parse().ok()).unwrap_or(50);
    let text = match std::fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("profile_score: cannot read {path}: {e}");
            std::process::exit(1);
        }
    };
    let memory = match Memory::from_json(&text) {
        Ok(m) => m,
        Err(e) => {
            eprintln!("profile_score: {path} is not a saved memory: {e}");
            std::process::exit(1);
        }
    };
    let settings = Settings::default();
    let matchers = Matchers::new(&settings);
    let start = Instant::now();
    for e in memory.entries() {
        black_box(e.features.get(&e.subject(), &matchers));
    }
    let features = start.elapsed();
    let start = Instant::now();
    let sum = score_passes(&memory, &settings, &matchers, passes);
    let scoring = start.elapsed();
    eprintln!(
        "features kept per account: {} bytes (+ 16 for the Rc), + {} with posts, + {} with count history, + keyword hits and the own-site domain",
        std::mem::size_of::<followback::analysis::features::AccountFeatures>(),
        std::mem::size_of::<followback::analysis::TimelineStats>(),
        std::mem::size_of::<followback::analysis::ChurnStats>()
    );
    let n = (memory.len() * passes).max(1);
    println!(
        "features {:.2} us/account; scoring {:.0} accounts/s (mean score {:.1})",
        features.as_secs_f64() * 1e6 / memory.len().max(1) as f64,
        n as f64 / scoring.as_secs_f64(),
        sum as f64 / n as f64
    );
}

/// Scores every account `passes` times on the fast path; the sum of scores.
/// Never inlined, so a profiler or `valgrind --tool=callgrind
/// --toggle-collect=score_passes` can measure the scoring loop alone.
#[inline(never)]
#[no_mangle]
pub fn score_passes(
    memory: &Memory,
    settings: &Settings,
    matchers: &Matchers,
    passes: usize,
) -> u64 {
    let mut sum = 0u64;
    for _ in 0..passes {
        memory.for_each_subject(|subject| {
            sum += u64::from(score_compact(subject, settings, matchers, NOW).score);
        });
    }
    sum
}
