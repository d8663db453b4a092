//! The eval maths (AUC with ties half, ties, clamping, per class and per
//! signal figures, worst-ranked examples) on hand-made verdicts, and the
//! labels reader.

use followback::eval::{auc, parse_labels, report, tied_share, Label, LabelsError};
use followback::message::{text, Message};
use followback::verdict::{Confidence, ConfidenceLabel, Evidence, Level, Verdict};

fn ev(signal: &str, points: i32) -> Evidence {
    Evidence {
        signal: signal.into(),
        label: Message::new("sc_phrase", vec![text(signal.to_uppercase())]),
        seen: Some(Message::new("sc_phrase", vec![text("seen")])),
        threshold: Message::EMPTY,
        points,
        weight: points.unsigned_abs(),
        reason: Message::new("sc_phrase", vec![text(format!("{signal} reason"))]),
    }
}

/// A verdict of 50 + the points of `lines`, clamped with a limit line.
fn verdict(handle: &str, lines: &[(&str, i32)]) -> Verdict {
    let mut evidence: Vec<Evidence> = lines.iter().map(|(s, p)| ev(s, *p)).collect();
    evidence.sort_by_key(|e| std::cmp::Reverse(e.points.unsigned_abs()));
    let raw: i32 = 50 + lines.iter().map(|(_, p)| p).sum::<i32>();
    let score = raw.clamp(0, 100);
    if score != raw {
        evidence.push(ev("score_limit", score - raw));
    }
    Verdict {
        handle: handle.into(),
        id: None,
        score: score as u8,
        base: 50,
        level: Level::Maybe,
        confidence: Confidence {
            value: 0.6,
            label: ConfidenceLabel::Medium,
        },
        evidence,
    }
}

fn label(handle: &str, bot: bool, class: &str) -> Label {
    Label {
        handle: handle.into(),
        bot,
        class: class.into(),
    }
}

#[test]
fn auc_counts_ties_half() {
    assert_eq!(auc(&[3.0, 4.0], &[1.0, 2.0]), Some(1.0));
    assert_eq!(auc(&[1.0, 2.0], &[3.0, 4.0]), Some(0.0));
    assert_eq!(auc(&[1.0], &[1.0]), Some(0.5));
    // (2 > 1: 1) + (2 = 2: 0.5) + (3 > 1, 3 > 2: 2) = 3.5 of 4 pairs.
    assert_eq!(auc(&[2.0, 3.0], &[1.0, 2.0]), Some(0.875));
    assert_eq!(auc(&[], &[1.0]), None);
    assert_eq!(auc(&[1.0], &[]), None);
    assert_eq!(tied_share(&[2.0, 3.0], &[1.0, 2.0]), Some(0.25));
    assert_eq!(tied_share(&[5.0], &[5.0, 5.0]), Some(1.0));
    assert_eq!(tied_share(&[], &[5.0]), None);
}

#[test]
fn the_report_gives_every_figure() {
    let items = vec![
        (
            label("h1", false, "genuine"),
            verdict("h1", &[("likes", 30), ("age", 30)]),
        ), // 110 -> 100
        (
            label("h2", false, "genuine"),
            verdict("h2", &[("likes", 10), ("age", 5)]),
        ), // 65
        (
            label("h3", false, "org"),
            verdict("h3", &[("likes", -10), ("age", 0)]),
        ), // 40
        (
            label("b1", true, "spam"),
            verdict("b1", &[("likes", -10), ("age", 0)]),
        ), // 40
        (
            label("b2", true, "spam"),
            verdict("b2", &[("likes", -20), ("age", -40)]),
        ), // -10 -> 0
        (
            label("b3", true, "fake"),
            verdict("b3", &[("likes", -10), ("age", 20)]),
        ), // 60
    ];
    let r = report(&items);
    assert_eq!((r.accounts, r.humans, r.bots), (6, 3, 3));
    // Humans 100, 65, 40 against bots 40, 0, 60: 3 + 3 + (0.5 + 1) = 7.5 of 9.
    assert_eq!(r.auc, Some(7.5 / 9.0));
    assert_eq!(r.distinct_scores, 5);
    assert_eq!(r.tied_pairs_share, Some(1.0 / 9.0));
    assert_eq!(r.clamped, 2);
    let mode = r.most_common_score.as_ref().map(|m| (m.score, m.accounts));
    assert_eq!(mode, Some((40, 2)));

    // Classes: humans of a class against all bots; all humans against a bot class.
    let class = |name: &str| {
        r.classes
            .iter()
            .find(|c| c.class == name)
            .and_then(|c| c.auc)
    };
    assert_eq!(class("genuine"), Some(6.0 / 6.0));
    assert_eq!(class("org"), Some(1.5 / 3.0));
    assert_eq!(class("fake"), Some(2.0 / 3.0)); // 60 is below 100 and 65, above 40
    assert_eq!(class("spam"), Some(5.5 / 6.0));
    let genuine = r.classes.iter().find(|c| c.class == "genuine");
    assert_eq!(genuine.map(|c| c.mean_score), Some(82.5));

    // Per signal: the AUC of its points, how often it gives points, and the
    // AUC without it (recomputed from the unclamped total).
    let likes = r.signals.iter().find(|s| s.signal == "likes");
    let likes = likes.expect("likes figures");
    // Human likes 30, 10, -10 vs bot likes -10, -20, -10: 3 + 3 + (0.5 + 1 + 0.5) = 8 of 9.
    assert_eq!(likes.auc, Some(8.0 / 9.0));
    assert_eq!(likes.share_with_points, 1.0);
    // Without likes: humans 80, 55, 50 vs bots 50, 10, 70: 3 + 2 + 1.5 = 6.5 of 9.
    let without = likes.auc_change_without.unwrap_or(f64::NAN);
    assert!(
        (without - (6.5 / 9.0 - 7.5 / 9.0)).abs() < 1e-12,
        "{without}"
    );
    let age = r
        .signals
        .iter()
        .find(|s| s.signal == "age")
        .expect("age figures");
    assert!((age.share_with_points - 4.0 / 6.0).abs() < 1e-12);
    assert!(!r.signals.iter().any(|s| s.signal == "score_limit"));

    // Worst humans lowest first, best bots highest first, with their top lines.
    let worst: Vec<&str> = r.worst_humans.iter().map(|e| e.handle.as_str()).collect();
    assert_eq!(worst, ["h3", "h2", "h1"]);
    let best: Vec<&str> = r.best_bots.iter().map(|e| e.handle.as_str()).collect();
    assert_eq!(best, ["b3", "b1", "b2"]);
    let top = &r.best_bots[0].top;
    assert_eq!(top.len(), 2);
    // (The hand-made lines are texts, shown isolated: marks removed to compare.)
    let first = top[0].replace(['\u{2068}', '\u{2069}'], "");
    assert!(first.starts_with("AGE +20: seen (age reason)"), "{top:?}");

    let text = followback::eval::render(&r);
    assert!(text.contains("AUC 0.833"), "{text}");
    assert!(text.contains("human-bot pairs tied 11.1%"), "{text}");
    assert!(text.contains("most common score 40 (2 verdicts"), "{text}");
}

#[test]
fn labels_are_read_line_by_line_with_warnings() {
    let text = r#"{"screen_name": "Ann", "bot": 0, "class": "genuine"}
{"screen_name": "@bob", "bot": 1}
{"screen_name": "ann", "bot": 1, "class": "dup"}
{"screen_name": "cy", "bot": 2}
not json

{"bot": 1}
{"screen_name": "dee", "bot": true}
"#;
    let (labels, warnings) = parse_labels(text).expect("labels");
    assert_eq!(
        labels,
        vec![
            label("Ann", false, "genuine"),
            label("bob", true, "bot"),
            label("dee", true, "bot"),
        ]
    );
    assert_eq!(warnings.len(), 4, "{warnings:?}");
    assert!(
        warnings[0].starts_with("line 3: ann is labelled twice"),
        "{warnings:?}"
    );
    assert!(warnings[1].starts_with("line 4:"), "{warnings:?}");
    assert!(warnings[2].starts_with("line 5: not JSON"), "{warnings:?}");
    assert!(warnings[3].contains("no \"screen_name\""), "{warnings:?}");
    assert_eq!(parse_labels("\n\nnope\n"), Err(LabelsError::Empty));
}
