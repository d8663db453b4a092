//! X's own labels and what accounts say about themselves:
//! - the "Automated" label (`AutomatedLabel`, "Automated by @operator"): the
//!   account says it is a bot (X's automated-account labels, 2022);
//! - parody, commentary and fan labels: informative, a mild minus (the account
//!   is not who it names);
//! - identity verification (`is_identity_verified`): a mild plus;
//! - username changes ("About this account"): many changes are a mild minus,
//!   graded (handle-recycling spam and impersonation);
//! - self-declared bots: "bot" as a whole word in the name, handle or bio
//!   ("a bot that posts ..."), not "robotics" and not "not a bot".
//!
//! X shows a label only when it applies, so a label not seen is an
//! informative line with no weight: it does not lower the confidence.

use super::Subject;
use crate::analysis::tokens::alphanumeric_runs;
use crate::evidence::msg;
use crate::evidence::{
    place_why, plural_m, ramp_place, setting_points, setting_weight, unit, Line, Ramp,
};
use crate::message::{signed, text, uint, Arg, Message};
use crate::settings::Settings;
use crate::verdict::Evidence;

/// A "not seen yet" line that does not count against the confidence.
fn unseen(line: Line, what: &'static str) -> Evidence {
    let mut e = line.not_seen(what);
    e.weight = 0;
    e
}

pub fn automated(subject: &Subject, s: &Settings, _now: i64) -> Evidence {
    let a = subject.account;
    let line = Line::new(
        subject,
        "automated",
        "ev_automated_label",
        || Message::bare("ev_automated_threshold"),
        setting_weight(s.automated_points),
    );
    match a.automated {
        None => unseen(line, "ev_fact_automated_label"),
        Some(true) => {
            let seen = || match a
                .automated_by
                .as_deref()
                .map(|h| h.trim().trim_start_matches('@'))
            {
                Some(op) if !op.is_empty() => msg("ev_automated_seen_by", [text(op)]),
                _ => Message::bare("ev_automated_seen"),
            };
            line.seen(a, seen, -setting_points(s.automated_points), || {
                Message::bare("ev_automated_why_bot")
            })
        }
        Some(false) => line.seen(
            a,
            || Message::bare("ev_automated_seen_no"),
            0,
            || Message::bare("ev_automated_why_no"),
        ),
    }
}

pub fn parody(subject: &Subject, s: &Settings, _now: i64) -> Evidence {
    let a = subject.account;
    let line = Line::new(
        subject,
        "parody",
        "ev_parody_label",
        || Message::bare("ev_parody_threshold"),
        setting_weight(s.parody_points),
    );
    match a.parody_label.as_deref().map(str::trim) {
        Some(label) if !label.is_empty() => line.seen(
            a,
            || msg("ev_parody_seen", [text(label)]),
            -setting_points(s.parody_points),
            || Message::bare("ev_parody_why"),
        ),
        _ => unseen(line, "ev_fact_parody_label"),
    }
}

pub fn identity(subject: &Subject, s: &Settings, _now: i64) -> Evidence {
    let a = subject.account;
    let line = Line::new(
        subject,
        "identity",
        "ev_identity_label",
        || Message::bare("ev_identity_threshold"),
        setting_weight(s.identity_points),
    );
    match a.identity_verified {
        Some(true) => line.seen(
            a,
            || Message::bare("ev_identity_seen_yes"),
            setting_points(s.identity_points),
            || Message::bare("ev_identity_why_yes"),
        ),
        Some(false) => line.seen(
            a,
            || Message::bare("ev_identity_seen_no"),
            0,
            || Message::bare("ev_identity_why_no"),
        ),
        None => unseen(line, "ev_identity_label"),
    }
}

/// The username-changes ramp from the settings.
pub fn changes_ramp(s: &Settings) -> Ramp {
    Ramp::new(
        s.username_changes_from as f64,
        s.username_changes_full as f64,
        0,
        -s.username_changes_points,
    )
}

pub fn username_changes(subject: &Subject, s: &Settings, _now: i64) -> Evidence {
    let a = subject.account;
    let r = changes_ramp(s);
    let line = Line::new(
        subject,
        "username_changes",
        "ev_username_label",
        || {
            msg(
                "ev_username_threshold",
                [
                    Arg::Msg(plural_m(r.from.max(0.0) as u64, unit::CHANGE)),
                    signed(r.high),
                    uint(r.to.max(0.0) as u64),
                ],
            )
        },
        r.weight(),
    );
    let Some(n) = a.username_changes else {
        return unseen(line, "ev_fact_username_changes");
    };
    let points = r.points(n as f64);
    line.seen(
        a,
        || msg("ev_username_seen", [Arg::Msg(plural_m(n, unit::TIME))]),
        points,
        || {
            if points < 0 {
                place_why(ramp_place(&r, points, unit::CHANGE), "ev_username_why_many")
            } else {
                Message::bare("ev_username_why_few")
            }
        },
    )
}

/// Lower-case words of `text`; with `split_case`, camelCase and digit
/// boundaries split words too ("NewsBot42" -> news, bot, 42).
pub fn split_words(text: &str, split_case: bool) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut prev: Option<char> = None;
    for c in text.chars() {
        if !c.is_alphanumeric() {
            if !cur.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
            prev = None;
            continue;
        }
        if split_case {
            if let Some(p) = prev {
                let boundary = (p.is_lowercase() && c.is_uppercase())
                    || (p.is_ascii_digit() != c.is_ascii_digit());
                if boundary && !cur.is_empty() {
                    out.push(std::mem::take(&mut cur));
                }
            }
        }
        cur.extend(crate::case::lower_char(c));
        prev = Some(c);
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

/// Words that, just before a bot word, deny it ("not a bot", "no bots").
const DENIALS: &[&str] = &["not", "no", "non", "anti", "never", "nor", "t"];

/// The first bot word or phrase of `keywords` in `text`, unless denied.
pub fn self_declared(text: &str, split_case: bool, keywords: &[String]) -> Option<String> {
    // Every word of a match is a run of the text's characters, lowercased
    // one by one: a text that contains none of the keywords' words (most
    // texts) needs no splitting at all.
    let lowered: String = if text.is_ascii() {
        text.to_ascii_lowercase()
    } else {
        crate::case::lower(text)
    };
    let possible = keywords.iter().any(|k| {
        // The keyword's words as `split_words(k, false)` gives them, without
        // allocating when they are already lower case.
        let mut words = alphanumeric_runs(k).peekable();
        words.peek().is_some()
            && words.all(|run| {
                if run
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
                {
                    crate::analysis::tokens::contains(&lowered, run)
                } else {
                    let low: String = crate::case::lower(run);
                    crate::analysis::tokens::contains(&lowered, &low)
                }
            })
    });
    if !possible {
        return None;
    }
    let w = split_words(text, split_case);
    for k in keywords {
        let kw = split_words(k, false);
        if kw.is_empty() || kw.len() > w.len() {
            continue;
        }
        for i in 0..=(w.len() - kw.len()) {
            if w[i..i + kw.len()] != kw[..] {
                continue;
            }
            let before = &w[i.saturating_sub(2)..i];
            if before.iter().any(|b| DENIALS.contains(&b.as_str())) {
                continue;
            }
            return Some(k.clone());
        }
    }
    None
}

/// "handle", "handle or name", "handle, name or bio".
fn or_list(items: &[&'static str]) -> Message {
    let m = |id: &'static str| Arg::Msg(Message::bare(id));
    match items {
        [] => Message::EMPTY,
        [one] => Message::bare(one),
        [a, b] => msg("ev_or_2", [m(a), m(b)]),
        [a, b, c, ..] => msg("ev_or_3", [m(a), m(b), m(c)]),
    }
}

/// Where an account may say it is a bot: (place, text, split on case).
fn self_bot_places(a: &crate::model::Account) -> [(&'static str, Option<&str>, bool); 3] {
    [
        ("ev_place_in_handle", Some(a.handle.as_str()), true),
        ("ev_place_in_name", a.name.as_deref(), true),
        ("ev_place_in_bio", a.bio.as_deref(), false),
    ]
}

/// What [`self_declared_bot`] finds, as numbers.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct SelfBot {
    /// A place says "bot" (one of `words`).
    pub declared: bool,
    /// Some place (handle, name, bio) had text to look at.
    pub looked: bool,
}

/// Whether the handle, name or bio of `a` declares a bot, by `words`.
pub fn self_bot(a: &crate::model::Account, words: &[String]) -> SelfBot {
    let mut found = SelfBot::default();
    for (_, said, split_case) in self_bot_places(a) {
        let Some(said) = said.filter(|t| !t.trim().is_empty()) else {
            continue;
        };
        found.looked = true;
        if self_declared(said, split_case, words).is_some() {
            found.declared = true;
            return found;
        }
    }
    found
}

pub fn self_declared_bot(subject: &Subject, s: &Settings, _now: i64) -> Evidence {
    let a = subject.account;
    let line = Line::new(
        subject,
        "self_declared_bot",
        "ev_self_bot_label",
        || Message::bare("ev_self_bot_threshold"),
        setting_weight(s.self_bot_points),
    );
    if let Some(p) = subject.prepared.filter(|p| !p.explain) {
        // The fast path: the finding kept with the account's features.
        let found = p.features.self_bot;
        return if found.declared {
            line.seen(
                a,
                || Message::EMPTY,
                -setting_points(s.self_bot_points),
                || Message::EMPTY,
            )
        } else if !found.looked {
            line.not_seen("ev_fact_handle_name_bio")
        } else {
            line.seen(a, || Message::EMPTY, 0, || Message::EMPTY)
        };
    }
    // Kept with the account's features: whether any place says it; only
    // the word and its place to show need the text read again.
    let declared = subject
        .prepared
        .map_or(true, |p| p.features.self_bot.declared);
    let places = self_bot_places(a);
    let mut looked = Vec::new();
    for (place, said, split_case) in places {
        let Some(said) = said.filter(|t| !t.trim().is_empty()) else {
            continue;
        };
        looked.push(place);
        if !declared {
            continue;
        }
        if let Some(word) = self_declared(said, split_case, &s.self_bot_words) {
            return line.seen(
                a,
                || {
                    msg(
                        "ev_self_bot_seen",
                        [text(word.as_str()), Arg::Msg(Message::bare(place))],
                    )
                },
                -setting_points(s.self_bot_points),
                || Message::bare("ev_self_bot_why_yes"),
            );
        }
    }
    if looked.is_empty() {
        return line.not_seen("ev_fact_handle_name_bio");
    }
    line.seen(
        a,
        || msg("ev_self_bot_seen_no", [Arg::Msg(or_list(&looked))]),
        0,
        || Message::bare("ev_self_bot_why_no"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// [`self_declared`] before its byte-level quick check: the reference.
    fn reference(text: &str, split_case: bool, keywords: &[String]) -> Option<String> {
        let lowered: String = text.chars().flat_map(char::to_lowercase).collect();
        let possible = keywords.iter().any(|k| {
            let mut words = k
                .split(|c: char| !c.is_alphanumeric())
                .filter(|run| !run.is_empty())
                .peekable();
            words.peek().is_some()
                && words.all(|run| {
                    if run
                        .bytes()
                        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
                    {
                        lowered.contains(run)
                    } else {
                        let low: String = run.chars().flat_map(char::to_lowercase).collect();
                        lowered.contains(low.as_str())
                    }
                })
        });
        if !possible {
            return None;
        }
        let w = split_words(text, split_case);
        for k in keywords {
            let kw = split_words(k, false);
            if kw.is_empty() || kw.len() > w.len() {
                continue;
            }
            for i in 0..=(w.len() - kw.len()) {
                if w[i..i + kw.len()] != kw[..] {
                    continue;
                }
                let before = &w[i.saturating_sub(2)..i];
                if before.iter().any(|b| DENIALS.contains(&b.as_str())) {
                    continue;
                }
                return Some(k.clone());
            }
        }
        None
    }

    /// Handle, name and bio-like text: bot words in any case, denials,
    /// camelCase, digits, separators, letters that change when lower-cased
    /// (`İ`, `Σ`) and other scripts.
    fn texty() -> impl Strategy<Value = String> {
        let piece = prop_oneof![
            Just("bot".to_string()),
            Just("BOT".to_string()),
            Just("Bot".to_string()),
            Just("not".to_string()),
            Just("auto".to_string()),
            Just("mated".to_string()),
            Just("News".to_string()),
            Just("42".to_string()),
            Just(" ".to_string()),
            Just("_".to_string()),
            Just("-".to_string()),
            Just("\u{0B}\t".to_string()),
            Just("İ".to_string()),
            Just("ΣΑΣ".to_string()),
            Just("ботик".to_string()),
            Just("٣".to_string()),
            Just("🤖".to_string()),
            "[a-zA-Z0-9]{1,4}",
            any::<char>().prop_map(String::from),
        ];
        proptest::collection::vec(piece, 0..12).prop_map(|v| v.concat())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(1500))]

        #[test]
        fn alphanumeric_runs_agree(s in texty()) {
            let std: Vec<&str> = s.split(|c: char| !c.is_alphanumeric()).filter(|r| !r.is_empty()).collect();
            prop_assert_eq!(alphanumeric_runs(&s).collect::<Vec<_>>(), std);
        }

        #[test]
        fn self_declared_agrees(
            text in texty(),
            split_case: bool,
            keywords in proptest::collection::vec(texty(), 0..4),
        ) {
            // The default words too, so that matches are common.
            let mut keywords = keywords;
            keywords.extend(["bot", "automated", "İ bot"].map(String::from));
            prop_assert_eq!(
                self_declared(&text, split_case, &keywords),
                reference(&text, split_case, &keywords)
            );
        }
    }
}
