//! Conventions the code keeps, checked: the README's settings and signals
//! tables are what the code says (the settings table is the CLI's
//! `followback settings --markdown` output, generated, not a frozen copy), and
//! every signal function in `src/signals/` is registered in `SIGNALS`; every
//! design note the code cites is summarised in docs/design-notes.md.

use std::collections::BTreeSet;
use std::path::Path;
use std::process::Command;

use followback::signals::{self, Subject};
use followback::{Account, Settings};

fn read(path: &str) -> String {
    let full = Path::new(env!("CARGO_MANIFEST_DIR")).join(path);
    std::fs::read_to_string(&full).unwrap_or_else(|e| panic!("{}: {e}", full.display()))
}

/// The lines of the first Markdown table after `heading` in `text`.
fn table_after(text: &str, heading: &str) -> Vec<String> {
    let start = text
        .find(heading)
        .unwrap_or_else(|| panic!("README has no {heading:?}"));
    text[start..]
        .lines()
        .skip_while(|l| !l.starts_with('|'))
        .take_while(|l| l.starts_with('|'))
        .map(str::to_string)
        .collect()
}

#[test]
fn readme_settings_table_is_the_cli_markdown_output() {
    let out = Command::new(env!("CARGO_BIN_EXE_followback"))
        .args(["settings", "--markdown"])
        .output()
        .expect("the followback binary runs");
    assert!(
        out.status.success(),
        "followback settings --markdown failed"
    );
    let generated: Vec<String> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(str::to_string)
        .collect();
    assert!(generated.len() > 20, "the listing has the settings");
    let readme = table_after(&read("README.md"), "## Options");
    assert_eq!(
        readme, generated,
        "README.md's Options table differs from `followback settings --markdown`: paste its output there"
    );
}

/// The signal ids in the order the score shows them, for an account with no data.
fn signal_ids() -> Vec<String> {
    let account = Account::with_handle("someone", followback::Source::Graphql);
    signals::evaluate(&Subject::profile(&account), &Settings::default(), 0)
        .into_iter()
        .map(|e| e.signal)
        .collect()
}

#[test]
fn readme_signals_table_lists_every_signal_once_in_order() {
    let rows = table_after(&read("README.md"), "## Signals");
    let documented: Vec<String> = rows
        .iter()
        .skip(2) // header and separator
        .filter_map(|row| row.split('`').nth(1).map(str::to_string))
        .collect();
    assert_eq!(
        documented.len(),
        rows.len() - 2,
        "every row names its signal id in backticks"
    );
    assert_eq!(
        documented,
        signal_ids(),
        "README.md's Signals table must list SIGNALS' ids, in SIGNALS order"
    );
}

/// `(module, function)` for every function shaped like a signal
/// (`fn x(subject: &Subject, s: &Settings, now: i64) -> Evidence`) in src/signals/.
fn signal_functions() -> BTreeSet<(String, String)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/signals");
    let mut found = BTreeSet::new();
    let entries = std::fs::read_dir(&dir).expect("src/signals is readable");
    for entry in entries.flatten() {
        let path = entry.path();
        let Some(module) = path
            .file_stem()
            .and_then(|s| s.to_str())
            .map(str::to_string)
        else {
            continue;
        };
        if path.extension().and_then(|e| e.to_str()) != Some("rs") || module == "mod" {
            continue;
        }
        let text = std::fs::read_to_string(&path).expect("a signal module is readable");
        for line in text.lines() {
            let line = line.trim_start();
            let Some(rest) = line.strip_prefix("pub fn ") else {
                continue;
            };
            let Some((name, signature)) = rest.split_once('(') else {
                continue;
            };
            let flat: String = signature.split_whitespace().collect();
            if flat.contains(":&Subject")
                && flat.contains(":&Settings")
                && flat.ends_with("->Evidence{")
            {
                found.insert((module.clone(), name.to_string()));
            }
        }
    }
    found
}

/// `(module, function)` for every `module::function` entry of the signal lists in src/signals/mod.rs.
fn registered() -> BTreeSet<(String, String)> {
    let text = read("src/signals/mod.rs");
    let mut out = BTreeSet::new();
    for list in ["pub const PROFILE_SIGNALS", "pub const BEHAVIOUR_SIGNALS"] {
        let start = text
            .find(list)
            .unwrap_or_else(|| panic!("mod.rs has no {list}"));
        let body = &text[start..];
        let end = body.find("];").expect("the list ends");
        for line in body[..end].lines().skip(1) {
            let line = line.trim().trim_end_matches(',');
            if let Some((module, name)) = line.split_once("::") {
                if !line.starts_with("//") {
                    out.insert((module.to_string(), name.to_string()));
                }
            }
        }
    }
    out
}

#[test]
fn every_signal_function_is_registered_in_signals() {
    let functions = signal_functions();
    assert!(
        functions.len() > 20,
        "found the signal functions: {functions:?}"
    );
    let registered = registered();
    let missing: Vec<_> = functions.difference(&registered).collect();
    assert!(
        missing.is_empty(),
        "signal functions not in PROFILE_SIGNALS or BEHAVIOUR_SIGNALS: {missing:?}"
    );
    let unknown: Vec<_> = registered.difference(&functions).collect();
    assert!(
        unknown.is_empty(),
        "registered entries that are not signal functions: {unknown:?}"
    );
    assert_eq!(
        registered.len(),
        signals::SIGNALS.len(),
        "one SIGNALS entry per registered function"
    );
}

/// Every `.rs` file under `dir`, as (path, text).
fn rust_files(dir: &Path, out: &mut Vec<(String, String)>) {
    for entry in std::fs::read_dir(dir).expect("readable").flatten() {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().and_then(|e| e.to_str()) == Some("rs") {
            let text = std::fs::read_to_string(&path).expect("readable");
            out.push((path.display().to_string(), text));
        }
    }
}

/// The numbers that follow each occurrence of `marker` (case-insensitive), e.g. "seed " -> "003".
fn cited(text: &str, marker: &str) -> Vec<String> {
    let lower = text.to_lowercase();
    lower
        .match_indices(marker)
        .map(|(i, _)| {
            lower[i + marker.len()..]
                .chars()
                .take_while(char::is_ascii_digit)
                .collect::<String>()
        })
        .filter(|n| !n.is_empty())
        .collect()
}

#[test]
fn every_cited_design_note_is_in_docs() {
    let notes = read("docs/design-notes.md");
    let mut files = Vec::new();
    rust_files(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
        &mut files,
    );
    let mut missing = BTreeSet::new();
    let mut seen = 0;
    for (path, text) in &files {
        for seed in cited(text, "seed ") {
            seen += 1;
            if !notes.contains(&format!("**{seed}**")) {
                missing.insert(format!("{path}: seed {seed}"));
            }
        }
        for n in cited(text, "heuristic ") {
            seen += 1;
            if !notes.contains(&format!("\n| {n} | ")) {
                missing.insert(format!("{path}: heuristic {n}"));
            }
        }
        for section in cited(text, "x-com-facts.md \\u{a7}")
            .into_iter()
            .chain(cited(text, "x-com-facts \\u{a7}"))
            .chain(cited(text, "x-com-facts.md §"))
            .chain(cited(text, "x-com-facts §"))
        {
            seen += 1;
            if !notes.contains(&format!("(X-COM-FACTS.md §{section})")) {
                missing.insert(format!("{path}: X-COM-FACTS §{section}"));
            }
        }
    }
    assert!(seen > 20, "found the citations ({seen})");
    assert!(
        missing.is_empty(),
        "cited but not in docs/design-notes.md: {missing:?}"
    );
}
