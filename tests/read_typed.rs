//! The typed streaming page reader against the generic walker: on every
//! fixture and on generated X-shaped pages (users of each generation, with
//! missing fields, wrong types, repeated keys, escapes and hostile parts),
//! `read_page` yields exactly what `read_page_generic` yields, and the pages
//! X really sends (Followers-like timelines of users) take the typed path.

use followback::read::{read_page, read_page_generic, read_page_typed};
use proptest::prelude::*;
use serde_json::{json, Value};

fn fixture_files() -> Vec<(String, String)> {
    let mut out = Vec::new();
    for dir in ["graphql", "viewer", "v11"] {
        let path = format!("{}/tests/fixtures/{dir}", env!("CARGO_MANIFEST_DIR"));
        let mut names: Vec<_> = std::fs::read_dir(&path)
            .unwrap_or_else(|e| panic!("{path}: {e}"))
            .filter_map(Result::ok)
            .map(|e| e.path())
            .collect();
        names.sort();
        for p in names {
            let text = std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{p:?}: {e}"));
            out.push((format!("{dir}/{}", p.file_name().unwrap_or_default().to_string_lossy()), text));
        }
    }
    out
}

#[test]
fn every_fixture_reads_the_same_both_ways() {
    let mut typed = Vec::new();
    for (name, text) in fixture_files() {
        assert_eq!(read_page(&text), read_page_generic(&text), "{name}");
        if let Some(r) = read_page_typed(&text) {
            assert_eq!(r, read_page_generic(&text), "{name} (typed alone)");
            typed.push(name);
        }
    }
    eprintln!("typed: {typed:?}");
    for name in [
        "graphql/followers_gen1.json",
        "graphql/followers_gen2.json",
        "graphql/followers_gen3.json",
        "graphql/following.json",
    ] {
        assert!(typed.iter().any(|t| t == name), "{name} is read by the typed reader");
    }
}
