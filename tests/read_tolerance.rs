//! Reader tests on text the browser's `JSON.parse` accepts but a strict parser
//! rejects: escaped lone UTF-16 surrogates (an emoji cut in half in a bio), and
//! JSON Lines made mostly of bad lines.

use followback::read::{read_any, ReadError};
use followback::Observations;

fn fixture(name: &str) -> String {
    let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn bio<'a>(obs: &'a Observations, handle: &str) -> &'a str {
    obs.accounts
        .iter()
        .find(|a| a.handle == handle)
        .and_then(|a| a.bio.as_deref())
        .unwrap_or_else(|| panic!("no bio for {handle}"))
}

const BIO: &str = r#""description": "Science writer covering"#;

#[test]
fn a_lone_surrogate_in_a_bio_loses_no_account() {
    let clean = fixture("graphql/followers_gen2.json");
    assert!(clean.contains(BIO), "fixture changed");
    let expected = read_any(&clean).expect("fixture reads").accounts.len();
    for escape in [r"\ud83d", r"\uDE00", r"\ud83d\ud83d", r"\udc00\ud800"] {
        let text = clean.replacen(
            BIO,
            &format!(r#""description": "{escape} Science writer covering"#),
            1,
        );
        let obs = read_any(&text).unwrap_or_else(|e| panic!("{escape}: {e}"));
        assert_eq!(obs.accounts.len(), expected, "{escape}");
        let b = bio(&obs, "maria_okafor");
        let replaced = escape.matches(r"\u").count();
        assert!(
            b.starts_with(&format!("{} Science writer", "\u{fffd}".repeat(replaced))),
            "{escape}: {b:?}"
        );
    }
}

#[test]
fn escaped_backslashes_and_real_pairs_are_left_as_they_are() {
    let clean = fixture("graphql/followers_gen2.json");
    // A literal backslash then "ud800", a real pair, then a lone half.
    let text = clean.replacen(
        BIO,
        r#""description": "\\ud800 \ud83d\ude00 \ud83d Science writer covering"#,
        1,
    );
    let obs = read_any(&text).expect("reads");
    assert!(
        bio(&obs, "maria_okafor").starts_with("\\ud800 \u{1f600} \u{fffd} Science writer"),
        "{:?}",
        bio(&obs, "maria_okafor")
    );
}

#[test]
fn a_lone_surrogate_in_a_json_line_keeps_the_line() {
    let text = "{\"screen_name\":\"ann\",\"description\":\"cut \\ud83d\",\"followers_count\":3}\n\
                {\"screen_name\":\"bob\",\"followers_count\":4}\n";
    let obs = read_any(text).expect("reads");
    assert_eq!(obs.accounts.len(), 2, "{:?}", obs.warnings);
    assert_eq!(bio(&obs, "ann"), "cut \u{fffd}");
    assert!(obs.warnings.is_empty(), "{:?}", obs.warnings);
}

#[test]
fn a_million_bad_lines_are_counted_not_each_described() {
    const BAD: usize = 1_000_000;
    let mut text = String::from("{\"screen_name\":\"ann\",\"followers_count\":3}\n");
    text.push_str(&"x\n".repeat(BAD));
    let obs = read_any(&text).expect("the good line is read");
    assert_eq!(obs.accounts.len(), 1);
    assert!(obs.warnings.len() <= 11, "{} warnings", obs.warnings.len());
    assert!(
        obs.warnings.iter().any(|w| w.contains("line 2:")),
        "{:?}",
        obs.warnings
    );
    let summary = obs.warnings.last().map(String::as_str).unwrap_or_default();
    assert!(summary.contains("1,000,000"), "{summary}");
    assert!(summary.contains("999,990"), "{summary}");
}

#[test]
fn only_bad_lines_say_how_many() {
    let text = "x\n".repeat(1_000_000);
    match read_any(&text) {
        Err(ReadError::NotJson(m)) => assert!(m.contains("1,000,000 lines"), "{m}"),
        other => panic!("{other:?}"),
    }
}
