//! The summary's phrase ids (`summary::PHRASE_IDS`, the table the wasm keeps
//! instead of every message id) agree with the English phrases table and with
//! the list of every id, row by row and id by id.

use followback::message::IDS;
use followback::summary::{phrase_id, PHRASES, PHRASE_IDS};

/// The lookup the summary used before the table: scan every id for
/// `sum_down_<signal>` / `sum_up_<signal>`.
fn scan(signal: &str, down: bool) -> Option<&'static str> {
    let prefix = if down { "sum_down_" } else { "sum_up_" };
    IDS.iter()
        .map(|(id, _)| *id)
        .find(|id| id.strip_prefix(prefix) == Some(signal))
}

#[test]
fn phrase_ids_follow_the_phrases_table_row_by_row() {
    assert_eq!(PHRASE_IDS.len(), PHRASES.len());
    for ((signal, down, up), (s, d, u)) in PHRASES.iter().zip(PHRASE_IDS) {
        assert_eq!(signal, s);
        for (phrase, id, dir) in [(down, d, "down"), (up, u, "up")] {
            if phrase.is_empty() {
                assert!(id.is_empty(), "{signal} {dir}: no phrase, yet id {id}");
            } else {
                assert_eq!(*id, format!("sum_{dir}_{signal}"));
            }
        }
    }
}

#[test]
fn phrase_id_finds_what_scanning_every_id_finds() {
    let mut signals: Vec<&str> = PHRASES.iter().map(|(s, _, _)| *s).collect();
    // Every signal named by a sum_ id, and some that have none.
    for (id, _) in IDS {
        for prefix in ["sum_down_", "sum_up_"] {
            if let Some(s) = id.strip_prefix(prefix) {
                signals.push(s);
            }
        }
    }
    signals.extend(["score_limit", "", "nope", "begging_post", "ratio "]);
    let mut found = 0;
    for signal in signals {
        for down in [true, false] {
            let want = scan(signal, down);
            assert_eq!(phrase_id(signal, down), want, "{signal:?} down={down}");
            found += usize::from(want.is_some());
        }
    }
    assert!(found > 30, "phrase ids found: {found}");
}
