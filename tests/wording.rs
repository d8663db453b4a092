//! Wording of the evidence lines: labels name the fact (never a virtue that
//! reads wrong beside negative points), and counts take the right singular or
//! plural.

use followback::score::score;
use followback::{Account, Settings, Source, Subject};

const NOW: i64 = 1_767_225_600; // 2026-01-01
const DAY: i64 = 86_400;

fn bare(bio: &str) -> Account {
    Account {
        name: Some("FOLLOW BACK".into()),
        bio: Some(bio.into()),
        created_at: Some(NOW - 400 * DAY),
        followers: Some(12),
        following: Some(4_990),
        tweets: Some(2),
        likes: Some(0),
        listed: Some(0),
        default_avatar: Some(true),
        verified: Some(false),
        blue_verified: Some(false),
        follows_you: Some(false),
        ..Account::with_handle("user12345678", Source::Graphql)
    }
}

#[test]
fn penalty_lines_name_the_fact_not_a_virtue() {
    for bio in ["", "#followback #F4F", "x"] {
        let v = score(&Subject::profile(&bare(bio)), &Settings::default(), NOW);
        let penalties: Vec<_> = v
            .evidence
            .iter()
            .map(|e| e.english())
            .filter(|e| e.points < 0)
            .collect();
        assert!(!penalties.is_empty(), "{bio:?}: some penalty");
        for e in penalties {
            assert!(
                !["Has ", "Own ", "Is ", "Talks ", "Shares "]
                    .iter()
                    .any(|p| e.label.starts_with(p)),
                "{}: {}",
                e.signal,
                e.label
            );
        }
    }
    let empty = score(&Subject::profile(&bare("")), &Settings::default(), NOW);
    let bio = empty
        .evidence
        .iter()
        .map(|e| e.english())
        .find(|e| e.signal == "bio")
        .expect("bio");
    assert_eq!(bio.label, "Bio");
    assert!(bio.points < 0);
    assert!(bio.seen.as_deref().unwrap_or("").starts_with("empty"));
    let photo = empty
        .evidence
        .iter()
        .map(|e| e.english())
        .find(|e| e.signal == "avatar")
        .expect("avatar");
    assert_eq!(photo.label, "Photo");
    assert!(photo.seen.as_deref().unwrap_or("").starts_with("default"));
}

#[test]
fn one_character_is_singular() {
    let v = score(&Subject::profile(&bare("x")), &Settings::default(), NOW);
    let bio = v
        .evidence
        .iter()
        .map(|e| e.english())
        .find(|e| e.signal == "bio")
        .expect("bio");
    let seen = bio.seen.as_deref().unwrap_or("");
    assert!(seen.contains("(1 character)"), "{seen}");
    let v = score(&Subject::profile(&bare("xy")), &Settings::default(), NOW);
    let bio = v
        .evidence
        .iter()
        .map(|e| e.english())
        .find(|e| e.signal == "bio")
        .expect("bio");
    assert!(
        bio.seen.as_deref().unwrap_or("").contains("(2 characters)"),
        "{:?}",
        bio.seen
    );
}
