//! Invariants the fuzz targets assert (shared by every target in
//! `fuzz_targets/` and by the seed writer in `examples/seed.rs`).
//!
//! A broken invariant panics with a message naming it, which libFuzzer
//! records as a crash: scores stay in 0..=100 with their points adding up,
//! facts from a page payload are X's data and within the size limits, saved
//! memory re-imports to the same export, repaired settings validate clean.

use std::collections::BTreeMap;

use followback::memory::TWEETS_PER_ACCOUNT;
use followback::memory::{Memory, INTERACTIONS_PER_ACCOUNT, SNAPSHOTS_PER_ACCOUNT};
use followback::prepared::Matchers;
use followback::read::bounds;
use followback::score::score_with;
use followback::{Account, Observations, Settings, Source, Subject, Tweet, Verdict};

/// 2026-11-21T10:00:00Z, the "now" the project's tests use.
pub const NOW: i64 = 1_795_255_200;

/// At most this many accounts of one input are scored (scoring dominates the
/// cost of a run; the rest are still read and remembered). The proptest
/// campaign (tests/fuzz_*.rs) scores every account it makes.
pub const SCORED_PER_INPUT: usize = 2;

/// The input as text: libFuzzer mutates bytes, the readers take `&str`.
/// Invalid UTF-8 is replaced, so every input reaches the readers.
pub fn text(data: &[u8]) -> std::borrow::Cow<'_, str> {
    String::from_utf8_lossy(data)
}

/// One verdict: score in 0..=100, base + points == score, confidence in
/// 0..=1, no points for what was not seen, and it serialises. (Reading it
/// back is left to tests/fuzz_readers.rs: it costs more than the rest.)
pub fn check_verdict(v: &Verdict) {
    assert!(v.score <= 100, "score {} out of 0..=100", v.score);
    let sum = i64::from(v.base) + v.evidence.iter().map(|e| i64::from(e.points)).sum::<i64>();
    assert_eq!(
        sum,
        i64::from(v.score),
        "base {} + points != score {}",
        v.base,
        v.score
    );
    assert!(
        v.confidence.value.is_finite() && (0.0..=1.0).contains(&v.confidence.value),
        "confidence {} out of 0..=1",
        v.confidence.value
    );
    for e in &v.evidence {
        assert!(!e.signal.is_empty(), "an evidence line without a signal id");
        assert!(
            !e.reason.is_empty(),
            "{}: an evidence line without a reason",
            e.signal
        );
        if e.seen.is_none() {
            assert_eq!(e.points, 0, "{}: points for something not seen", e.signal);
        }
    }
    assert!(
        serde_json::to_string(v).is_ok(),
        "a verdict does not serialise"
    );
}

fn chars(s: &str) -> usize {
    s.chars().count()
}

fn within(field: &str, s: Option<&str>, max: usize) {
    if let Some(s) = s {
        assert!(
            chars(s) <= max,
            "{field} has {} chars, over {max}",
            chars(s)
        );
    }
}

/// An account within [`bounds`]' limits (what memory keeps, and what a page payload may add).
pub fn check_account_bounds(a: &Account) {
    within("handle", Some(&a.handle), bounds::IDENT_MAX_CHARS);
    within("id", a.id.as_deref(), bounds::IDENT_MAX_CHARS);
    within("name", a.name.as_deref(), bounds::NAME_MAX_CHARS);
    within("bio", a.bio.as_deref(), bounds::BIO_MAX_CHARS);
    within(
        "location",
        a.location.as_deref(),
        bounds::LOCATION_MAX_CHARS,
    );
    within("url", a.url.as_deref(), bounds::URL_MAX_CHARS);
    within(
        "verified_type",
        a.verified_type.as_deref(),
        bounds::LABEL_MAX_CHARS,
    );
    within(
        "automated_by",
        a.automated_by.as_deref(),
        bounds::LABEL_MAX_CHARS,
    );
    within(
        "parody_label",
        a.parody_label.as_deref(),
        bounds::LABEL_MAX_CHARS,
    );
}

/// A post within [`bounds`]' limits.
pub fn check_tweet_bounds(t: &Tweet) {
    within("tweet id", t.id.as_deref(), bounds::IDENT_MAX_CHARS);
    within(
        "tweet author_id",
        t.author_id.as_deref(),
        bounds::IDENT_MAX_CHARS,
    );
    within(
        "tweet author_handle",
        t.author_handle.as_deref(),
        bounds::IDENT_MAX_CHARS,
    );
    within("tweet text", Some(&t.text), bounds::TEXT_MAX_CHARS);
    assert!(
        t.urls.len() <= bounds::URLS_PER_TWEET,
        "{} links in one post",
        t.urls.len()
    );
    for u in &t.urls {
        within("tweet url", Some(u), bounds::URL_MAX_CHARS);
    }
}

/// What `read::read_page` returned: X's data only, bounded in count and size.
pub fn check_page_observations(obs: &Observations) {
    assert!(
        obs.accounts.iter().all(|a| a.source == Source::Graphql),
        "a page payload gave an account not marked as X's data"
    );
    assert!(
        obs.tweets.iter().all(|t| t.source == Source::Graphql),
        "a page payload gave a post not marked as X's data"
    );
    assert!(
        obs.interactions.iter().all(|i| i.source == Source::Graphql),
        "a page payload gave an interaction not marked as X's data"
    );
    assert!(
        obs.accounts.len() <= bounds::MAX_ACCOUNTS_PER_PAYLOAD,
        "{} accounts",
        obs.accounts.len()
    );
    assert!(
        obs.tweets.len() <= bounds::MAX_TWEETS_PER_PAYLOAD,
        "{} posts",
        obs.tweets.len()
    );
    assert!(
        obs.interactions.len() <= bounds::MAX_INTERACTIONS_PER_PAYLOAD,
        "{} interactions",
        obs.interactions.len()
    );
    obs.accounts.iter().for_each(check_account_bounds);
    obs.tweets.iter().for_each(check_tweet_bounds);
    for i in &obs.interactions {
        within(
            "interaction handle",
            Some(&i.handle),
            bounds::IDENT_MAX_CHARS,
        );
        within(
            "notification id",
            i.notification.as_deref(),
            bounds::LABEL_MAX_CHARS,
        );
    }
}

/// Scores the first [`SCORED_PER_INPUT`] accounts on their profile alone.
pub fn score_profiles(accounts: &[Account], settings: &Settings) {
    let matchers = Matchers::new(settings);
    for a in accounts.iter().take(SCORED_PER_INPUT) {
        check_verdict(&score_with(&Subject::profile(a), settings, &matchers, NOW));
    }
}

/// Every entry within its limits, scored (the first few) with all it holds.
pub fn check_memory(memory: &Memory, settings: &Settings) {
    assert!(
        memory.len() <= memory.capacity(),
        "{} accounts in a memory of capacity {}",
        memory.len(),
        memory.capacity()
    );
    let matchers = Matchers::new(settings);
    for (n, entry) in memory.entries().enumerate() {
        check_account_bounds(&entry.account);
        assert!(
            entry.tweets.len() <= TWEETS_PER_ACCOUNT,
            "{} posts kept",
            entry.tweets.len()
        );
        assert!(
            entry.history.len() <= SNAPSHOTS_PER_ACCOUNT,
            "{} snapshots",
            entry.history.len()
        );
        assert!(
            entry.interactions.len() <= INTERACTIONS_PER_ACCOUNT,
            "{} interactions kept",
            entry.interactions.len()
        );
        entry.tweets.iter().for_each(check_tweet_bounds);
        if n < SCORED_PER_INPUT {
            check_verdict(&score_with(&entry.subject(), settings, &matchers, NOW));
        }
    }
}

/// A memory export in a form that does not depend on the order of entries
/// (entries with the same `last_seen` come out in hash order): the capacity,
/// version and each entry as canonical JSON, sorted.
pub fn canonical_export(json: &str) -> (String, Vec<String>) {
    let value: serde_json::Value = serde_json::from_str(json).expect("a memory export is JSON");
    let mut head = value.clone();
    let entries = match head.as_object_mut().and_then(|o| o.remove("entries")) {
        Some(serde_json::Value::Array(list)) => list,
        other => panic!("a memory export without an entries list: {other:?}"),
    };
    let mut entries: Vec<String> = entries.iter().map(|e| e.to_string()).collect();
    entries.sort_unstable();
    (head.to_string(), entries)
}

/// Saved memory reads back: export, re-import (must succeed, lose no
/// account), export again (must be the same export), and every account is
/// found again with the same facts. Also checks a budgeted export: within
/// its byte budget (or the empty store), re-imports to `kept` accounts.
/// Returns the re-imported memory.
pub fn check_round_trip(memory: &Memory, budget: usize) -> Memory {
    let first = memory.to_json();
    let back = Memory::from_json(&first).expect("our own memory export re-imports");
    assert_eq!(
        back.len(),
        memory.len(),
        "re-importing an export lost accounts"
    );
    assert_eq!(
        back.capacity(),
        memory.capacity(),
        "re-importing changed the capacity"
    );
    let second = back.to_json();
    let (h1, e1) = canonical_export(&first);
    let (h2, e2) = canonical_export(&second);
    assert_eq!(h1, h2, "an export's header changed on re-import");
    if e1 != e2 {
        let only_first: Vec<&String> = e1.iter().filter(|e| !e2.contains(e)).collect();
        let only_second: Vec<&String> = e2.iter().filter(|e| !e1.contains(e)).collect();
        panic!(
            "export -> import -> export changed entries:\nonly before: {only_first:#?}\nonly after: {only_second:#?}"
        );
    }
    for entry in memory.entries() {
        let again = back
            .get(entry.account.id.as_deref(), Some(&entry.account.handle))
            .unwrap_or_else(|| {
                panic!(
                    "account {:?} / {:?} not found after re-import",
                    entry.account.id, entry.account.handle
                )
            });
        assert_eq!(
            again.account, entry.account,
            "an account changed on its way through an export"
        );
        assert_eq!(
            again.last_seen, entry.last_seen,
            "last_seen changed on its way through an export"
        );
        assert_eq!(
            again.history, entry.history,
            "history changed on its way through an export"
        );
        assert_eq!(
            again.interactions, entry.interactions,
            "interactions changed on its way through an export"
        );
    }
    let trimmed = memory.to_json_within(budget);
    assert_eq!(trimmed.total, memory.len());
    assert!(trimmed.kept <= trimmed.total);
    if trimmed.kept > 0 {
        assert!(
            trimmed.json.len() <= budget,
            "a budgeted export of {} bytes is over its {budget}",
            trimmed.json.len()
        );
    }
    let cut = Memory::from_json(&trimmed.json).expect("a budgeted export re-imports");
    assert_eq!(
        cut.len(),
        trimmed.kept,
        "a budgeted export re-imported to another count"
    );
    back
}

/// Settings that must be in their own canonical form: they validate clean to
/// themselves, and the tolerant reader reads their JSON back with no notice.
pub fn check_settings_canonical(s: &Settings) {
    let value = s.to_value();
    match followback::settings::validate(&value) {
        Ok(again) => assert_eq!(&again, s, "settings changed when validated"),
        Err(errors) => panic!("settings this build wrote do not validate: {errors:?}"),
    }
    let loaded = Settings::from_json(&s.to_json()).expect("the tolerant reader never fails");
    assert_eq!(
        &loaded.settings, s,
        "settings changed on their way through JSON"
    );
    assert!(
        loaded.notices.is_empty(),
        "reading settings this build wrote gave notices: {:?}",
        loaded.notices
    );
}

/// Accounts from the project's own fixtures (scored under fuzzed settings).
/// `texts` are fixture files; each is read with `read_any`.
pub fn accounts_of(texts: &[&str]) -> Vec<Account> {
    let mut by_handle: BTreeMap<String, Account> = BTreeMap::new();
    for t in texts {
        if let Ok(obs) = followback::read::read_any(t) {
            for a in obs.accounts {
                by_handle.entry(a.key()).or_insert(a);
            }
        }
    }
    by_handle.into_values().collect()
}
