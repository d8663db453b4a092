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

// ---- `fb:verdicts` without `full`: compact answers, one JSON text each way ----

use followback::boundary::{
    compact_answers_json, remember_and_score_compact, remember_shown, report_json,
    verdict_request_lines, IngestReport, VerdictRequest,
};
use serde_json::json;

/// One request line per account memory holds (what a row shows of it: the
/// handle, the id, the name as the page writes it, a follow flag), then an
/// account nobody knows, then lines that are not requests.
fn request_lines(memory: &Memory, follows_you: bool) -> (String, usize) {
    let mut lines: Vec<String> = memory
        .entries()
        .map(|e| {
            let a = &e.account;
            json!({ "id": a.id, "handle": a.handle, "dom": {
                "handle": a.handle, "id": a.id, "name": a.name.clone().unwrap_or_default(),
                "bio": a.bio.clone().unwrap_or_default(), "followsYou": follows_you,
            } })
            .to_string()
        })
        .collect();
    let known = lines.len();
    lines.push(json!({ "handle": "nobody_here_x", "id": "999999999" }).to_string());
    lines.push("not json".into());
    lines.push("null".into());
    lines.push(format!(
        r#"{{"handle":"deep","dom":{{"handle":"deep","bio":{}1{}}}}}"#,
        "[".repeat(300),
        "]".repeat(300)
    ));
    (lines.join("\n"), known)
}

/// The full path (the breakdown's `fb:verdicts` with `full: true`): the same
/// requests remembered, then every verdict explained.
fn full_answers(
    memory: &mut Memory,
    lines: &str,
    settings: &Settings,
) -> Vec<Option<CompactVerdict>> {
    let matchers = Matchers::new(settings);
    verdict_request_lines(lines)
        .map(|r| {
            let (key, _) = remember_shown(memory, r?, NOW);
            let entry = memory.get(key.0.as_deref(), key.1.as_deref())?;
            Some(CompactVerdict::of(&score_with(
                &entry.subject(),
                settings,
                &matchers,
                NOW,
            )))
        })
        .collect()
}

#[test]
fn compact_answers_equal_the_full_verdicts_in_request_order() {
    let settings = Settings::default();
    let matchers = Matchers::new(&settings);
    for name in [
        "followers_gen1.json",
        "followers_gen2.json",
        "followers_gen3.json",
        "user_tweets.json",
        "notifications_timeline.json",
    ] {
        for follows_you in [true, false] {
            let (memory, _) = ingest(name);
            let (lines, known) = request_lines(&memory, follows_you);
            let mut compact_memory = memory.clone();
            let (compact, _) =
                remember_and_score_compact(&mut compact_memory, &lines, &settings, &matchers, NOW);
            let mut full_memory = memory.clone();
            let full = full_answers(&mut full_memory, &lines, &settings);
            assert_eq!(compact.len(), known + 4, "{name}: one answer per line");
            assert_eq!(
                compact, full,
                "{name}: compact equals full, position by position"
            );
            assert!(compact[..known].iter().all(Option::is_some), "{name}");
            assert!(
                compact[known..].iter().all(Option::is_none),
                "{name}: unknown and unreadable lines answer null"
            );
            // Both paths remembered the same.
            let a: Vec<_> = compact_memory.entries().map(|e| e.to_data()).collect();
            let b: Vec<_> = full_memory.entries().map(|e| e.to_data()).collect();
            assert_eq!(a, b, "{name}");
        }
    }
}

#[test]
fn facts_that_show_nothing_new_change_nothing_and_are_not_saved() {
    let settings = Settings::default();
    let matchers = Matchers::new(&settings);
    let (mut memory, _) = ingest("followers_gen3.json");
    // The follow flag flipped and back: each is new somewhere, so remembered.
    let (flipped, _) = request_lines(&memory, false);
    let (lines, _) = request_lines(&memory, true);
    let (_, changed_a) =
        remember_and_score_compact(&mut memory, &flipped, &settings, &matchers, NOW);
    let (first, changed_b) =
        remember_and_score_compact(&mut memory, &lines, &settings, &matchers, NOW);
    assert!(changed_a && changed_b, "a new follow flag is remembered");
    let _ = memory.take_changes();
    let before: Vec<_> = memory.entries().map(|e| e.to_data()).collect();
    // The same rows shown again, later: nothing new.
    let (again, changed) =
        remember_and_score_compact(&mut memory, &lines, &settings, &matchers, NOW + 60);
    assert!(!changed, "the same facts again are skipped");
    assert!(memory.take_changes().is_empty(), "no record to save");
    let after: Vec<_> = memory.entries().map(|e| e.to_data()).collect();
    assert_eq!(before, after, "memory unchanged, last seen included");
    let score_at = |answers: &[Option<CompactVerdict>]| {
        answers
            .iter()
            .map(|a| a.as_ref().map(|c| (c.score, c.level)))
            .collect::<Vec<_>>()
    };
    assert_eq!(score_at(&first), score_at(&again));

    // Skipping loses nothing: remembering the same facts anyway gives the same
    // facts, posts, history and interactions (only the last-seen time moves).
    let mut forced = memory.clone();
    for r in verdict_request_lines(&lines).flatten() {
        if let Some(dom) = r.dom.as_ref() {
            let shown = followback::read::dom::account_from_dom(dom);
            forced.remember_page_account(shown, r.id.as_deref(), r.handle.as_deref(), NOW + 60);
        }
    }
    let strip = |m: &Memory| {
        let mut v: Vec<_> = m
            .entries()
            .map(|e| e.to_data())
            .map(|mut e| {
                e.last_seen = 0;
                e
            })
            .collect();
        v.sort_by_key(|e| e.account.key());
        v
    };
    assert_eq!(strip(&forced), strip(&memory));
}

#[test]
fn new_facts_from_the_page_are_remembered() {
    let settings = Settings::default();
    let matchers = Matchers::new(&settings);
    let (mut memory, _) = ingest("followers_gen2.json");
    let Some(entry) = memory.entries().next().map(|e| e.to_data()) else {
        panic!("no account read");
    };
    let handle = entry.account.handle.clone();
    let was = entry.account.you_follow;
    let line =
        json!({ "handle": handle, "dom": { "handle": handle, "youFollow": was != Some(true) } })
            .to_string();
    let (answers, changed) =
        remember_and_score_compact(&mut memory, &line, &settings, &matchers, NOW);
    assert!(changed);
    assert_eq!(answers.len(), 1);
    assert_eq!(
        memory
            .get(None, Some(&handle))
            .and_then(|e| e.account.you_follow),
        Some(was != Some(true))
    );
    // An account only the page has shown is remembered and answered.
    let line = json!({ "handle": "page_only_1", "dom": { "handle": "page_only_1", "name": "Page Only", "followersText": "12" } }).to_string();
    let (answers, changed) =
        remember_and_score_compact(&mut memory, &line, &settings, &matchers, NOW);
    assert!(changed);
    assert_eq!(
        answers.first().cloned().flatten().map(|c| c.handle),
        Some("page_only_1".to_string())
    );
}

#[test]
fn the_answer_is_one_json_text_with_null_where_nothing_is_known() {
    let settings = Settings::default();
    let matchers = Matchers::new(&settings);
    let (mut memory, _) = ingest("followers_gen1.json");
    let handle = memory
        .entries()
        .next()
        .map(|e| e.account.handle.clone())
        .unwrap_or_default();
    let lines = format!(
        "{}\n{}",
        json!({ "handle": handle }),
        json!({ "handle": "nobody_here_x" })
    );
    let (answers, _) = remember_and_score_compact(&mut memory, &lines, &settings, &matchers, NOW);
    let text = compact_answers_json(&answers);
    let value: serde_json::Value = serde_json::from_str(&text).unwrap_or_default();
    let rows = value.as_array().cloned().unwrap_or_default();
    assert_eq!(rows.len(), 2, "{text}");
    assert_eq!(rows[0].as_array().map(Vec::len), Some(6), "{text}");
    assert_eq!(rows[0][1].as_str(), Some(handle.as_str()));
    assert!(rows[1].is_null(), "{text}");
    assert!(!text.contains("evidence") && !text.contains("reason"));
    // No request, no answer.
    let (none, changed) = remember_and_score_compact(&mut memory, "", &settings, &matchers, NOW);
    assert!(none.is_empty() && !changed);
    assert_eq!(compact_answers_json(&none), "[]");
    assert_eq!(verdict_request_lines("").count(), 0);
    assert_eq!(
        verdict_request_lines(r#"{"handle":"a"}"#).collect::<Vec<_>>(),
        vec![Some(VerdictRequest {
            handle: Some("a".into()),
            ..VerdictRequest::default()
        })]
    );
}

#[test]
fn the_payload_report_is_one_json_text_that_reads_back_the_same() {
    let settings = Settings::default();
    let matchers = Matchers::new(&settings);
    let mut obs = read_page(&fixture("followers_gen3.json")).unwrap_or_else(|e| panic!("{e}"));
    let touched = touched_accounts(&obs);
    let mut report = IngestReport::of(&mut obs);
    let mut memory = Memory::new(1000);
    memory.remember(obs, NOW);
    report.verdicts = compact_json(&compact_verdicts_for_page(
        &memory, &touched, &settings, &matchers, NOW,
    ));
    let text = report_json(&report);
    let back: IngestReport = serde_json::from_str(&text).unwrap_or_default();
    assert_eq!(back, report);
    assert!(back.accounts > 0 && !back.verdicts.is_empty());
    assert!(!text.contains("evidence"), "no sentences cross");
}
