//! Hostile text in names, bios and locations survives reading, remembering
//! and scoring unchanged: markup, bidi overrides (U+202E), zero-width
//! characters, emoji ZWJ sequences, combining marks, 10,000-character
//! strings (kept up to the reader's caps, cut on a character boundary:
//! `read::bounds`). Evidence lines that quote such text quote whole characters, and
//! verdicts carry it through JSON intact. (Markup becoming markup is the
//! extension's concern, tested in the browser; here the text must simply
//! arrive as it was sent.)

use followback::memory::Memory;
use followback::read::{self, dom};
use followback::score::score;
use followback::{Account, Settings, Subject, Verdict};
use proptest::prelude::*;
use serde_json::{json, Value};

/// 2026-11-21T10:00:00Z, the "now" the other tests use.
const NOW: i64 = 1_795_255_200;

fn cases() -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.trim().parse().ok())
        .unwrap_or(64)
}

/// Pieces hostile text is made of.
const PIECES: &[&str] = &[
    "<img src=x onerror=alert(1)>",
    "<script>alert(document.cookie)</script>",
    "\"><svg/onload=alert(1)>",
    "&lt;b&gt;&amp;",
    "{{constructor.constructor('alert(1)')()}}",
    "\u{202e}",
    "\u{202d}",
    "\u{2066}",
    "\u{2069}",
    "\u{200f}",
    "\u{200b}",
    "\u{200c}",
    "\u{200d}",
    "\u{2060}",
    "\u{feff}",
    "\u{ad}",
    "👩‍👩‍👧‍👦",
    "🏳️‍🌈",
    "👨🏽‍💻",
    "🇳🇬",
    "e\u{301}",
    "Z\u{351}\u{34b}\u{33e}\u{35b}",
    "東京",
    "مرحبا",
    "שלום",
    "#TeamFollowBack",
    "follow back",
    " ",
    "\n",
    "\t",
    "\u{a0}",
    "\u{3000}",
    "a",
    "word",
    "\\",
    "\"",
    "\u{0}",
    "\u{7f}",
    "\u{fffd}",
    "𝔘𝔫𝔦𝔠𝔬𝔡𝔢",
];

/// Fixed hostile strings, including the very long ones.
fn fixed_cases() -> Vec<String> {
    let mut v: Vec<String> = PIECES.iter().map(|p| format!("x{p}y")).collect();
    v.push("a".repeat(10_000));
    v.push("é".repeat(10_000));
    v.push("👩‍👩‍👧‍👦".repeat(1_500));
    v.push("\u{202e}".repeat(10_000));
    v.push(format!("{}{}", "a".repeat(39), "👩‍👩‍👧‍👦 rest"));
    v.push(format!("{}{}", "a".repeat(40), "e\u{301}\u{301}\u{301}"));
    v.push(format!("\u{202e}{}\u{202c} (ok)", "kcab wollof ".repeat(5)));
    v.push("<b>".repeat(3_400));
    v.push(PIECES.concat().repeat(40));
    v
}

/// A generation-3 user result (no `legacy`) with hostile text in it.
fn gen3_user(handle: &str, text: &str) -> Value {
    json!({
        "__typename": "User",
        "rest_id": "4242",
        "core": { "created_at": "Mon Jan 10 02:06:34 +0000 2011", "name": text, "screen_name": handle },
        "avatar": { "image_url": "https://pbs.twimg.com/profile_images/1/x_normal.jpg" },
        "location": { "location": text },
        "profile_bio": { "description": text },
        "relationship_counts": { "followers": 120, "following": 80 },
        "tweet_counts": { "tweets": 900, "media_tweets": 10 },
        "action_counts": { "favorites_count": 400 },
        "relationship_perspectives": { "followed_by": true, "following": false }
    })
}

fn followers_payload(user: Value) -> String {
    json!({"data": {"user": {"result": {"__typename": "User", "timeline": {"timeline": {
        "instructions": [{"type": "TimelineAddEntries", "entries": [
            {"entryId": "user-4242", "content": {"entryType": "TimelineTimelineItem",
              "itemContent": {"itemType": "TimelineUser", "user_results": {"result": user}}}}
        ]}]
    }}}}}})
    .to_string()
}

/// A v1.1 / generation-1 user object with hostile text.
fn v11_user(handle: &str, text: &str) -> String {
    json!({
        "id_str": "4243", "screen_name": handle, "name": text, "description": text,
        "location": text, "followers_count": 5, "friends_count": 9, "statuses_count": 3,
        "created_at": "Mon Jan 10 02:06:34 +0000 2011"
    })
    .to_string()
}

/// What the reader keeps of a text: present unless empty or only white space.
fn kept(text: &str) -> Option<&str> {
    (!text.trim().is_empty()).then_some(text)
}

/// `text` as the readers keep it: at most `max` characters.
fn capped(text: &str, max: usize) -> String {
    text.chars().take(max).collect()
}

fn check_verdict(v: &Verdict, bio: &str) {
    assert!(v.score <= 100);
    let sum = i64::from(v.base) + v.evidence.iter().map(|e| i64::from(e.points)).sum::<i64>();
    assert_eq!(sum, i64::from(v.score), "points add up to the score");
    // The JSON the extension receives carries every string intact.
    let json = serde_json::to_string(v).expect("serialises");
    let back: Verdict = serde_json::from_str(&json).expect("reads back");
    assert_eq!(&back, v, "a verdict changed through JSON");
    // A bio quoted in the breakdown is a whole-character prefix of the bio,
    // bidi-isolated (FSI ... PDI, the bio's own isolate controls dropped).
    let collapsed: String = bio
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .chars()
        .filter(|c| !matches!(c, '\u{2066}'..='\u{2069}'))
        .collect();
    for e in &v.evidence {
        let Some(seen) = e.seen.as_ref().map(|m| m.english()) else {
            continue;
        };
        if let Some(quoted) = seen
            .strip_prefix('\u{201c}')
            .and_then(|s| s.split_once('\u{201d}'))
            .map(|(q, _)| q)
        {
            if e.signal == "bio" {
                let inner = quoted
                    .strip_prefix('\u{2068}')
                    .and_then(|q| q.strip_suffix('\u{2069}'));
                assert!(inner.is_some(), "the bio is quoted isolated: {quoted:?}");
                let inner = inner.unwrap_or(quoted);
                let body = inner.strip_suffix('\u{2026}').unwrap_or(inner);
                assert!(
                    collapsed.starts_with(body),
                    "the bio line quotes {body:?}, not a prefix of {collapsed:?}"
                );
                assert!(body.chars().count() <= collapsed.chars().count());
            }
        }
    }
}

/// Reads `text` as name, bio and location in every shape we read, and checks
/// the facts arrive unchanged and score within bounds.
fn check_text(text: &str) {
    let settings = Settings::default();
    let handle = "hostile_42";
    for payload in [
        followers_payload(gen3_user(handle, text)),
        v11_user(handle, text),
    ] {
        let obs = read::read_any(&payload).expect("the payload reads");
        assert_eq!(obs.accounts.len(), 1, "one account in {payload:.200}");
        let a = &obs.accounts[0];
        assert_eq!(a.handle, handle);
        let name = capped(text, read::bounds::NAME_MAX_CHARS);
        assert_eq!(
            a.name.as_deref(),
            kept(text).map(|_| name.as_str()),
            "the name changed"
        );
        // An empty bio or location is itself a fact ("none"), so it may read as "".
        for (what, got, max) in [
            ("bio", &a.bio, read::bounds::BIO_MAX_CHARS),
            ("location", &a.location, read::bounds::LOCATION_MAX_CHARS),
        ] {
            match kept(text) {
                Some(t) => assert_eq!(
                    got.as_deref(),
                    Some(capped(t, max).as_str()),
                    "the {what} changed"
                ),
                None => assert!(matches!(got.as_deref(), None | Some("")), "{what}: {got:?}"),
            }
        }
        check_verdict(&score(&Subject::profile(a), &settings, NOW), text);

        // Remembered, saved and loaded: still the same text.
        let mut memory = Memory::new(10);
        memory.remember(obs.clone(), NOW);
        let saved = memory.to_json();
        let loaded = Memory::from_json(&saved).expect("saved memory reads back");
        let entry = loaded.get(None, Some(handle)).expect("remembered");
        assert_eq!(entry.account.name, a.name);
        assert_eq!(entry.account.bio, a.bio);
        check_verdict(&score(&entry.subject(), &settings, NOW), text);
    }

    // Page facts: trimmed like the page shows them, otherwise unchanged.
    let facts = dom::DomFacts {
        handle: format!("@{handle}"),
        name: Some(text.to_string()),
        bio: Some(text.to_string()),
        followers_text: Some(format!("{text}1,234{text}")),
        joined_text: Some(format!("Joined{text}March 2011")),
        ..dom::DomFacts::default()
    };
    let a: Account = dom::account_from_dom(&facts);
    assert_eq!(a.handle, handle);
    let trimmed = text.trim();
    if !trimmed.is_empty() {
        assert_eq!(a.name.as_deref(), Some(trimmed));
        assert_eq!(a.bio.as_deref(), Some(trimmed));
    }
    check_verdict(&score(&Subject::profile(&a), &settings, NOW), text);
}

#[test]
fn fixed_hostile_strings_survive_reading_and_scoring() {
    for text in fixed_cases() {
        check_text(&text);
    }
}

#[test]
fn a_ten_thousand_character_bio_is_capped_on_a_character_boundary_and_quoted_short() {
    let bio = "👩‍👩‍👧‍👦 a\u{202e}b ".repeat(1_000);
    let payload = followers_payload(gen3_user("long_bio", &bio));
    let obs = read::read_any(&payload).expect("reads");
    let a = &obs.accounts[0];
    let kept = capped(&bio, read::bounds::BIO_MAX_CHARS);
    assert_eq!(a.bio.as_deref(), Some(kept.as_str()));
    let bio = kept;
    let v = score(&Subject::profile(a), &Settings::default(), NOW);
    let line = v
        .evidence
        .iter()
        .find(|e| e.signal == "bio")
        .expect("a bio line");
    let seen = line.seen.as_ref().map(|m| m.english());
    let seen = seen.as_deref().expect("the bio was seen");
    assert!(
        seen.chars().count() < 200,
        "the breakdown quotes a short excerpt, not 10,000 characters: {} chars",
        seen.chars().count()
    );
    check_verdict(&v, &bio);
}

#[test]
fn begging_words_are_found_through_hostile_surroundings() {
    // Markup and bidi controls around the phrase do not hide it.
    for bio in [
        "<b>#TeamFollowBack</b>",
        "\u{202e}#TeamFollowBack\u{202c}",
        "👩‍👩‍👧‍👦 100% follow back 👩‍👩‍👧‍👦",
    ] {
        let payload = followers_payload(gen3_user("beggar_1", bio));
        let obs = read::read_any(&payload).expect("reads");
        let v = score(
            &Subject::profile(&obs.accounts[0]),
            &Settings::default(),
            NOW,
        );
        let begging = v
            .evidence
            .iter()
            .find(|e| e.signal == "begging")
            .expect("a begging line");
        assert!(begging.points < 0, "{bio:?}: {begging:?}");
        check_verdict(&v, bio);
    }
}

fn hostile_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        6 => prop::sample::select(PIECES).prop_map(str::to_string),
        1 => any::<char>().prop_map(String::from),
        1 => "[a-z]{1,45}",
    ];
    prop::collection::vec(piece, 0..120).prop_map(|p| p.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(), ..ProptestConfig::default() })]

    #[test]
    fn generated_hostile_text_survives_reading_and_scoring(text in hostile_text()) {
        check_text(&text);
    }

    #[test]
    fn hostile_text_around_the_excerpt_limit_is_cut_between_characters(
        lead in 30usize..50,
        tail in prop::collection::vec(prop::sample::select(PIECES), 1..6),
    ) {
        let text = format!("{}{}", "a".repeat(lead), tail.concat());
        check_text(&text);
    }
}
