//! The messages Rust emits against the en locale file: every id in the table
//! (`followback::message::IDS`) is an en key with exactly the placeholders
//! `$1`..`$n` its argument count says; every id literal in the source is in
//! the table; and every message in verdicts, summaries and self-checks built
//! from the fixtures carries exactly as many arguments as its template takes.

use std::collections::{BTreeSet, HashMap};
use std::path::Path;

use followback::message::{Arg, Message, IDS};
use followback::score::score;
use followback::selfcheck::self_check;
use followback::{read::read_any, Account, Interaction, Settings, Subject, Tweet};

const NOW: i64 = 1_767_225_600; // 2026-01-01

fn en() -> serde_json::Map<String, serde_json::Value> {
    let text = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("extension/_locales/en/messages.json"),
    )
    .expect("en messages");
    serde_json::from_str(&text).expect("en messages are JSON")
}

fn placeholders(template: &str) -> BTreeSet<usize> {
    let b = template.as_bytes();
    let mut out = BTreeSet::new();
    let mut i = 0;
    while i + 1 < b.len() {
        if b[i] == b'$' {
            if b[i + 1] == b'$' {
                i += 2;
                continue;
            }
            if (b'1'..=b'9').contains(&b[i + 1]) {
                out.insert(usize::from(b[i + 1] - b'0'));
            }
        }
        i += 1;
    }
    out
}

#[test]
fn every_id_is_an_en_key_with_exactly_its_placeholders() {
    let en = en();
    let mut seen = BTreeSet::new();
    for (id, n) in IDS {
        assert!(seen.insert(*id), "{id} twice in the table");
        assert!(
            id.bytes()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == b'_'),
            "{id}: chrome.i18n names are [a-z0-9_]"
        );
        let entry = en.get(*id).unwrap_or_else(|| panic!("{id} is not in en"));
        let template = entry["message"].as_str().expect("a message");
        let want: BTreeSet<usize> = (1..=*n).collect();
        assert_eq!(placeholders(template), want, "{id}: {template:?}");
        assert!(
            entry["description"].as_str().is_some_and(|d| !d.is_empty()),
            "{id} has a description"
        );
    }
    assert!(
        placeholders("a $1 and $$2 $3") == [1, 3].into(),
        "the check can fail"
    );
}

fn rust_sources(dir: &Path, out: &mut Vec<String>) {
    for entry in std::fs::read_dir(dir).expect("src").flatten() {
        let path = entry.path();
        if path.is_dir() {
            rust_sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(std::fs::read_to_string(&path).expect("source"));
        }
    }
}

#[test]
fn every_id_literal_in_the_source_is_in_the_table() {
    let mut sources = Vec::new();
    rust_sources(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
        &mut sources,
    );
    let table: BTreeSet<&str> = IDS.iter().map(|(id, _)| *id).collect();
    let mut found = 0;
    for text in &sources {
        for piece in text.split('"').skip(1).step_by(2) {
            let prefixed = ["ev_", "sum_", "sc_"].iter().any(|p| piece.starts_with(p));
            let id_like = piece
                .bytes()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == b'_');
            // Prefixes the code completes ("ev_u_" + unit, "sum_down_" + signal).
            if !prefixed || !id_like || piece.ends_with('_') {
                continue;
            }
            found += 1;
            assert!(table.contains(piece), "{piece} is used but not in IDS");
        }
    }
    assert!(found > 300, "the scan found the ids ({found})");
}

fn check(m: &Message, counts: &HashMap<&str, usize>, checked: &mut usize) {
    if m.is_empty() {
        return;
    }
    let n = counts
        .get(m.id)
        .unwrap_or_else(|| panic!("{} is not in IDS", m.id));
    assert_eq!(m.args.len(), *n, "{}: {:?}", m.id, m.args);
    *checked += 1;
    for a in &m.args {
        check_arg(a, counts, checked);
    }
}

fn check_arg(a: &Arg, counts: &HashMap<&str, usize>, checked: &mut usize) {
    match a {
        Arg::Msg(m) => check(m, counts, checked),
        Arg::List(items) => items.iter().for_each(|a| check_arg(a, counts, checked)),
        _ => {}
    }
}

/// Accounts and posts from every fixture payload the readers know.
fn fixtures() -> Vec<(Account, Vec<Tweet>, Vec<Interaction>)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut out = Vec::new();
    for sub in ["graphql", "v11", "viewer", "labelled"] {
        let Ok(entries) = std::fs::read_dir(dir.join(sub)) else {
            continue;
        };
        for entry in entries.flatten() {
            let Ok(text) = std::fs::read_to_string(entry.path()) else {
                continue;
            };
            let Ok(obs) = read_any(&text) else { continue };
            for a in &obs.accounts {
                let tweets: Vec<Tweet> = obs
                    .tweets
                    .iter()
                    .filter(|t| {
                        t.author_handle
                            .as_deref()
                            .is_some_and(|h| h.eq_ignore_ascii_case(&a.handle))
                    })
                    .cloned()
                    .collect();
                out.push((a.clone(), tweets, obs.interactions.clone()));
            }
        }
    }
    out
}

#[test]
fn every_message_built_carries_the_arguments_its_template_takes() {
    let counts: HashMap<&str, usize> = IDS.iter().copied().collect();
    let accounts = fixtures();
    assert!(accounts.len() > 20, "fixtures read ({})", accounts.len());
    let mut checked = 0;
    let settings = [
        Settings::default(),
        Settings {
            interests_keywords: vec!["rust".into(), "garden".into()],
            score_base: 100,
            ..Settings::default()
        },
    ];
    for (account, tweets, interactions) in &accounts {
        for s in &settings {
            let subject = Subject {
                tweets,
                interactions,
                ..Subject::profile(account)
            };
            let v = score(&subject, s, NOW);
            for e in &v.evidence {
                check(&e.label, &counts, &mut checked);
                check(&e.threshold, &counts, &mut checked);
                check(&e.reason, &counts, &mut checked);
                if let Some(seen) = &e.seen {
                    check(seen, &counts, &mut checked);
                }
            }
            let sum = v.summary();
            check(&sum.why, &counts, &mut checked);
            check(&sum.seen, &counts, &mut checked);
            if let Some(l) = &sum.limit {
                check(l, &counts, &mut checked);
            }
            let sc = self_check(&v, account);
            check(&sc.summary, &counts, &mut checked);
            for l in &sc.lines {
                check(&l.title, &counts, &mut checked);
                check(&l.text, &counts, &mut checked);
                for m in l.fact.iter().chain(l.advice.iter()) {
                    check(m, &counts, &mut checked);
                }
            }
        }
    }
    assert!(checked > 10_000, "messages checked: {checked}");
}

#[test]
fn the_summary_phrases_table_and_the_en_file_say_the_same() {
    let en = en();
    let ids: BTreeSet<&str> = IDS.iter().map(|(id, _)| *id).collect();
    let mut checked = 0;
    for (signal, down, up) in followback::summary::PHRASES {
        for (dir, phrase) in [("down", down), ("up", up)] {
            let id = format!("sum_{dir}_{signal}");
            if phrase.is_empty() {
                assert!(!ids.contains(id.as_str()), "{id} has no phrase in PHRASES");
                continue;
            }
            assert!(ids.contains(id.as_str()), "{id} is not in IDS");
            assert_eq!(en[&id]["message"].as_str(), Some(*phrase), "{id}");
            checked += 1;
        }
    }
    assert!(checked > 30, "phrases checked: {checked}");
}
