//! Self-check lines (issue 13): second person, the fact behind each line and
//! what would change it, lines that say what the check needs when data is
//! missing, the top two changes, and tolerance of unknown or missing signal ids.

use followback::evidence::quoted_m;
use followback::message::{text, Arg, Message};
use followback::score::score;
use followback::selfcheck::{self_check, CheckLine, SelfCheck, Status, Topic};
use followback::verdict::{Confidence, ConfidenceLabel, Level, Verdict};
use followback::{Account, Evidence, Settings, Source, Subject, Tweet, TweetKind};

const NOW: i64 = 1_767_225_600; // 2026-01-01 00:00:00 UTC
const DAY: i64 = 86_400;

fn viewer() -> Account {
    Account {
        handle: "viewer_me".to_string(),
        name: Some("Vera Viewer".to_string()),
        bio: Some("Coffee, code and cats. #TeamFollowBack".to_string()),
        default_avatar: Some(true),
        followers: Some(210),
        following: Some(4_990),
        tweets: Some(1_200),
        created_at: Some(NOW - 400 * DAY),
        source: Source::Page,
        ..Account::default()
    }
}

fn check(account: &Account, tweets: &[Tweet]) -> SelfCheck {
    let subject = Subject {
        tweets,
        ..Subject::profile(account)
    };
    let verdict = score(&subject, &Settings::default(), NOW);
    self_check(&verdict, account)
}

fn line<'a>(c: &'a SelfCheck, signal: &str) -> Option<&'a CheckLine> {
    c.lines.iter().find(|l| l.signal.as_deref() == Some(signal))
}

fn second_person(text: &str) -> bool {
    ["You ", "Your ", "X's ", "Open ", "Followback ", "People "]
        .iter()
        .any(|start| text.starts_with(start))
}

#[test]
fn begging_bio_default_photo_and_high_following_read_in_the_second_person() {
    let c = check(&viewer(), &[]);
    let begging = line(&c, "begging").expect("a begging line");
    assert_eq!(begging.status, Status::Change);
    assert_eq!(begging.topic, Topic::AskingForFollowBacks);
    assert!(
        begging
            .text
            .english()
            .starts_with("Your bio asks for follow-backs (\u{2068}#TeamFollowBack\u{2069})."),
        "{}",
        begging.text
    );
    assert_eq!(
        begging.advice.as_ref().map(|m| m.english()).as_deref(),
        Some("remove the hashtag")
    );
    assert_eq!(
        begging.fact.as_ref().map(|m| m.english()).as_deref(),
        Some("\u{2068}#TeamFollowBack\u{2069} in your bio")
    );
    assert!(begging.points < 0);

    let avatar = line(&c, "avatar").expect("an avatar line");
    assert_eq!(avatar.status, Status::Change);
    assert!(avatar.text.contains("default photo"), "{}", avatar.text);
    assert!(avatar
        .advice
        .as_ref()
        .map(|m| m.english())
        .as_deref()
        .unwrap_or("")
        .contains("upload"));

    let cap = line(&c, "following_cap").expect("a following-cap line");
    assert_eq!(cap.status, Status::Change);
    assert!(
        cap.text
            .english()
            .starts_with("You follow 4,990 and 210 follow you: following far more than follow you"),
        "{}",
        cap.text
    );
    assert!(cap.text.contains("follow churn"));

    for l in &c.lines {
        assert!(
            second_person(&l.text.english()),
            "not second person: {}",
            l.text
        );
        if l.status == Status::Change {
            assert!(l.fact.is_some() && l.advice.is_some(), "{l:?}");
        }
    }
    assert!(c.changes >= 3, "{:?}", c.lines);
}

#[test]
fn top_two_are_the_costliest_changes() {
    let c = check(&viewer(), &[]);
    assert_eq!(c.top.len(), 2);
    let mut costs: Vec<i32> = c
        .lines
        .iter()
        .filter(|l| l.status == Status::Change)
        .map(|l| l.points)
        .collect();
    costs.sort();
    assert_eq!(c.top[0].points, costs[0]);
    assert_eq!(c.top[1].points, costs[1]);
    assert!(c.top.iter().all(|l| l.status == Status::Change));
}

#[test]
fn fixing_the_bio_removes_the_begging_line() {
    let mut fixed = viewer();
    fixed.bio = Some("Coffee, code and cats.".to_string());
    let before = check(&viewer(), &[]);
    let after = check(&fixed, &[]);
    assert!(line(&after, "begging").is_none(), "{:?}", after.lines);
    assert!(after
        .lines
        .iter()
        .any(|l| l.topic == Topic::AskingForFollowBacks && l.status == Status::Fine));
    assert!(after.score > before.score);
    assert_eq!(after.changes + 1, before.changes);
}

#[test]
fn missing_posts_say_what_the_check_needs() {
    let c = check(&viewer(), &[]);
    let needs: Vec<&CheckLine> = c
        .lines
        .iter()
        .filter(|l| l.status == Status::NeedsData)
        .collect();
    assert!(needs.iter().any(|l| {
        l.topic == Topic::Automation
        && l.text.english()
            == "Open your Posts tab so your recent posts can be checked for variety and automation."
    }));
    assert!(needs.iter().any(|l| l.topic == Topic::Variety));
    // Counts were seen but there is no earlier visit: churn needs another day.
    assert!(needs
        .iter()
        .any(|l| l.topic == Topic::FollowChurn && l.text.contains("another day")));
}

#[test]
fn a_handle_alone_needs_data_everywhere_and_asks_for_nothing() {
    let bare = Account::with_handle("viewer_me", Source::Page);
    let c = check(&bare, &[]);
    assert_eq!(c.changes, 0);
    assert!(c.top.is_empty());
    for l in &c.lines {
        match l.topic {
            Topic::AutoDms => assert_eq!(l.status, Status::CannotCheck),
            _ => assert_eq!(l.status, Status::NeedsData, "{l:?}"),
        }
    }
    assert!(c.lines.iter().any(|l| l.topic == Topic::BioAndPhoto
        && l.text
            .english()
            .starts_with("Open your profile so your bio and photo can be read")));
}

#[test]
fn auto_dms_cannot_be_read_and_the_line_says_so_with_advice() {
    let c = check(&viewer(), &[]);
    let dm: Vec<&CheckLine> = c
        .lines
        .iter()
        .filter(|l| l.topic == Topic::AutoDms)
        .collect();
    assert_eq!(dm.len(), 1);
    assert_eq!(dm[0].status, Status::CannotCheck);
    assert!(
        dm[0].text.contains("end-to-end encrypted"),
        "{}",
        dm[0].text
    );
    assert!(dm[0].text.contains("If you do: stop automatic welcome DMs"));
}

#[test]
fn a_link_only_feed_reads_as_automation_with_its_fact() {
    let tweets: Vec<Tweet> = (0..20)
        .map(|i| Tweet {
            id: Some(format!("{}", 1000 + i)),
            author_handle: Some("viewer_me".to_string()),
            text: format!("https://t.co/link{i}"),
            urls: vec![format!("https://example.com/article/{i}")],
            created_at: Some(NOW - i * 3_600),
            kind: TweetKind::Original,
            ..Tweet::default()
        })
        .collect();
    let c = check(&viewer(), &tweets);
    let links = line(&c, "automation_links").expect("a link-only line");
    assert_eq!(links.status, Status::Change);
    assert!(links
        .text
        .english()
        .starts_with("Your recent posts are mostly bare links ("));
    assert!(
        links
            .fact
            .as_ref()
            .map(|m| m.english())
            .as_deref()
            .unwrap_or("")
            .contains("20"),
        "{:?}",
        links.fact
    );
    assert!(!c.lines.iter().any(|l| l.topic == Topic::Automation
        && l.status == Status::NeedsData
        && l.text.contains(
            "Posts tab so your recent posts can be checked for variety and automation."
        )));
}

#[test]
fn signals_about_the_viewer_are_left_out() {
    let mut me = viewer();
    me.follows_you = Some(true);
    let c = check(&me, &[]);
    for id in ["follows_you", "interactions", "interests"] {
        assert!(line(&c, id).is_none(), "{id}");
    }
}

/// A text as a message (an argument shown as it is, isolated).
fn words(t: &str) -> Message {
    Message::new("sc_phrase", vec![text(t)])
}

/// A seen value "…, from the page", as the signals build it.
fn from_page(value: Message) -> Message {
    Message::new(
        "ev_seen_from",
        vec![Arg::Msg(value), Arg::Msg(Message::bare("ev_src_page"))],
    )
}

fn ev(signal: &str, seen: Option<Message>, points: i32) -> Evidence {
    Evidence {
        signal: signal.to_string(),
        label: words(&format!("Label of {signal}")),
        seen,
        threshold: Message::EMPTY,
        points,
        weight: 10,
        reason: words("Because."),
    }
}

fn verdict(evidence: Vec<Evidence>) -> Verdict {
    Verdict {
        handle: "viewer_me".to_string(),
        id: None,
        score: 40,
        base: 50,
        level: Level::Skip,
        confidence: Confidence {
            value: 0.5,
            label: ConfidenceLabel::Medium,
        },
        evidence,
    }
}

#[test]
fn unknown_ids_that_cost_points_get_a_plain_line_and_missing_ids_need_data() {
    let v = verdict(vec![
        ev(
            "brand_new_signal",
            Some(from_page(words("something odd"))),
            -7,
        ),
        ev("another_new_one", Some(from_page(words("fine"))), 3),
    ]);
    let c = self_check(&v, &viewer());
    let other = line(&c, "brand_new_signal").expect("a line for the unknown signal");
    assert_eq!(other.topic, Topic::Other);
    assert_eq!(other.status, Status::Change);
    assert!(other.text.contains("Label of brand_new_signal"));
    // The fact without where it came from (isolated: it is text from outside).
    assert!(
        other.text.contains("(\u{2068}something odd\u{2069})"),
        "{}",
        other.text
    );
    assert!(!other.text.contains("from the page"), "{}", other.text);
    assert!(line(&c, "another_new_one").is_none());
    // Every known topic had no evidence at all: each says what it needs.
    for topic in [Topic::BioAndPhoto, Topic::Automation, Topic::Relationships] {
        assert!(c
            .lines
            .iter()
            .any(|l| l.topic == topic && l.status == Status::NeedsData));
    }
    assert_eq!(c.top.len(), 1);
    assert_eq!(
        c.summary.english(),
        "People using Followback would see 40 beside your name: \u{201c}Skip\u{201d}."
    );
}

#[test]
fn begging_in_the_name_names_the_name() {
    let found = Message::new(
        "ev_found_in",
        vec![
            quoted_m(&["#f4f".to_string()]),
            Arg::Msg(Message::bare("ev_place_in_name")),
        ],
    );
    let v = verdict(vec![ev("begging", Some(from_page(found)), -15)]);
    let mut me = viewer();
    me.name = Some("Vera #F4F".to_string());
    let c = self_check(&v, &me);
    let l = line(&c, "begging").expect("begging line");
    assert!(
        l.text
            .english()
            .starts_with("Your name asks for follow-backs (\u{2068}#F4F\u{2069})."),
        "{}",
        l.text
    );
}

#[test]
fn the_page_you_are_looking_at_wins_for_bio_name_and_photo() {
    let known = viewer();
    let page = Account {
        handle: "Viewer_Me".to_string(),
        bio: Some("Coffee, code and cats.".to_string()),
        default_avatar: Some(false),
        followers: Some(1),
        ..Account::default()
    };
    let merged = followback::selfcheck::with_page_profile(&known, Some(&page));
    assert_eq!(merged.bio.as_deref(), Some("Coffee, code and cats."));
    assert_eq!(merged.default_avatar, Some(false));
    assert_eq!(
        merged.name, known.name,
        "a name the page did not show is kept"
    );
    assert_eq!(
        merged.followers, known.followers,
        "remembered counts are kept"
    );
    let other = Account {
        handle: "someone_else".to_string(),
        bio: Some("x".to_string()),
        ..Account::default()
    };
    assert_eq!(
        followback::selfcheck::with_page_profile(&known, Some(&other)),
        known
    );
    assert_eq!(
        followback::selfcheck::with_page_profile(&known, None),
        known
    );
}
