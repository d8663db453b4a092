//! The `followback` binary, run as a person would: fixtures in, JSON lines out,
//! problems on standard error with the right exit status.

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

use serde_json::Value;

const NOW: &str = "2026-11-21T10:00:00Z";

fn fixture(name: &str) -> String {
    format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"))
}

fn run(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_followback"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start followback");
    {
        let mut pipe = child.stdin.take().expect("stdin");
        if let Some(bytes) = stdin {
            pipe.write_all(bytes).expect("write stdin");
        }
    }
    child.wait_with_output().expect("wait")
}

fn lines(out: &Output) -> Vec<Value> {
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// A scratch file unique to this test process.
fn scratch(name: &str, contents: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("followback-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("scratch dir");
    let path = dir.join(name);
    std::fs::write(&path, contents).expect("write scratch");
    path
}

/// (handle, followers, following, tweets) of the followers fixtures, in order.
const FOLLOWERS: [(&str, u64, u64, u64); 6] = [
    ("maria_okafor", 2345, 512, 8912),
    ("fb_grow_4u", 5102, 4980, 21400),
    ("jsmith84029317", 3, 1204, 0),
    ("crypto_gains_bot", 120, 4999, 58000),
    ("quiet_reader", 14, 188, 2),
    ("dev_tomasz", 812, 403, 3120),
];

fn check_follower_lines(out: &Output, what: &str) {
    assert!(out.status.success(), "{what}: {}", stderr(out));
    let got = lines(out);
    assert_eq!(got.len(), FOLLOWERS.len(), "{what}: one line per account");
    for (line, (handle, followers, following, tweets)) in got.iter().zip(FOLLOWERS) {
        assert_eq!(line["handle"], handle, "{what}");
        assert_eq!(line["facts"]["followers"], followers, "{what} {handle}");
        assert_eq!(line["facts"]["following"], following, "{what} {handle}");
        assert_eq!(line["facts"]["tweets"], tweets, "{what} {handle}");
        assert!(line["id"]
            .as_str()
            .is_some_and(|id| id.starts_with("13500")));
        let score = line["score"].as_u64().expect("score");
        assert!(score <= 100);
        assert!(matches!(
            line["level"].as_str(),
            Some("follow_back" | "maybe" | "skip" | "not_enough_data")
        ));
        assert!(line["confidence"]["label"].is_string());
        let evidence = line["evidence"].as_array().expect("evidence list");
        for e in evidence {
            for key in ["signal", "label", "seen", "threshold", "points", "reason"] {
                assert!(e.get(key).is_some(), "{what}: evidence without {key}: {e}");
            }
        }
    }
}

#[test]
fn followers_of_each_generation_one_line_per_account() {
    for gen in 1..=3 {
        let path = fixture(&format!("graphql/followers_gen{gen}.json"));
        let out = run(&["score", "--now", NOW, &path], None);
        check_follower_lines(&out, &format!("generation {gen}"));
        assert!(stderr(&out).contains("1 unavailable"), "{}", stderr(&out));
    }
}

#[test]
fn reads_standard_input_without_a_path_and_with_dash() {
    let text = std::fs::read(fixture("graphql/followers_gen2.json")).expect("fixture");
    let out = run(&["score", "--now", NOW], Some(&text));
    check_follower_lines(&out, "stdin");
    let out = run(&["score", "--now", NOW, "-"], Some(&text));
    check_follower_lines(&out, "stdin as -");
}

#[test]
fn same_account_in_several_files_prints_once() {
    let out = run(
        &[
            "score",
            "--now",
            NOW,
            &fixture("graphql/followers_gen1.json"),
            &fixture("graphql/followers_gen3.json"),
            &fixture("v11/users.json"),
        ],
        None,
    );
    check_follower_lines(&out, "three files");
    // Generation 1 had listed counts; the merge keeps them.
    assert_eq!(lines(&out)[0]["facts"]["listed"], 61);
}

#[test]
fn tweets_are_attached_to_their_authors() {
    let out = run(
        &["score", "--now", NOW, &fixture("graphql/user_tweets.json")],
        None,
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let got = lines(&out);
    let seen = |h: &str| {
        got.iter()
            .find(|l| l["handle"] == h)
            .map(|l| l["tweets_seen"].clone())
    };
    assert_eq!(seen("maria_okafor"), Some(Value::from(8)));
    assert_eq!(seen("city_transit"), Some(Value::from(1)));
    assert_eq!(seen("dev_tomasz"), Some(Value::from(1)));
}

#[test]
fn now_fixes_the_clock() {
    let path = fixture("graphql/followers_gen3.json");
    let a = run(&["score", "--now", NOW, &path], None);
    let b = run(&["score", &format!("--now={NOW}"), &path], None);
    assert!(a.status.success() && b.status.success());
    assert_eq!(a.stdout, b.stdout, "same clock, same output");
    // Ten years earlier the accounts made in 2021-2025 do not exist yet: ages differ.
    let c = run(&["score", "--now", "2016-11-21T10:00:00Z", &path], None);
    assert!(c.status.success());
    assert_ne!(a.stdout, c.stdout, "--now reaches the scoring");
    let bad = run(&["score", "--now", "yesterday", &path], None);
    assert_eq!(bad.status.code(), Some(2));
    assert!(stderr(&bad).contains("--now"));
}

#[test]
fn a_missing_or_unreadable_file_exits_non_zero_naming_it() {
    let missing = "/nonexistent/followers.json";
    let out = run(&["score", missing], None);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains(missing), "{}", stderr(&out));
    assert!(out.stdout.is_empty());

    let not_json = scratch("garbage.json", "<html>not json</html>");
    let out = run(&["score", not_json.to_str().expect("utf-8 path")], None);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.contains("garbage.json") && err.contains("not JSON"),
        "{err}"
    );

    let empty = scratch("empty_object.json", "{\"data\": {}}");
    let out = run(&["score", empty.to_str().expect("utf-8 path")], None);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.contains("empty_object.json") && err.contains("no account"),
        "{err}"
    );

    let errors = fixture("graphql/errors_only.json");
    let out = run(&["score", &errors], None);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.contains("Rate limit exceeded") && err.contains("errors_only.json"),
        "{err}"
    );
}

#[test]
fn good_files_still_print_when_another_fails() {
    let out = run(
        &[
            "score",
            "--now",
            NOW,
            "/nonexistent/a.json",
            &fixture("v11/single_user.json"),
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(1));
    let got = lines(&out);
    assert_eq!(got.len(), 1);
    assert_eq!(got[0]["handle"], "maria_okafor");
}

#[test]
fn partial_junk_is_skipped_with_a_warning() {
    let out = run(
        &["score", "--now", NOW, &fixture("v11/users_with_junk.jsonl")],
        None,
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let got = lines(&out);
    let handles: Vec<&str> = got.iter().filter_map(|l| l["handle"].as_str()).collect();
    assert_eq!(handles, ["fb_grow_4u", "quiet_reader"]);
    let err = stderr(&out);
    assert!(
        err.contains("warning") && err.contains("line 2") && err.contains("line 4"),
        "{err}"
    );
    assert!(err.contains("users_with_junk.jsonl"), "{err}");
}

#[test]
fn output_reads_back_in() {
    let first = run(
        &[
            "score",
            "--now",
            NOW,
            &fixture("graphql/followers_gen1.json"),
        ],
        None,
    );
    assert!(first.status.success());
    let second = run(&["score", "--now", NOW], Some(&first.stdout));
    assert!(second.status.success(), "{}", stderr(&second));
    let (a, b) = (lines(&first), lines(&second));
    assert_eq!(a.len(), b.len());
    for (x, y) in a.iter().zip(&b) {
        assert_eq!(x["handle"], y["handle"]);
        assert_eq!(x["id"], y["id"]);
        assert_eq!(x["facts"], y["facts"]);
        assert_eq!(x["score"], y["score"]);
    }
}

#[test]
fn settings_file_is_loaded_and_checked() {
    let ok = scratch("settings_ok.json", "{\"version\": 1, \"values\": {}}");
    let path = fixture("graphql/followers_gen3.json");
    let out = run(
        &[
            "score",
            "--now",
            NOW,
            "--settings",
            ok.to_str().expect("utf-8"),
            &path,
        ],
        None,
    );
    check_follower_lines(&out, "default settings file");

    let broken = scratch("settings_broken.json", "{ nope");
    let out = run(
        &[
            "score",
            "--settings",
            broken.to_str().expect("utf-8"),
            &path,
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("settings_broken.json"),
        "{}",
        stderr(&out)
    );
    assert!(out.stdout.is_empty());

    let id = followback::settings::schema()
        .first()
        .map(|s| s.id.to_string())
        .expect("at least one setting");
    let refused = scratch(
        "settings_refused.json",
        &format!("{{\"version\": 1, \"values\": {{\"{id}\": \"not a value\"}}}}"),
    );
    let out = run(
        &[
            "score",
            "--settings",
            refused.to_str().expect("utf-8"),
            &path,
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(stderr(&out).contains("settings_refused.json"));
}

#[test]
fn help_and_usage_errors() {
    let out = run(&["--help"], None);
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("Usage") && text.contains("followback score"),
        "{text}"
    );

    let out = run(&["score", "--help"], None);
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    for word in [
        "--now",
        "--settings",
        "JSON Lines",
        "GraphQL",
        "v1.1",
        "exit status",
    ] {
        assert!(text.contains(word), "score help lacks {word}");
    }

    for bad in [
        &["score", "--frobnicate"][..],
        &[][..],
        &["launch"][..],
        &["score", "--settings"][..],
    ] {
        let out = run(bad, None);
        assert_eq!(out.status.code(), Some(2), "{bad:?}");
        assert!(stderr(&out).contains("Usage"), "{bad:?}: usage on stderr");
        assert!(out.stdout.is_empty());
    }
}
