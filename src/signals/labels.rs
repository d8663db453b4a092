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
use crate::evidence::{
    isolate, plural, ramp_place, setting_points, setting_weight, signed, Line, Ramp,
};
use crate::settings::Settings;
use crate::verdict::Evidence;

/// A "not seen yet" line that does not count against the confidence.
fn unseen(line: Line, what: &str) -> Evidence {
    let mut e = line.not_seen(what);
    e.weight = 0;
    e
}

pub fn automated(subject: &Subject, s: &Settings, _now: i64) -> Evidence {
    let a = subject.account;
    let line = Line::new(
        "automated",
        "Automated label",
        "X's \u{201c}Automated\u{201d} label".to_string(),
        setting_weight(s.automated_points),
    );
    match a.automated {
        None => unseen(line, "X's automated-account label"),
        Some(true) => {
            let seen = match a
                .automated_by
                .as_deref()
                .map(|h| h.trim().trim_start_matches('@'))
            {
                Some(op) if !op.is_empty() => {
                    format!("\u{201c}Automated by @{}\u{201d}", isolate(op))
                }
                _ => "\u{201c}Automated\u{201d}".to_string(),
            };
            line.seen(
                a,
                &seen,
                -setting_points(s.automated_points),
                "The account itself says it is a bot run by a program: not a person to follow back."
                    .to_string(),
            )
        }
        Some(false) => line.seen(
            a,
            "no automated label",
            0,
            "X does not label it as automated.".to_string(),
        ),
    }
}

pub fn parody(subject: &Subject, s: &Settings, _now: i64) -> Evidence {
    let a = subject.account;
    let line = Line::new(
        "parody",
        "Parody, commentary or fan label",
        "X's parody, commentary or fan label".to_string(),
        setting_weight(s.parody_points),
    );
    match a.parody_label.as_deref().map(str::trim) {
        Some(label) if !label.is_empty() => line.seen(
            a,
            &format!("\u{201c}{}\u{201d} account", isolate(label)),
            -setting_points(s.parody_points),
            "The account says it is a parody, commentary or fan account: not the person or group it names."
                .to_string(),
        ),
        _ => unseen(line, "A parody, commentary or fan label"),
    }
}

pub fn identity(subject: &Subject, s: &Settings, _now: i64) -> Evidence {
    let a = subject.account;
    let line = Line::new(
        "identity",
        "Identity verification",
        "X checked a government ID".to_string(),
        setting_weight(s.identity_points),
    );
    match a.identity_verified {
        Some(true) => line.seen(
            a,
            "identity verified",
            setting_points(s.identity_points),
            "X checked an ID for this account: a real person stands behind it.".to_string(),
        ),
        Some(false) => line.seen(
            a,
            "identity not verified",
            0,
            "Most people never verify their identity; this takes nothing away.".to_string(),
        ),
        None => unseen(line, "Identity verification"),
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
        "username_changes",
        "Username changes",
        format!(
            "nothing up to {}, {} at {} or more, graded in between",
            plural(r.from.max(0.0) as u64, "change", "changes"),
            signed(r.high),
            r.to.max(0.0) as u64
        ),
        r.weight(),
    );
    let Some(n) = a.username_changes else {
        return unseen(
            line,
            "Username changes (\u{201c}About this account\u{201d})",
        );
    };
    let seen = format!("username changed {}", plural(n, "time", "times"));
    let points = r.points(n as f64);
    let why = if points < 0 {
        "Changing the username again and again is how recycled and impersonating accounts hide their past."
    } else {
        "Few username changes: the account keeps its name."
    };
    let reason = if points < 0 {
        format!("{}. {why}", ramp_place(&r, points, "changes"))
    } else {
        why.to_string()
    };
    line.seen(a, &seen, points, reason)
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
        cur.extend(c.to_lowercase());
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
fn or_list(items: &[&str]) -> String {
    match items.split_last() {
        None => String::new(),
        Some((last, [])) => (*last).to_string(),
        Some((last, rest)) => format!("{} or {last}", rest.join(", ")),
    }
}

pub fn self_declared_bot(subject: &Subject, s: &Settings, _now: i64) -> Evidence {
    let a = subject.account;
    let line = Line::new(
        "self_declared_bot",
        "Says it is a bot",
        "no \u{201c}bot\u{201d} as a word in the name, handle or bio".to_string(),
        setting_weight(s.self_bot_points),
    );
    let places = [
        ("handle", Some(a.handle.as_str()), true),
        ("name", a.name.as_deref(), true),
        ("bio", a.bio.as_deref(), false),
    ];
    let mut looked = Vec::new();
    for (place, text, split_case) in places {
        let Some(text) = text.filter(|t| !t.trim().is_empty()) else {
            continue;
        };
        looked.push(place);
        if let Some(word) = self_declared(text, split_case, &s.self_bot_words) {
            return line.seen(
                a,
                &format!("\u{201c}{}\u{201d} in the {place}", isolate(&word)),
                -setting_points(s.self_bot_points),
                "The account calls itself a bot: a program posts, not a person.".to_string(),
            );
        }
    }
    if looked.is_empty() {
        return line.not_seen("Handle, name and bio");
    }
    line.seen(
        a,
        &format!("not in the {}", or_list(&looked)),
        0,
        "It does not call itself a bot.".to_string(),
    )
}
