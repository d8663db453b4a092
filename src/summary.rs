//! The first view of a verdict, in plain words: the level and one sentence why,
//! how much was seen (in words, no figures), the few lines that moved the score
//! most (for and against), how many facts were not seen yet, and the score
//! limit in words when it applied.
//!
//! Built only from a [`Verdict`]'s own lines, so the badge's breakdown, the CLI
//! and the audit say the same thing. The sentence uses a short phrase per
//! signal id and direction (the [`PHRASES`] table); a signal without a phrase
//! falls back to its label.

use serde::{Deserialize, Serialize};

use crate::verdict::{ConfidenceLabel, Evidence, Level, Verdict};

/// How many lines with points the first view shows at most.
pub const TOP_LINES: usize = 4;
/// How many reasons the "why" sentence names at most.
const WHY_REASONS: usize = 2;
/// The id of the line `score` adds when the total leaves 0..100.
pub const SCORE_LIMIT: &str = "score_limit";

/// The summary that comes first in the breakdown.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
pub struct Summary {
    /// The level in words: "Follow back", "Maybe", "Skip", "Not enough data".
    pub verdict: String,
    /// One sentence: the verdict and why ("Skip: asks for follow-backs and
    /// follows far more accounts than follow them.").
    pub why: String,
    /// How much was seen, in words ("Fairly sure: based on the profile only;
    /// posts not seen yet.").
    pub seen: String,
    /// Signal ids of the lines that moved the score down most, biggest first.
    pub against: Vec<String>,
    /// Signal ids of the lines that moved the score up most, biggest first.
    pub in_favour: Vec<String>,
    /// How many facts were not seen yet.
    pub not_seen: usize,
    /// The score limit in words, when the points went past 0 or 100.
    pub limit: Option<String>,
}

/// Signals read from recent posts (the rest come from the profile, from the
/// viewer's interactions or from earlier visits). `guru_silent` is left out:
/// it is seen from the bio alone when the bio makes no expert claims.
const POST_SIGNALS: &[&str] = &[
    "automation_links",
    "automation_repeats",
    "automation_timing",
    "automation_rate",
    "variety",
    "self_promotion",
    "conversation",
    "begging_posts",
    "last_post",
    "recent_rate",
    "interests",
];
/// Signals read from what the account did to the viewer.
const INTERACTION_SIGNALS: &[&str] = &["interactions"];
/// Signals read from counts remembered from earlier visits.
const HISTORY_SIGNALS: &[&str] = &["churn"];

/// `(signal id, phrase when it took points, phrase when it added points)`;
/// each phrase completes "This account ...". Empty: no phrase that way.
pub const PHRASES: &[(&str, &str, &str)] = &[
    ("begging", "asks for follow-backs", ""),
    ("begging_posts", "asks for follow-backs in posts", ""),
    ("guru", "calls themselves a social-media expert", ""),
    ("spam_words", "uses spam words", ""),
    ("bio", "has an empty bio", "says who they are in the bio"),
    (
        "avatar",
        "still has the default photo",
        "has their own photo",
    ),
    (
        "ratio",
        "follows far more accounts than follow them",
        "is followed by many more people than they follow",
    ),
    (
        "following_cap",
        "follows about as many accounts as X allows",
        "",
    ),
    ("follow_for_follow", "has follow-for-follow counts", ""),
    ("activity", "posts more times a day than a person could", ""),
    (
        "posts",
        "has hardly ever posted",
        "has posted a lot over the years",
    ),
    (
        "likes_per_post",
        "posts a great deal but almost never likes anything",
        "",
    ),
    ("listed", "is on few lists", "is on other people's lists"),
    (
        "likes",
        "almost never likes anything",
        "likes other people's posts",
    ),
    ("handle", "has a handle that looks generated", ""),
    (
        "following_growth",
        "follows a great many accounts a day",
        "",
    ),
    ("bare_profile", "has a bare profile yet follows many", ""),
    ("verified", "", "is verified"),
    ("age", "is a new account", "has been on X a long time"),
    ("follows_you", "", "follows you"),
    ("automation_links", "posts mostly bare links", ""),
    (
        "automation_repeats",
        "posts the same text again and again",
        "",
    ),
    ("automation_timing", "posts at machine-regular times", ""),
    ("automation_rate", "posts more than a person could", ""),
    (
        "variety",
        "posts only one kind of thing",
        "posts a good mix",
    ),
    ("self_promotion", "mostly talks about themselves", ""),
    (
        "conversation",
        "rarely talks with people",
        "talks with people",
    ),
    (
        "guru_silent",
        "calls themselves an expert but rarely talks with people",
        "",
    ),
    (
        "last_post",
        "has not posted for a long time",
        "posted recently",
    ),
    ("recent_rate", "has hardly posted lately", "posts regularly"),
    (
        "interests",
        "shares none of your interests",
        "shares your interests",
    ),
    ("interactions", "", "has talked with you"),
    ("churn", "follows and unfollows again and again", ""),
    ("automated", "is labelled by X as automated", ""),
    ("self_declared_bot", "says it is a bot", ""),
    (
        "parody",
        "is labelled as a parody, commentary or fan account",
        "",
    ),
    ("identity", "", "has had their identity verified by X"),
    (
        "username_changes",
        "has changed its username many times",
        "",
    ),
    (
        "posting_client",
        "posts through scheduling or feed tools",
        "",
    ),
];

/// The phrase for a line that moved the score, or its label in lower case.
pub fn phrase(line: &Evidence) -> String {
    let found = PHRASES
        .iter()
        .find(|(id, _, _)| *id == line.signal)
        .map(|(_, down, up)| if line.points < 0 { *down } else { *up })
        .filter(|p| !p.is_empty());
    match found {
        Some(p) => p.to_string(),
        None => {
            let label = lower_first(&line.label);
            if line.points < 0 {
                format!("{label} counts against them")
            } else {
                format!("{label} counts for them")
            }
        }
    }
}

fn lower_first(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// "a", "a and b", "a, b and c".
fn join_words(parts: &[String]) -> String {
    match parts {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// Lines with points, biggest |points| first (the verdict keeps that order;
/// this sorts again so any order works), without the score-limit line.
fn movers(evidence: &[Evidence]) -> Vec<&Evidence> {
    let mut out: Vec<&Evidence> = evidence
        .iter()
        .filter(|e| e.points != 0 && e.signal != SCORE_LIMIT)
        .collect();
    out.sort_by_key(|e| std::cmp::Reverse(e.points.unsigned_abs()));
    out
}

/// The sentence why, from the lines that moved the score most.
fn why(level: Level, top: &[&Evidence]) -> String {
    let words = level.label();
    let against: Vec<String> = top
        .iter()
        .filter(|e| e.points < 0)
        .take(WHY_REASONS)
        .map(|e| phrase(e))
        .collect();
    let in_favour: Vec<String> = top
        .iter()
        .filter(|e| e.points > 0)
        .take(WHY_REASONS)
        .map(|e| phrase(e))
        .collect();
    match level {
        Level::NotEnoughData => {
            format!("{words}: too little of this account has been seen to judge it yet.")
        }
        _ if against.is_empty() && in_favour.is_empty() => {
            format!("{words}: nothing seen so far moves the score either way.")
        }
        Level::FollowBack if !in_favour.is_empty() => {
            format!("{words}: {}.", join_words(&in_favour))
        }
        Level::Skip if !against.is_empty() => format!("{words}: {}.", join_words(&against)),
        _ => {
            let first_for = in_favour.first();
            let first_against = against.first();
            match (first_for, first_against) {
                (Some(f), Some(a)) => format!("{words}: {f}, but {a}."),
                (Some(f), None) => format!("{words}: {f}, but not enough else counts for them."),
                (None, Some(a)) => {
                    format!("{words}: {a}, but not enough else counts against them.")
                }
                (None, None) => format!("{words}: nothing seen so far moves the score either way."),
            }
        }
    }
}

/// How much was seen, in words.
fn seen_words(verdict: &Verdict) -> String {
    let observed = |ids: &[&str]| {
        verdict
            .evidence
            .iter()
            .any(|e| e.observed() && ids.contains(&e.signal.as_str()))
    };
    let profile = verdict.evidence.iter().any(|e| {
        e.observed()
            && e.signal != SCORE_LIMIT
            && !POST_SIGNALS.contains(&e.signal.as_str())
            && !INTERACTION_SIGNALS.contains(&e.signal.as_str())
            && !HISTORY_SIGNALS.contains(&e.signal.as_str())
    });
    let posts = observed(POST_SIGNALS);
    let interactions = observed(INTERACTION_SIGNALS);
    let history = observed(HISTORY_SIGNALS);
    let sure = match verdict.confidence.label {
        ConfidenceLabel::Low => "Not sure yet",
        ConfidenceLabel::Medium => "Fairly sure",
        ConfidenceLabel::High => "Sure",
    };
    let mut sources = Vec::new();
    if profile {
        sources.push("the profile".to_string());
    }
    if posts {
        sources.push("recent posts".to_string());
    }
    if interactions {
        sources.push("what they did to you".to_string());
    }
    if history {
        sources.push("earlier visits".to_string());
    }
    if sources.is_empty() {
        return format!("{sure}: nothing about this account has been seen yet.");
    }
    let based = if sources.len() == 1 {
        format!("based on {} only", sources[0])
    } else {
        format!("based on {}", join_words(&sources))
    };
    if posts {
        format!("{sure}: {based}.")
    } else {
        format!("{sure}: {based}; posts not seen yet.")
    }
}

/// The score limit in words, when the verdict has that line.
fn limit_words(verdict: &Verdict) -> Option<String> {
    let line = verdict.evidence.iter().find(|e| e.signal == SCORE_LIMIT)?;
    Some(if line.points < 0 {
        "The points add up to more than 100, so the score stops at 100.".to_string()
    } else {
        "The points add up to less than 0, so the score stops at 0.".to_string()
    })
}

/// The first view of `verdict`.
pub fn summarize(verdict: &Verdict) -> Summary {
    let all = movers(&verdict.evidence);
    let top: Vec<&Evidence> = all.iter().take(TOP_LINES).copied().collect();
    Summary {
        verdict: verdict.level.label().to_string(),
        why: why(verdict.level, &all),
        seen: seen_words(verdict),
        against: top
            .iter()
            .filter(|e| e.points < 0)
            .map(|e| e.signal.clone())
            .collect(),
        in_favour: top
            .iter()
            .filter(|e| e.points > 0)
            .map(|e| e.signal.clone())
            .collect(),
        not_seen: verdict.evidence.iter().filter(|e| !e.observed()).count(),
        limit: limit_words(verdict),
    }
}
