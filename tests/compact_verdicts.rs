//! Compact verdicts (issue 14, "verdicts before rows"): what a payload's reply
//! carries for each account it told about equals the full verdict's badge part,
//! each account once, as the one JSON text the content script decodes.

use followback::boundary::{
    compact_json, compact_verdicts_for_page, touched_accounts, AccountKey, CompactVerdict,
};
use followback::memory::Memory;
use followback::prepared::Matchers;
use followback::read::read_page;
use followback::score::score_with;
use followback::Settings;

/// 2026-11-21T10:00:00Z, as the other tests fix it.
const NOW: i64 = 1_795_255_200;

fn fixture(name: &str) -> String {
    let path = format!(
        "{}/tests/fixtures/graphql/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// Reads `name` into a fresh memory the way `Engine.ingest` does; returns the
/// memory and who the payload told about.
fn ingest(name: &str) -> (Memory, Vec<AccountKey>) {
    let obs = read_page(&fixture(name)).unwrap_or_else(|e| panic!("{name}: {e}"));
    let touched = touched_accounts(&obs);
    let mut memory = Memory::new(1000);
    memory.remember(obs, NOW);
    (memory, touched)
}

#[test]
fn every_account_of_a_payload_gets_the_badge_part_of_its_full_verdict() {
    let settings = Settings::default();
    let matchers = Matchers::new(&settings);
    for name in [
        "followers_gen1.json",
        "followers_gen2.json",
        "followers_gen3.json",
        "user_tweets.json",
        "notifications_timeline.json",
    ] {
        let (memory, touched) = ingest(name);
        let compact = compact_verdicts_for_page(&memory, &touched, &settings, &matchers, NOW);
        assert!(!compact.is_empty(), "{name}: no compact verdicts");
        let mut handles: Vec<String> = compact.iter().map(|c| c.handle.to_lowercase()).collect();
        let count = handles.len();
        handles.sort();
        handles.dedup();
        assert_eq!(handles.len(), count, "{name}: an account came twice");
        for c in &compact {
            let entry = memory
                .get(c.id.as_deref(), Some(&c.handle))
                .unwrap_or_else(|| panic!("{name}: {} not remembered", c.handle));
            let full = score_with(&entry.subject(), &settings, &matchers, NOW);
            assert_eq!(*c, CompactVerdict::of(&full), "{name}: {}", c.handle);
        }
        // Everyone remembered from this payload alone was told about by it.
        assert_eq!(compact.len(), memory.len(), "{name}");
    }
}

#[test]
fn accounts_memory_does_not_know_are_left_out() {
    let settings = Settings::default();
    let matchers = Matchers::new(&settings);
    let (memory, mut touched) = ingest("followers_gen3.json");
    let known = compact_verdicts_for_page(&memory, &touched, &settings, &matchers, NOW).len();
    touched.push((Some("999999999".into()), Some("nobody_here_x".into())));
    touched.push((None, None));
    let compact = compact_verdicts_for_page(&memory, &touched, &settings, &matchers, NOW);
    assert_eq!(compact.len(), known);
    assert!(compact.iter().all(|c| c.handle != "nobody_here_x"));
}

#[test]
fn the_json_text_is_one_array_per_account_in_the_documented_order() {
    let settings = Settings::default();
    let matchers = Matchers::new(&settings);
    let (memory, touched) = ingest("followers_gen2.json");
    let compact = compact_verdicts_for_page(&memory, &touched, &settings, &matchers, NOW);
    let text = compact_json(&compact);
    let value: serde_json::Value = serde_json::from_str(&text).unwrap_or_default();
    let rows = value.as_array().cloned().unwrap_or_default();
    assert_eq!(rows.len(), compact.len());
    for (row, c) in rows.iter().zip(&compact) {
        let row = row.as_array().cloned().unwrap_or_default();
        assert_eq!(row.len(), 6, "{row:?}");
        assert_eq!(row[0].as_str(), c.id.as_deref());
        assert_eq!(row[1].as_str(), Some(c.handle.as_str()));
        assert_eq!(row[2].as_u64(), Some(u64::from(c.score)));
        assert_eq!(row[3], serde_json::to_value(c.level).unwrap_or_default());
        assert_eq!(
            row[4],
            serde_json::to_value(c.confidence).unwrap_or_default()
        );
        assert_eq!(row[5].as_f64(), Some(c.confidence_value));
    }
    // No sentences: nothing but the six fields crosses.
    assert!(!text.contains("reason") && !text.contains("evidence"));
    assert_eq!(compact_json(&[]), "");
}
