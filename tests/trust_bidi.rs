//! Bidi isolation: X text quoted in the extension's sentences (bios, names,
//! handles, labels, keywords found) sits inside FIRST STRONG ISOLATE ... POP
//! DIRECTIONAL ISOLATE, so a right-to-left override in a bio never reverses the
//! extension's own words.

use followback::evidence::words::{isolate, FSI, PDI};
use followback::score::score;
use followback::selfcheck::self_check;
use followback::{Account, Settings, Source, Subject};

const NOW: i64 = 1_767_225_600; // 2026-01-01
const DAY: i64 = 86_400;
const RLO: char = '\u{202e}';

/// Bidi controls that change the order of what follows them.
fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// Why `text` could let quoted text reorder the words around it, or None:
/// outside our isolates no bidi control at all; isolates balanced and never nested
/// (nothing inside can close ours or open another).
fn leak(text: &str) -> Option<String> {
    let mut inside = false;
    for c in text.chars() {
        match (c, inside) {
            (FSI, false) => inside = true,
            (PDI, true) => inside = false,
            (c, false) if is_bidi_control(c) => return Some(format!("{c:?} outside an isolate")),
            (c @ '\u{2066}'..='\u{2069}', true) => return Some(format!("{c:?} inside an isolate")),
            ('\n' | '\r' | '\u{2029}', true) => {
                return Some("a paragraph break inside an isolate".into())
            }
            _ => {}
        }
    }
    inside.then(|| "an isolate left open".to_string())
}

fn hostile() -> Account {
    let evil = format!("{RLO}kcab wollof\u{2069} follow back #followback\n{RLO}guru \u{2066}");
    Account {
        name: Some(format!("{RLO}Sam bot \u{2069}\u{2069} FOLLOW BACK")),
        bio: Some(format!("{evil} social media guru, crypto giveaway {RLO}")),
        location: Some(format!("{RLO}Cairo")),
        url: Some(format!("https://example.com/{RLO}")),
        automated: Some(true),
        automated_by: Some(format!("{RLO}operator\u{2069}")),
        parody_label: Some(format!("{RLO}Parody \u{2067}account")),
        created_at: Some(NOW - 400 * DAY),
        followers: Some(12),
        following: Some(4_990),
        tweets: Some(2),
        likes: Some(0),
        listed: Some(0),
        default_avatar: Some(true),
        follows_you: Some(false),
        ..Account::with_handle("user12345678", Source::Graphql)
    }
}

#[test]
fn isolate_wraps_and_neutralises_what_could_escape() {
    assert_eq!(isolate("abc"), "\u{2068}abc\u{2069}");
    let i = isolate("a\u{2069}\u{202e}b\u{2066}\nc");
    assert_eq!(i, "\u{2068}a\u{202e}b c\u{2069}");
    assert_eq!(leak(&format!("x {i} y")), None);
    assert!(leak("x \u{202e}y").is_some(), "the check can fail");
    assert!(leak("x \u{2068}y").is_some(), "an open isolate is caught");
}

#[test]
fn a_right_to_left_override_in_a_bio_never_reverses_our_words() {
    let account = hostile();
    let verdict = score(&Subject::profile(&account), &Settings::default(), NOW);
    let mut sentences: Vec<String> = Vec::new();
    // Every message rendered (in English, as the page renders it in any language).
    for e in &verdict.evidence {
        sentences.extend(e.seen.as_ref().map(|m| m.english()));
        sentences.push(e.label.english());
        sentences.push(e.reason.english());
        sentences.push(e.threshold.english());
    }
    let check = self_check(&verdict, &account);
    sentences.push(check.summary.english());
    for line in &check.lines {
        sentences.push(line.text.english());
        sentences.extend(line.fact.as_ref().map(|m| m.english()));
        sentences.extend(line.advice.as_ref().map(|m| m.english()));
    }
    for s in &sentences {
        assert_eq!(leak(s), None, "{s:?}");
    }
    // The hostile text is shown, isolated: the bio excerpt, the keywords found, the labels.
    let isolated_rlo = sentences
        .iter()
        .filter(|s| s.contains(&format!("{FSI}{RLO}")))
        .count();
    assert!(
        isolated_rlo >= 3,
        "the override is kept, inside isolates ({isolated_rlo})"
    );
    let bio = verdict
        .evidence
        .iter()
        .find(|e| e.signal == "bio")
        .and_then(|e| e.seen.as_ref().map(|m| m.english()));
    assert!(
        bio.is_some_and(|b| b.starts_with(&format!("\u{201c}{FSI}{RLO}"))),
        "bio quoted and isolated"
    );
    let begging = verdict
        .evidence
        .iter()
        .find(|e| e.signal == "begging")
        .and_then(|e| e.seen.as_ref().map(|m| m.english()));
    assert!(
        begging.is_some_and(|b| b.contains(&format!("\u{201c}{FSI}follow back{PDI}\u{201d}"))),
        "keywords found are isolated"
    );
    let begging_line = check
        .lines
        .iter()
        .find(|l| l.signal.as_deref() == Some("begging"));
    assert!(
        begging_line.is_some_and(|l| l.text.english().contains(FSI)),
        "the self-check quotes the phrases isolated"
    );
}
