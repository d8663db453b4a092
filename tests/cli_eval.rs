//! `followback eval` run as a person would: the labelled fixture in, figures
//! out (text and --json), problems on standard error with the right status.

use std::process::{Command, Output, Stdio};

use serde_json::Value;

fn fixture(name: &str) -> String {
    format!(
        "{}/tests/fixtures/labelled/{name}",
        env!("CARGO_MANIFEST_DIR")
    )
}

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_followback"))
        .args(args)
        .stdin(Stdio::null())
        .output()
        .expect("run followback")
}

fn now() -> String {
    std::fs::read_to_string(fixture("now.txt"))
        .expect("now.txt")
        .trim()
        .to_string()
}

fn eval(extra: &[&str]) -> Output {
    let labels = fixture("labels.jsonl");
    let users = fixture("users.jsonl");
    let now = now();
    let mut args = vec!["eval", "--labels", &labels, "--now", &now];
    args.extend_from_slice(extra);
    args.push(&users);
    run(&args)
}

#[test]
fn eval_prints_the_figures_as_json() {
    let out = eval(&["--json"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let r: Value = serde_json::from_slice(&out.stdout).expect("one JSON object");
    assert_eq!(r["accounts"], 8);
    assert_eq!(r["humans"], 4);
    assert_eq!(r["bots"], 4);
    let auc = r["auc"].as_f64().expect("auc");
    assert!((0.0..=1.0).contains(&auc));
    // Every human of the fixture is plainly more of a person than every bot.
    assert_eq!(auc, 1.0, "{r}");
    let classes: Vec<&str> = r["classes"]
        .as_array()
        .expect("classes")
        .iter()
        .filter_map(|c| c["class"].as_str())
        .collect();
    assert_eq!(
        classes,
        ["genuine", "organisation", "fake_follower", "spambot"]
    );
    let signals = r["signals"].as_array().expect("signals");
    let likes = signals
        .iter()
        .find(|s| s["signal"] == "likes")
        .expect("likes");
    assert!(likes["auc"].as_f64().is_some_and(|a| a > 0.5), "{likes}");
    assert!(r["distinct_scores"]
        .as_u64()
        .is_some_and(|n| (2..=8).contains(&n)));
    assert!(r["most_common_score"]["accounts"]
        .as_u64()
        .is_some_and(|n| n >= 1));
    let worst = r["worst_humans"].as_array().expect("worst humans");
    assert_eq!(worst.len(), 4);
    let scores: Vec<u64> = worst.iter().filter_map(|e| e["score"].as_u64()).collect();
    assert!(scores.windows(2).all(|w| w[0] <= w[1]), "{scores:?}");
    let best = r["best_bots"].as_array().expect("best bots");
    let scores: Vec<u64> = best.iter().filter_map(|e| e["score"].as_u64()).collect();
    assert!(scores.windows(2).all(|w| w[0] >= w[1]), "{scores:?}");
    assert!(best
        .iter()
        .all(|e| e["top"].as_array().is_some_and(|t| !t.is_empty())));
    // What was left out is said on standard error, naming the bad line.
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("line 10: not JSON"), "{err}");
    assert!(err.contains("1 account(s) have no label"), "{err}");
    assert!(
        err.contains("1 labelled account(s) were not in the inputs"),
        "{err}"
    );
}

#[test]
fn eval_prints_text_for_people() {
    let out = eval(&[]);
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8_lossy(&out.stdout);
    for part in [
        "accounts 8 (humans 4, bots 4)",
        "AUC 1.000",
        "per class",
        "distinct scores",
        "human-bot pairs tied",
        "verdicts cut by the 0/100 limit",
        "most common score",
        "worst-ranked humans:",
        "best-ranked bots:",
        "@weather_bot (spambot)",
    ] {
        assert!(text.contains(part), "missing {part:?} in\n{text}");
    }
}

#[test]
fn eval_settings_change_the_figures() {
    let path = std::env::temp_dir().join(format!("followback-eval-{}.json", std::process::id()));
    std::fs::write(
        &path,
        r#"{"version": 1, "values": {"likes.few_points": 0, "likes.many_points": 0}}"#,
    )
    .expect("write settings");
    let path = path.to_string_lossy().into_owned();
    let out = eval(&["--json", "--settings", &path]);
    assert_eq!(out.status.code(), Some(0));
    let r: Value = serde_json::from_slice(&out.stdout).expect("json");
    let likes = r["signals"]
        .as_array()
        .and_then(|s| s.iter().find(|s| s["signal"] == "likes").cloned())
        .expect("likes");
    assert_eq!(likes["share_with_points"], 0.0);
}

#[test]
fn eval_reports_bad_usage_and_bad_inputs() {
    let users = fixture("users.jsonl");
    let labels = fixture("labels.jsonl");
    // No labels, no accounts: usage (2).
    assert_eq!(run(&["eval", &users]).status.code(), Some(2));
    assert_eq!(run(&["eval", "--labels", &labels]).status.code(), Some(2));
    assert_eq!(
        run(&["eval", "--labels", &labels, "--bogus", &users])
            .status
            .code(),
        Some(2)
    );
    // Unreadable or empty labels, unreadable accounts: input (1).
    let out = run(&["eval", "--labels", "/nonexistent/labels.jsonl", &users]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("cannot read the labels"));
    let out = run(&["eval", "--labels", &users, &users]);
    assert_eq!(out.status.code(), Some(1), "users are not labels");
    assert!(String::from_utf8_lossy(&out.stderr).contains("no usable label"));
    let out = run(&["eval", "--labels", &labels, "/nonexistent/users.jsonl"]);
    assert_eq!(out.status.code(), Some(1));
}
