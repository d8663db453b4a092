//! Settings under attack: huge keyword lists validate in linear time, and
//! deeply nested settings documents are refused with a clear message.

use std::time::Instant;

use followback::settings::{validate, Settings, KEYWORDS_MAX_COUNT, VERSION};
use serde_json::{json, Value};

fn doc(values: Value) -> Value {
    json!({ "version": VERSION, "values": values })
}

#[test]
fn ten_thousand_keyword_entries_validate() {
    // 10,000 entries, each of 150 phrases repeated in changing case: the
    // deduplicated list is the 150, first spelling kept, in first-seen order.
    let entries: Vec<String> = (0..10_000)
        .map(|i| {
            let k = i % 150;
            if i % 2 == 0 {
                format!("Phrase number {k}")
            } else {
                format!("PHRASE NUMBER {k}")
            }
        })
        .collect();
    let started = Instant::now();
    let s = validate(&doc(json!({ "begging.keywords": entries })));
    let dup_ms = started.elapsed().as_millis();
    let kept = match s {
        Ok(s) => s.begging_keywords,
        Err(e) => panic!("refused: {e:?}"),
    };
    assert_eq!(kept.len(), 150);
    assert_eq!(kept[0], "Phrase number 0");
    assert_eq!(kept[1], "PHRASE NUMBER 1");
    assert_eq!(kept[149], "PHRASE NUMBER 149");

    // 10,000 distinct entries: refused, and the count is named.
    let distinct: Vec<String> = (0..10_000).map(|i| format!("word {i}")).collect();
    let started = Instant::now();
    let e = validate(&doc(json!({ "guru.keywords": distinct })));
    let distinct_ms = started.elapsed().as_millis();
    match e {
        Ok(_) => panic!("10,000 distinct entries accepted"),
        Err(errors) => {
            assert!(errors.iter().any(|e| e.id == "guru.keywords"
                && e.message.contains(&format!("at most {KEYWORDS_MAX_COUNT}"))
                && e.message.contains("10000")));
        }
    }
    // The tolerant loader repairs the same list to its default.
    let text =
        doc(json!({ "guru.keywords": (0..10_000).map(|i| format!("w{i}")).collect::<Vec<_>>() }))
            .to_string();
    let started = Instant::now();
    let loaded = Settings::from_json(&text);
    let repair_ms = started.elapsed().as_millis();
    match loaded {
        Ok(l) => {
            assert_eq!(l.settings.guru_keywords, Settings::default().guru_keywords);
            assert!(!l.notices.is_empty());
        }
        Err(e) => panic!("tolerant load failed: {e}"),
    }
    println!(
        "keyword validation, 10,000 entries: duplicates {dup_ms} ms, distinct {distinct_ms} ms, repair {repair_ms} ms"
    );
}
