//! The first view of a verdict, in plain words: the level and one sentence why,
//! how much was seen (in words, no figures), the few lines that moved the score
//! most (for and against), how many facts were not seen yet, and the score
//! limit in words when it applied.
//!
//! Built only from a [`Verdict`]'s own lines, so the badge's breakdown, the CLI
//! and the audit say the same thing. The sentence uses a short phrase per
//! signal id and direction (the [`PHRASES`] table); a signal without a phrase
//! falls back to its label.

use crate::evidence::msg;
use serde::{Deserialize, Serialize};

use crate::message::{Arg, Message};
use crate::verdict::{ConfidenceLabel, Evidence, Level, Verdict};

/// How many lines with points the first view shows at most.
pub const TOP_LINES: usize = 4;
/// How many reasons the "why" sentence names at most.
const WHY_REASONS: usize = 2;
/// The id of the line `score` adds when the total leaves 0..100.
pub const SCORE_LIMIT: &str = "score_limit";

/// The summary that comes first in the breakdown.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct Summary {
    /// The level (the page names it: "Follow back", "Maybe", ...).
    pub verdict: Level,
    /// One sentence: the verdict and why ("Skip: asks for follow-backs and
    /// follows far more accounts than follow them.").
    pub why: Message,
    /// How much was seen, in words ("Fairly sure: based on the profile only;
    /// posts not seen yet.").
    pub seen: Message,
    /// Signal ids of the lines that moved the score down most, biggest first.
    pub against: Vec<String>,
    /// Signal ids of the lines that moved the score up most, biggest first.
    pub in_favour: Vec<String>,
    /// How many facts were not seen yet.
    pub not_seen: usize,
    /// The score limit in words, when the points went past 0 or 100.
    pub limit: Option<Message>,
}

impl Summary {
    /// The summary in English words (CLI and tests).
    pub fn english(&self) -> SummaryText {
        SummaryText {
            verdict: crate::summary::level_message(self.verdict).english(),
            why: self.why.english(),
            seen: self.seen.english(),
            against: self.against.clone(),
            in_favour: self.in_favour.clone(),
            not_seen: self.not_seen,
            limit: self.limit.as_ref().map(Message::english),
        }
    }
}

/// A summary rendered in English: the shape the CLI prints.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
pub struct SummaryText {
    /// The level in words.
    pub verdict: String,
    /// One sentence: the verdict and why.
    pub why: String,
    /// How much was seen, in words.
    pub seen: String,
    /// Signal ids that moved the score down most.
    pub against: Vec<String>,
    /// Signal ids that moved the score up most.
    pub in_favour: Vec<String>,
    /// How many facts were not seen yet.
    pub not_seen: usize,
    /// The score limit in words.
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

/// The message ids of [`PHRASES`], row by row: `(signal id, id when it took
/// points, id when it added points)`, empty where there is no phrase. A table
/// of its own so the wasm keeps neither the English nor the list of every id
/// (`message::IDS`); a test checks it against both.
pub const PHRASE_IDS: &[(&str, &str, &str)] = &[
    ("begging", "sum_down_begging", ""),
    ("begging_posts", "sum_down_begging_posts", ""),
    ("guru", "sum_down_guru", ""),
    ("spam_words", "sum_down_spam_words", ""),
    ("bio", "sum_down_bio", "sum_up_bio"),
    ("avatar", "sum_down_avatar", "sum_up_avatar"),
    ("ratio", "sum_down_ratio", "sum_up_ratio"),
    ("following_cap", "sum_down_following_cap", ""),
    ("follow_for_follow", "sum_down_follow_for_follow", ""),
    ("activity", "sum_down_activity", ""),
    ("posts", "sum_down_posts", "sum_up_posts"),
    ("likes_per_post", "sum_down_likes_per_post", ""),
    ("listed", "sum_down_listed", "sum_up_listed"),
    ("likes", "sum_down_likes", "sum_up_likes"),
    ("handle", "sum_down_handle", ""),
    ("following_growth", "sum_down_following_growth", ""),
    ("bare_profile", "sum_down_bare_profile", ""),
    ("verified", "", "sum_up_verified"),
    ("age", "sum_down_age", "sum_up_age"),
    ("follows_you", "", "sum_up_follows_you"),
    ("automation_links", "sum_down_automation_links", ""),
    ("automation_repeats", "sum_down_automation_repeats", ""),
    ("automation_timing", "sum_down_automation_timing", ""),
    ("automation_rate", "sum_down_automation_rate", ""),
    ("variety", "sum_down_variety", "sum_up_variety"),
    ("self_promotion", "sum_down_self_promotion", ""),
    (
        "conversation",
        "sum_down_conversation",
        "sum_up_conversation",
    ),
    ("guru_silent", "sum_down_guru_silent", ""),
    ("last_post", "sum_down_last_post", "sum_up_last_post"),
    ("recent_rate", "sum_down_recent_rate", "sum_up_recent_rate"),
    ("interests", "sum_down_interests", "sum_up_interests"),
    ("interactions", "", "sum_up_interactions"),
    ("churn", "sum_down_churn", ""),
    ("automated", "sum_down_automated", ""),
    ("self_declared_bot", "sum_down_self_declared_bot", ""),
    ("parody", "sum_down_parody", ""),
    ("identity", "", "sum_up_identity"),
    ("username_changes", "sum_down_username_changes", ""),
    ("posting_client", "sum_down_posting_client", ""),
];

/// The phrase message id of `signal` taking points (`down`) or adding them:
/// `sum_down_<signal>` / `sum_up_<signal>` where [`PHRASES`] has a phrase
/// (the English is in the en locale file).
pub fn phrase_id(signal: &str, down: bool) -> Option<&'static str> {
    PHRASE_IDS
        .iter()
        .find(|(s, _, _)| *s == signal)
        .map(|(_, d, u)| if down { *d } else { *u })
        .filter(|id| !id.is_empty())
}

/// The phrase for a line that moved the score, or its label.
pub fn phrase(line: &Evidence) -> Message {
    // The ids, not the English of `PHRASES`: the wasm carries no English.
    match phrase_id(&line.signal, line.points < 0) {
        Some(id) => Message::bare(id),
        None => msg(
            if line.points < 0 {
                "sum_label_against"
            } else {
                "sum_label_for"
            },
            [Arg::Msg(line.label.clone())],
        ),
    }
}

/// "a", "a and b", "a, b and c", "a, b, c and d" (more are cut to four; the
/// self-check joins its phrases with it too).
pub(crate) fn join_words(parts: Vec<Message>) -> Message {
    let ids = ["", "", "sum_and_2", "sum_and_3", "sum_and_4"];
    match parts.len() {
        0 => Message::EMPTY,
        1 => parts.into_iter().next().unwrap_or(Message::EMPTY),
        n => Message::new(
            ids.get(n).copied().unwrap_or("sum_and_4"),
            parts.into_iter().take(4).map(Arg::Msg).collect(),
        ),
    }
}

/// Lines with points, biggest |points| first (the verdict keeps that order;
/// this sorts again so any order works), without the score-limit line.
fn movers(evidence: &[Evidence]) -> Vec<&Evidence> {
    let mut out: Vec<&Evidence> = evidence
        .iter()
        .filter(|e| e.points != 0 && e.signal != SCORE_LIMIT)
        .collect();
    crate::sort::by_key(&mut out, |e| std::cmp::Reverse(e.points.unsigned_abs()));
    out
}

/// The level's name as a message (the page's own level keys).
pub fn level_message(level: Level) -> Message {
    Message::bare(match level {
        Level::FollowBack => "level_follow_back",
        Level::Maybe => "level_maybe",
        Level::Skip => "level_skip",
        Level::NotEnoughData => "level_not_enough_data",
    })
}

/// The sentence why, from the lines that moved the score most.
fn why(level: Level, top: &[&Evidence]) -> Message {
    let words = || Arg::Msg(level_message(level));
    let against: Vec<Message> = top
        .iter()
        .filter(|e| e.points < 0)
        .take(WHY_REASONS)
        .map(|e| phrase(e))
        .collect();
    let in_favour: Vec<Message> = top
        .iter()
        .filter(|e| e.points > 0)
        .take(WHY_REASONS)
        .map(|e| phrase(e))
        .collect();
    let nothing = || msg("sum_why_nothing", [words()]);
    match level {
        Level::NotEnoughData => msg("sum_why_too_little", [words()]),
        _ if against.is_empty() && in_favour.is_empty() => nothing(),
        Level::FollowBack if !in_favour.is_empty() => {
            msg("sum_why_list", [words(), Arg::Msg(join_words(in_favour))])
        }
        Level::Skip if !against.is_empty() => {
            msg("sum_why_list", [words(), Arg::Msg(join_words(against))])
        }
        _ => {
            let first_for = in_favour.into_iter().next();
            let first_against = against.into_iter().next();
            match (first_for, first_against) {
                (Some(f), Some(a)) => msg("sum_why_but", [words(), Arg::Msg(f), Arg::Msg(a)]),
                (Some(f), None) => msg("sum_why_for_only", [words(), Arg::Msg(f)]),
                (None, Some(a)) => msg("sum_why_against_only", [words(), Arg::Msg(a)]),
                (None, None) => nothing(),
            }
        }
    }
}

/// How much was seen, in words.
fn seen_words(verdict: &Verdict) -> Message {
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
    let sure = Arg::Msg(Message::bare(match verdict.confidence.label {
        ConfidenceLabel::Low => "sum_sure_low",
        ConfidenceLabel::Medium => "sum_sure_medium",
        ConfidenceLabel::High => "sum_sure_high",
    }));
    let mut sources = Vec::new();
    if profile {
        sources.push(Message::bare("sum_src_profile"));
    }
    if posts {
        sources.push(Message::bare("sum_src_posts"));
    }
    if interactions {
        sources.push(Message::bare("sum_src_interactions"));
    }
    if history {
        sources.push(Message::bare("sum_src_history"));
    }
    if sources.is_empty() {
        return msg("sum_seen_nothing", [sure]);
    }
    let based = if sources.len() == 1 {
        msg("sum_based_only", [Arg::Msg(join_words(sources))])
    } else {
        msg("sum_based", [Arg::Msg(join_words(sources))])
    };
    if posts {
        msg("sum_seen", [sure, Arg::Msg(based)])
    } else {
        msg("sum_seen_no_posts", [sure, Arg::Msg(based)])
    }
}

/// The score limit in words, when the verdict has that line.
fn limit_words(verdict: &Verdict) -> Option<Message> {
    let line = verdict.evidence.iter().find(|e| e.signal == SCORE_LIMIT)?;
    Some(Message::bare(if line.points < 0 {
        "sum_limit_high"
    } else {
        "sum_limit_low"
    }))
}

/// The first view of `verdict`.
pub fn summarize(verdict: &Verdict) -> Summary {
    let all = movers(&verdict.evidence);
    let top: Vec<&Evidence> = all.iter().take(TOP_LINES).copied().collect();
    Summary {
        verdict: verdict.level,
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

/// The same text as the derive above, without serde's serializer (what the
/// wasm writes; `tests/json_out_props.rs`).
impl crate::json_out::WriteJson for Summary {
    fn write_json(&self, out: &mut String) {
        crate::json_out::Obj::new(out)
            .field("verdict", &self.verdict)
            .field("why", &self.why)
            .field("seen", &self.seen)
            .field("against", &self.against)
            .field("in_favour", &self.in_favour)
            .field("not_seen", &self.not_seen)
            .field("limit", &self.limit)
            .end();
    }
}
