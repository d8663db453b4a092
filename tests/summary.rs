//! The summary that comes first in the breakdown: the level and one sentence
//! why built from the lines that moved the score most, how much was seen in
//! words, the top lines for and against, the count of facts not seen yet, and
//! the score limit in words; serialized with the verdict and ignored on reading.

use followback::score::score;
use followback::summary::{phrase, summarize, TOP_LINES};
use followback::{Account, Level, Settings, Source, Subject, Tweet, TweetKind, Verdict};
use serde_json::Value;

const NOW: i64 = 1_767_225_600; // 2026-01-01
const DAY: i64 = 86_400;

fn beggar() -> Account {
    Account {
        id: Some("7".into()),
        name: Some("Growth".into()),
        bio: Some("#followback follow me and I follow back".into()),
        created_at: Some(NOW - 400 * DAY),
        followers: Some(210),
        following: Some(4_990),
        tweets: Some(30),
        likes: Some(10),
        listed: Some(0),
        default_avatar: Some(true),
        verified: Some(false),
        blue_verified: Some(false),
        follows_you: Some(true),
        ..Account::with_handle("growth", Source::Graphql)
    }
}

fn person() -> Account {
    Account {
        id: Some("42".into()),
        name: Some("Ann".into()),
        bio: Some("Gardener and reader".into()),
        created_at: Some(NOW - 3_000 * DAY),
        followers: Some(400),
        following: Some(350),
        tweets: Some(4_000),
        likes: Some(6_000),
        listed: Some(4),
        default_avatar: Some(false),
        verified: Some(false),
        blue_verified: Some(false),
        follows_you: Some(true),
        ..Account::with_handle("ann", Source::Graphql)
    }
}

fn verdict(a: &Account) -> Verdict {
    score(&Subject::profile(a), &Settings::default(), NOW)
}

#[test]
fn a_skip_says_why_from_the_biggest_penalties() {
    let v = verdict(&beggar());
    assert_eq!(v.level, Level::Skip);
    let s = summarize(&v).english();
    assert_eq!(s.verdict, "Skip");
    assert!(s.why.starts_with("Skip: "), "{}", s.why);
    assert!(s.why.ends_with('.'), "{}", s.why);
    // The sentence names the biggest penalty, in the table's words.
    let biggest = v
        .evidence
        .iter()
        .filter(|e| e.points < 0)
        .min_by_key(|e| e.points)
        .expect("a penalty");
    assert!(
        s.why.contains(&phrase(biggest).english()),
        "{} / {}",
        s.why,
        biggest.signal
    );
    assert!(s.why.contains("asks for follow-backs"), "{}", s.why);
    // Top lines: the penalties and rewards with the largest |points|, at most TOP_LINES.
    assert!(!s.against.is_empty());
    assert!(s.against.len() + s.in_favour.len() <= TOP_LINES);
    assert_eq!(s.against[0], biggest.signal);
    for id in &s.against {
        let line = v.evidence.iter().find(|e| &e.signal == id).expect("line");
        assert!(line.points < 0, "{id}");
    }
    for id in &s.in_favour {
        let line = v.evidence.iter().find(|e| &e.signal == id).expect("line");
        assert!(line.points > 0, "{id}");
    }
}

#[test]
fn how_much_was_seen_is_said_in_words_without_figures() {
    let s = summarize(&verdict(&person())).english();
    assert!(
        s.seen
            .contains("based on the profile only; posts not seen yet"),
        "{}",
        s.seen
    );
    assert!(!s.seen.contains('%'), "{}", s.seen);
    assert!(!s.seen.chars().any(|c| c.is_ascii_digit()), "{}", s.seen);
    let v = verdict(&person());
    assert_eq!(
        s.not_seen,
        v.evidence.iter().filter(|e| e.seen.is_none()).count()
    );
    assert!(s.not_seen > 0);

    // With posts, "posts not seen yet" goes away.
    let tweets: Vec<Tweet> = (0..12)
        .map(|i| Tweet {
            id: Some(format!("t{i}")),
            author_handle: Some("ann".into()),
            text: format!("Planted tulips today, bed {i}"),
            created_at: Some(NOW - (i + 1) * DAY),
            kind: TweetKind::Original,
            ..Tweet::default()
        })
        .collect();
    let a = person();
    let subject = Subject {
        tweets: &tweets,
        ..Subject::profile(&a)
    };
    let with_posts = summarize(&score(&subject, &Settings::default(), NOW)).english();
    assert!(
        with_posts.seen.contains("recent posts"),
        "{}",
        with_posts.seen
    );
    assert!(
        !with_posts.seen.contains("posts not seen yet"),
        "{}",
        with_posts.seen
    );
}

#[test]
fn a_follow_back_names_what_counts_for_them() {
    let v = verdict(&person());
    let s = summarize(&v).english();
    if v.level == Level::FollowBack {
        assert!(s.why.starts_with("Follow back: "), "{}", s.why);
        let top = v
            .evidence
            .iter()
            .filter(|e| e.points > 0)
            .max_by_key(|e| e.points)
            .expect("a reward");
        assert!(
            s.why.contains(&phrase(top).english()),
            "{} / {}",
            s.why,
            top.signal
        );
    } else {
        assert!(
            s.why.starts_with(&format!("{}: ", v.level.label())),
            "{}",
            s.why
        );
    }
    assert!(!s.in_favour.is_empty());
}

#[test]
fn the_score_limit_is_said_in_words() {
    let s = Settings {
        score_base: 100,
        ..Settings::default()
    };
    let v = score(&Subject::profile(&person()), &s, NOW);
    assert_eq!(v.score, 100);
    let sum = summarize(&v).english();
    assert_eq!(
        sum.limit.as_deref(),
        Some("The points add up to more than 100, so the score stops at 100.")
    );
    // The limit line is never one of the top lines.
    assert!(!sum.against.iter().any(|id| id == "score_limit"));
    assert_eq!(summarize(&verdict(&person())).limit, None);
}

#[test]
fn the_summary_is_serialized_with_the_verdict_and_ignored_on_reading() {
    let v = verdict(&beggar());
    let json = serde_json::to_value(&v).expect("serialize");
    // The summary's sentences cross as messages (id and arguments).
    let why = &json["summary"]["why"];
    assert!(
        why[0].as_str().is_some_and(|id| id.starts_with("sum_why_")),
        "{why}"
    );
    assert_eq!(*why, serde_json::to_value(summarize(&v).why).expect("why"));
    assert!(json["summary"]["against"].is_array());
    // Reading back ignores the summary; an old verdict without one reads too.
    let back: Verdict = serde_json::from_value(json.clone()).expect("read back");
    assert_eq!(back, v);
    let mut old = json;
    if let Value::Object(map) = &mut old {
        map.remove("summary");
    }
    let old: Verdict = serde_json::from_value(old).expect("old verdict");
    assert_eq!(old, v);
}

#[test]
fn nothing_seen_says_so() {
    let a = Account::with_handle("ghost", Source::Graphql);
    let v = verdict(&a);
    let s = summarize(&v).english();
    assert_eq!(v.level, Level::NotEnoughData);
    assert!(s.why.starts_with("Not enough data: "), "{}", s.why);
    assert!(!s.why.chars().any(|c| c.is_ascii_digit()), "{}", s.why);
}

#[test]
fn the_cli_prints_the_summary_with_each_verdict() {
    let input = br##"{"screen_name":"tfb","name":"x","description":"#followback","followers_count":10,"friends_count":3000,"statuses_count":3}"##;
    let args: Vec<String> = ["score", "-", "--now", "2026-01-01T00:00:00Z"]
        .iter()
        .map(|s| s.to_string())
        .collect();
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let code = followback::cli::run(&args, &mut &input[..], &mut out, &mut err, NOW);
    assert_eq!(code, 0, "{}", String::from_utf8_lossy(&err));
    let text = String::from_utf8_lossy(&out);
    let line: Value = serde_json::from_str(text.lines().next().expect("a line")).expect("json");
    let why = line["summary"]["why"].as_str().expect("summary.why");
    assert!(why.starts_with("Skip: asks for follow-backs"), "{why}");
    assert_eq!(line["summary"]["against"][0], "begging");
}

#[test]
fn every_signal_has_a_phrase_for_the_summary() {
    let account = Account::with_handle("someone", Source::Graphql);
    let ids: Vec<String> =
        followback::signals::evaluate(&Subject::profile(&account), &Settings::default(), NOW)
            .into_iter()
            .map(|e| e.signal)
            .collect();
    assert!(ids.len() > 20, "the signals were listed");
    let missing: Vec<&String> = ids
        .iter()
        .filter(|id| !followback::summary::PHRASES.iter().any(|(p, _, _)| p == id))
        .collect();
    assert!(
        missing.is_empty(),
        "signals without a summary phrase: {missing:?}"
    );
}
