//! The audit page's JSON export (extension/audit/export.js) read back by
//! `followback score`: every record comes back once, with its handle, id and counts.

use std::io::Write;
use std::process::{Command, Stdio};

use serde_json::{json, Value};

/// Records shaped as the audit page exports them (this list / everything remembered).
fn export() -> Value {
    json!([
        {
            "handle": "builder_002", "id": "700002", "score": 85, "level": "follow_back",
            "computed_level": "follow_back", "override": null,
            "confidence": { "value": 0.93, "label": "high" },
            "facts": {
                "name": "Builder 2", "bio": "Compiler engineer.", "location": "Lisbon",
                "url": "https://builder.example", "followers": 1520, "following": 402,
                "tweets": 5002, "likes": 8002, "listed": 32, "media": 200,
                "default_avatar": false, "verified": false, "blue_verified": false,
                "protected": false, "follows_you": true, "you_follow": false,
                "created_at": "2011-01-10T02:06:34Z"
            },
            "reasons": [], "seen_at": "2026-11-21T10:00:00Z"
        },
        {
            "handle": "tfb_bot_001", "id": "700001", "score": 12, "level": "follow_back",
            "computed_level": "skip", "override": "always",
            "confidence": { "value": 0.9, "label": "high" },
            "facts": {
                "name": "FOLLOW BACK 100%", "bio": "#TeamFollowBack #F4F follow me and I follow back 100%",
                "followers": 201, "following": 4901, "tweets": 11, "likes": 3, "listed": 0,
                "default_avatar": true, "follows_you": true, "you_follow": false,
                "created_at": "2026-03-03T10:00:00Z"
            },
            "reasons": ["Asks for follow-backs", "Following to followers"],
            "seen_at": "2026-11-21T10:00:00Z"
        },
        {
            "handle": "reader_003", "id": "700003", "score": 30, "level": "skip",
            "computed_level": "skip", "override": null,
            "confidence": { "value": 0.4, "label": "low" },
            "facts": { "bio": "", "followers": 23, "following": 153, "tweets": 6, "likes": 603, "listed": 0,
                       "follows_you": false },
            "reasons": ["Has a bio"], "seen_at": null
        }
    ])
}

fn score(input: &[u8], extra: &[&str]) -> (Vec<Value>, String, bool) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_followback"))
        .arg("score")
        .args(["--now", "2026-11-21T10:00:00Z"])
        .args(extra)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start followback");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(input)
        .expect("write stdin");
    let out = child.wait_with_output().expect("wait");
    let lines = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect();
    (
        lines,
        String::from_utf8_lossy(&out.stderr).into_owned(),
        out.status.success(),
    )
}

fn check_round_trip(lines: &[Value]) {
    let records = export();
    let records = records.as_array().expect("array");
    assert_eq!(lines.len(), records.len(), "one line per exported record");
    for (line, record) in lines.iter().zip(records) {
        assert_eq!(line["handle"], record["handle"]);
        assert_eq!(line["id"], record["id"]);
        for key in ["followers", "following", "tweets", "likes", "listed"] {
            assert_eq!(
                line["facts"][key], record["facts"][key],
                "{key} of {}",
                record["handle"]
            );
        }
        for key in ["created_at", "follows_you", "you_follow"] {
            if record["facts"].get(key).is_some() {
                assert_eq!(line["facts"][key], record["facts"][key], "{key}");
            }
        }
        let score = line["score"].as_u64().expect("a score");
        assert!(score <= 100);
        assert!(line["evidence"].as_array().is_some_and(|e| !e.is_empty()));
    }
}

#[test]
fn the_audit_json_export_is_read_back_by_the_cli() {
    let text = serde_json::to_vec_pretty(&export()).expect("json");
    let (lines, stderr, ok) = score(&text, &[]);
    assert!(ok, "exit status 0; stderr: {stderr}");
    check_round_trip(&lines);
}

#[test]
fn the_audit_json_export_is_read_back_from_a_file() {
    let dir = std::env::temp_dir().join(format!("followback-cli-export-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("scratch dir");
    let path = dir.join("followback-viewer_me-followers.json");
    std::fs::write(&path, serde_json::to_vec(&export()).expect("json")).expect("write");
    let (lines, stderr, ok) = score(b"", &[path.to_str().expect("utf-8 path")]);
    assert!(ok, "exit status 0; stderr: {stderr}");
    check_round_trip(&lines);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn scores_depend_on_the_facts_not_on_the_exported_score() {
    // The CLI re-scores: an exported (possibly overridden) score is not copied back.
    let mut records = export();
    records[0]["score"] = json!(3);
    records[1]["score"] = json!(99);
    let text = serde_json::to_vec(&records).expect("json");
    let (lines, _, ok) = score(&text, &[]);
    assert!(ok);
    let (a, b) = (&lines[0]["score"], &lines[1]["score"]);
    assert!(
        a.as_u64() > b.as_u64(),
        "the engineer outranks the follow-back account: {a} vs {b}"
    );
}
