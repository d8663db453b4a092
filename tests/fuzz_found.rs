//! What the coverage-guided fuzz targets (fuzz/, `./build.sh fuzz`) found,
//! kept as plain regression tests.

use followback::memory::Memory;
use followback::{Account, Source};

/// An id-less entry and an entry with an id holding the same handle,
/// observed at the same second: which one kept the handle depended on the
/// file's order, and an export (written in hash order for equal times) could
/// re-import without one of them (found by the `memory` target).
fn tied(first_with_id: bool) -> String {
    let no_id = r#"{"account":{"handle":"sam","observed_at":100},"tweets":[],"interactions":[],"last_seen":100}"#;
    let with_id = r#"{"account":{"id":"7","handle":"Sam","observed_at":100},"tweets":[],"interactions":[],"last_seen":100}"#;
    let (a, b) = if first_with_id {
        (with_id, no_id)
    } else {
        (no_id, with_id)
    };
    format!(r#"{{"version":1,"capacity":50,"entries":[{a},{b}]}}"#)
}

#[test]
fn tied_handle_holders_load_the_same_in_any_order_and_re_import_whole() {
    for first_with_id in [true, false] {
        let memory = Memory::from_json(&tied(first_with_id)).expect("the file reads");
        let held = memory.get(None, Some("sam")).expect("someone holds @sam");
        assert_eq!(
            held.account.id.as_deref(),
            Some("7"),
            "the account with an id keeps the handle"
        );
        assert_eq!(
            memory.len(),
            1,
            "the id-less entry is unreachable and dropped"
        );
        // Entries with equal times are written in hash order: re-import many
        // times so every order is met.
        let export = memory.to_json();
        for _ in 0..32 {
            let back = Memory::from_json(&export).expect("an export re-imports");
            assert_eq!(
                back.len(),
                memory.len(),
                "re-importing an export lost accounts"
            );
            assert_eq!(back.to_json(), export, "re-importing changed the export");
        }
    }
}

#[test]
fn an_older_id_less_holder_gives_way_and_a_newer_one_keeps_its_handle() {
    let doc = |no_id_at: i64| {
        format!(
            r#"{{"version":1,"capacity":50,"entries":[
            {{"account":{{"handle":"sam","observed_at":{no_id_at}}},"tweets":[],"interactions":[],"last_seen":{no_id_at}}},
            {{"account":{{"id":"7","handle":"sam","observed_at":100}},"tweets":[],"interactions":[],"last_seen":100}}]}}"#
        )
    };
    let older = Memory::from_json(&doc(99)).expect("reads");
    assert_eq!(older.len(), 1);
    let newer = Memory::from_json(&doc(101)).expect("reads");
    assert_eq!(
        newer.len(),
        2,
        "both are kept: the newer id-less entry holds @sam"
    );
    let held = newer.get(None, Some("sam")).expect("someone holds @sam");
    assert_eq!(held.account.id, None);
    for _ in 0..32 {
        let back = Memory::from_json(&newer.to_json()).expect("re-imports");
        assert_eq!(back.len(), 2, "re-importing an export lost accounts");
    }
}

fn observed(followers: u64, at: i64) -> Account {
    let mut a = Account::with_handle("maria_okafor", Source::Graphql);
    a.id = Some("1350001".into());
    a.followers = Some(followers);
    a.following = Some(512);
    a.observed_at = Some(at);
    a
}

/// An observation older than the last snapshot (an imported file remembered
/// into a newer memory) was appended after it: history was no longer oldest
/// first, and an export re-imported in another order (found by the `memory`
/// target).
#[test]
fn an_older_observation_takes_its_place_in_history() {
    let mut memory = Memory::new(10);
    memory.remember_account(observed(2_000, 1_000), 5_000);
    memory.remember_account(observed(3_000, 3_000), 5_000);
    memory.remember_account(observed(2_500, 2_000), 5_000);
    let entry = memory.get(Some("1350001"), None).expect("remembered");
    let times: Vec<i64> = entry.history.iter().map(|s| s.at).collect();
    assert_eq!(times, vec![1_000, 2_000, 3_000], "history oldest first");
    let back = Memory::from_json(&memory.to_json()).expect("re-imports");
    let again = back.get(Some("1350001"), None).expect("re-imported");
    assert_eq!(
        again.history, entry.history,
        "history changed on its way through an export"
    );
}

/// A memory file whose handle is written with its `@` loaded under a key the
/// lookup never finds: the account was in memory but no verdict could reach
/// it (found by the `memory` target on the merged IndexedDB records).
#[test]
fn a_handle_written_with_its_at_is_found_again() {
    let file = r#"{"version":1,"capacity":50,"entries":[{"account":{"handle":"@ev_tomasz","followers":812,"observed_at":1795255199},"tweets":[],"interactions":[],"last_seen":1795255200}]}"#;
    let memory = Memory::from_json(file).expect("loads");
    let entry = memory
        .get(None, Some("ev_tomasz"))
        .expect("found by its handle");
    assert_eq!(entry.account.handle, "ev_tomasz");
    assert!(
        memory.get(None, Some("@EV_Tomasz")).is_some(),
        "with @ and any case too"
    );
    let back = Memory::from_json(&memory.to_json()).expect("re-imports");
    assert!(
        back.get(None, Some("ev_tomasz")).is_some(),
        "and after an export"
    );
}
