//! Times the core's restore of 100,000 remembered accounts from pages
//! (`Memory::restore_page`, as the worker's restart does after a compaction),
//! natively: `cargo run --release --example restore_bench [-- ACCOUNTS RUNS]`.
//! Prints the best and median ms of the restore (begin, pages, finish) and
//! a digest of the restored memory's export, so a change that speeds it up
//! can be checked to restore the same memory. For `perf record -g`.

use std::time::Instant;

use followback::memory::Memory;
use followback::model::{Account, Source, Tweet};

const NOW: i64 = 1_700_000_000;

/// A followers-list account; every tenth with a few posts, every third
/// with a different count history.
fn account(i: usize) -> Account {
    Account {
        id: Some(format!(
            "{}",
            1_500_000_000_000_000_000u64 + i as u64 * 7919
        )),
        name: Some(format!("Jane Doe {i}")),
        bio: Some(format!(
            "{i:06} Writer & climber. Coffee, maps and bad puns. Opinions are my own."
        )),
        location: Some("Lisbon, Portugal".into()),
        created_at: Some(1_400_000_000 + i as i64),
        followers: Some(812 + i as u64),
        following: Some(403),
        tweets: Some(3120),
        likes: Some(5210),
        listed: Some(4),
        media: Some(120),
        default_avatar: Some(false),
        default_profile: Some(false),
        verified: Some(false),
        blue_verified: Some(false),
        protected: Some(false),
        follows_you: Some(i % 2 == 0),
        you_follow: Some(false),
        observed_at: Some(NOW - (i % 5000) as i64),
        ..Account::with_handle(format!("jane_doe_{i:06}"), Source::Graphql)
    }
}

fn memory(n: usize) -> Memory {
    let mut m = Memory::new(n * 2);
    for i in 0..n {
        let a = account(i);
        if i % 3 == 0 {
            let mut older = a.clone();
            older.followers = a.followers.map(|f| f.saturating_sub(5));
            m.remember_account(older, NOW - 86_400);
        }
        let posts = if i % 10 == 0 { 4 } else { 0 };
        let author = a.clone();
        m.remember_account(a, NOW - (i % 5000) as i64);
        for t in 0..posts {
            m.remember_tweet(
                Tweet {
                    id: Some(format!(
                        "{}",
                        1_700_000_000_000_000_000u64 + (i * 10 + t) as u64
                    )),
                    author_id: author.id.clone(),
                    author_handle: Some(author.handle.clone()),
                    text: format!("{t} Shipping a new release today: notes in the thread."),
                    created_at: Some(NOW - 3600 * t as i64),
                    ..Tweet::default()
                },
                NOW,
            );
        }
    }
    m
}

/// CPU time this thread has run, in ms (Linux `/proc/thread-self/schedstat`;
/// 0 elsewhere): the figure to compare on a shared machine.
fn cpu_ms() -> f64 {
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()
        .and_then(|t| t.split_whitespace().next()?.parse::<f64>().ok())
        .map_or(0.0, |ns| ns / 1e6)
}

/// FNV-1a of the text: enough to tell two restored memories apart.
fn digest(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

fn main() {
    let mut args = std::env::args().skip(1);
    let n: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(100_000);
    let runs: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(7);
    let live = memory(n);
    let pages: Vec<Vec<u8>> = live.pages().collect();
    let mut times = Vec::new();
    let mut cpu = Vec::new();
    let mut last = None;
    for _ in 0..runs {
        let mut m = Memory::new(live.capacity());
        let c0 = cpu_ms();
        let t0 = Instant::now();
        m.restore_begin(pages.len() * 1000);
        for p in &pages {
            m.restore_page(p);
        }
        let report = m.restore_finish();
        times.push(t0.elapsed().as_secs_f64() * 1000.0);
        cpu.push(cpu_ms() - c0);
        last = Some((m, report));
    }
    times.sort_by(f64::total_cmp);
    cpu.sort_by(f64::total_cmp);
    let Some((m, report)) = last else {
        return;
    };
    println!(
        "restore_pages_native_ms best {:.1} median {:.1}, cpu best {:.1} median {:.1} ({} accounts, {} pages, loaded {}, skipped {}, export digest {:016x})",
        times[0],
        times[times.len() / 2],
        cpu[0],
        cpu[cpu.len() / 2],
        m.len(),
        pages.len(),
        report.loaded,
        report.skipped,
        digest(&m.to_json()),
    );
}
