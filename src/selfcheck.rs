//! Self-check (issue 13): how your own account looks to people deciding whether
//! to follow you back.
//!
//! A pure function over the verdict other people's Followback would give the
//! account and the account's facts: for each of the reasons our users gave
//! (asking for follow-backs, auto-DMs, automation, talking without
//! socialising, no variety, bio and photo, relationships, follow churn,
//! activity) it writes lines in the second person with the fact behind them
//! and what would change it, or what the check still needs. Signals are found
//! by id; unknown ids that cost points get a plain line of their own, missing
//! ids read as "needs data".

use crate::evidence::msg;
use serde::Serialize;

use crate::json_out::{Obj, WriteJson};

use crate::message::{uint, Arg, Message};
use crate::model::Account;
use crate::verdict::{ConfidenceLabel, Evidence, Level, Verdict};

/// One of the reasons people give for not following back.
#[derive(Serialize, Clone, Copy, Debug, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum Topic {
    /// Asking for follow-backs in the bio, name or posts.
    AskingForFollowBacks,
    /// Automatic direct messages.
    AutoDms,
    /// Posting by app or schedule.
    Automation,
    /// Replying and talking with people.
    Socialising,
    /// Variety of posts.
    Variety,
    /// Bio and profile photo.
    BioAndPhoto,
    /// Followers, following and their ratio.
    Relationships,
    /// Following and unfollowing in swings.
    FollowChurn,
    /// How much and how recently the account posts.
    Activity,
    /// Signals this module does not know by id.
    Other,
}

impl Topic {
    /// Heading shown above the topic's lines.
    pub fn title(self) -> Message {
        Message::bare(match self {
            Topic::AskingForFollowBacks => "sc_topic_asking",
            Topic::AutoDms => "sc_topic_dms",
            Topic::Automation => "sc_topic_automation",
            Topic::Socialising => "sc_topic_socialising",
            Topic::Variety => "sc_topic_variety",
            Topic::BioAndPhoto => "sc_topic_bio_photo",
            Topic::Relationships => "sc_topic_relationships",
            Topic::FollowChurn => "sc_topic_churn",
            Topic::Activity => "sc_topic_activity",
            Topic::Other => "sc_topic_other",
        })
    }
}

/// What a line says about its topic.
#[derive(Serialize, Clone, Copy, Debug, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Costs you points: the line says what would change it.
    Change,
    /// Nothing to change here.
    Fine,
    /// Not seen yet: the line says what the check needs.
    NeedsData,
    /// Followback cannot see this at all (encrypted DMs).
    CannotCheck,
}

/// One line of the self-check.
#[derive(Serialize, Clone, Debug, PartialEq)]
pub struct CheckLine {
    /// The topic the line is under.
    pub topic: Topic,
    /// The topic's heading.
    pub title: Message,
    /// The signal id behind the line, when one signal is.
    pub signal: Option<String>,
    /// What the line says: change, fine, needs data or cannot check.
    pub status: Status,
    /// Points the signal takes (negative) or adds; 0 for other lines.
    pub points: i32,
    /// The fact behind the line, in words ("#TeamFollowBack in your bio").
    pub fact: Option<Message>,
    /// What would change it ("remove the hashtag").
    pub advice: Option<Message>,
    /// The whole sentence, second person.
    pub text: Message,
}

/// The self-check for one account.
#[derive(Serialize, Clone, Debug, PartialEq)]
pub struct SelfCheck {
    /// Screen name checked, without `@`.
    pub handle: String,
    /// The score others would see.
    pub score: u8,
    /// The verdict's band.
    pub level: Level,
    /// The band's words, as the badge shows them (a message id).
    pub level_label: &'static str,
    /// How much of the signal weight had data.
    pub confidence: ConfidenceLabel,
    /// One sentence: the verdict people would see.
    pub summary: Message,
    /// Every line, by topic in the order of [`TOPICS`].
    pub lines: Vec<CheckLine>,
    /// The (at most) two changes that would move the score most.
    pub top: Vec<CheckLine>,
    /// How many lines ask for a change.
    pub changes: usize,
}

/// Topics in display order, with the signal ids each gathers.
pub const TOPICS: &[(Topic, &[&str])] = &[
    (Topic::AskingForFollowBacks, &["begging", "begging_posts"]),
    (Topic::AutoDms, &[]),
    (
        Topic::Automation,
        &[
            "automation_links",
            "automation_repeats",
            "automation_timing",
            "automation_rate",
        ],
    ),
    (Topic::Socialising, &["guru", "guru_silent", "conversation"]),
    (Topic::Variety, &["variety", "self_promotion"]),
    (
        Topic::BioAndPhoto,
        &["bio", "avatar", "spam_words", "handle", "bare_profile"],
    ),
    (
        Topic::Relationships,
        &["ratio", "follow_for_follow", "listed"],
    ),
    (
        Topic::FollowChurn,
        &["following_cap", "churn", "following_growth"],
    ),
    (
        Topic::Activity,
        &["last_post", "recent_rate", "activity", "likes", "age"],
    ),
];

/// Signals about the viewer's relation to an account: meaningless for your own.
const ABOUT_THE_VIEWER: &[&str] = &["follows_you", "interactions", "interests"];

/// Signals that never make a topic read "fine" on their own (a handle that
/// does not look generated says nothing about bio and photo).
const SECONDARY: &[&str] = &[
    "handle",
    "bare_profile",
    "spam_words",
    "listed",
    "following_growth",
    "likes",
    "age",
];

/// Signals read from recent posts (the Posts tab).
const FROM_POSTS: &[&str] = &[
    "begging_posts",
    "automation_links",
    "automation_repeats",
    "automation_timing",
    "automation_rate",
    "guru_silent",
    "conversation",
    "variety",
    "self_promotion",
    "last_post",
    "recent_rate",
];

/// The self-check of `account` from `verdict` (scored as other people would score it).
pub fn self_check(verdict: &Verdict, account: &Account) -> SelfCheck {
    let by_id = |id: &str| verdict.evidence.iter().find(|e| e.signal == id);
    let mut lines = Vec::new();
    for (topic, ids) in TOPICS {
        if *topic == Topic::AutoDms {
            lines.push(auto_dms());
            continue;
        }
        let found: Vec<&Evidence> = ids.iter().filter_map(|id| by_id(id)).collect();
        let changes: Vec<CheckLine> = found
            .iter()
            .filter(|e| e.observed() && e.points < 0)
            .map(|e| change_line(*topic, e, account))
            .collect();
        let missing: Vec<&str> = ids
            .iter()
            .copied()
            .filter(|id| !SECONDARY.contains(id) && !by_id(id).is_some_and(|e| e.observed()))
            .collect();
        // A topic reads "fine" only when one of its main signals was seen.
        let any_seen = found
            .iter()
            .any(|e| e.observed() && !SECONDARY.contains(&e.signal.as_str()));
        let had_changes = !changes.is_empty();
        lines.extend(changes);
        if !had_changes && any_seen {
            let talks = by_id("conversation").is_some_and(|e| e.observed());
            lines.push(plain(*topic, Status::Fine, fine_text(*topic, talks)));
        }
        if let Some(text) = needs_text(*topic, &missing, any_seen) {
            lines.push(plain(*topic, Status::NeedsData, text));
        }
    }
    // Signals this module does not know, that cost points all the same.
    let known = |id: &str| {
        ABOUT_THE_VIEWER.contains(&id) || TOPICS.iter().any(|(_, ids)| ids.contains(&id))
    };
    for e in &verdict.evidence {
        if !known(&e.signal) && e.observed() && e.points < 0 {
            lines.push(other_line(e));
        }
    }
    let mut top: Vec<CheckLine> = lines
        .iter()
        .filter(|l| l.status == Status::Change)
        .cloned()
        .collect();
    // Stable: equal costs keep topic order.
    crate::sort::by_key(&mut top, |l| l.points);
    top.truncate(2);
    let changes = lines.iter().filter(|l| l.status == Status::Change).count();
    let level_message = crate::summary::level_message(verdict.level);
    let level_label = level_message.id;
    let summary = if verdict.level == Level::NotEnoughData {
        msg("sc_summary_nodata", [uint(u64::from(verdict.score))])
    } else {
        msg(
            "sc_summary",
            [uint(u64::from(verdict.score)), Arg::Msg(level_message)],
        )
    };
    SelfCheck {
        handle: verdict.handle.clone(),
        score: verdict.score,
        level: verdict.level,
        level_label,
        confidence: verdict.confidence.label,
        summary,
        lines,
        top,
        changes,
    }
}

/// The remembered account with what your profile page shows now: you are
/// looking at it, so its bio, name and photo are the ones people see (memory
/// keeps remembered facts first, which would hide a bio you just fixed).
pub fn with_page_profile(known: &Account, page: Option<&Account>) -> Account {
    let mut account = known.clone();
    if let Some(page) = page.filter(|p| p.handle.eq_ignore_ascii_case(&known.handle)) {
        if page.bio.is_some() {
            account.bio.clone_from(&page.bio);
        }
        if page.name.is_some() {
            account.name.clone_from(&page.name);
        }
        if page.default_avatar.is_some() {
            account.default_avatar = page.default_avatar;
        }
    }
    account
}

fn plain(topic: Topic, status: Status, text: Message) -> CheckLine {
    CheckLine {
        topic,
        title: topic.title(),
        signal: None,
        status,
        points: 0,
        fact: None,
        advice: None,
        text,
    }
}

fn auto_dms() -> CheckLine {
    let advice = Message::bare("sc_advice_dms");
    CheckLine {
        advice: Some(advice.clone()),
        text: msg("sc_text_dms", [Arg::Msg(advice)]),
        ..plain(Topic::AutoDms, Status::CannotCheck, Message::EMPTY)
    }
}

/// What was seen, without the "from the page" / "remembered" ending.
fn fact_of(e: &Evidence) -> Message {
    match &e.seen {
        Some(m) if m.id == "ev_seen_from" => match m.args.first() {
            Some(Arg::Msg(value)) => value.clone(),
            _ => m.clone(),
        },
        Some(m) => m.clone(),
        None => Message::EMPTY,
    }
}

/// True when `id` occurs anywhere in `m`.
fn has_id(m: &Message, id: &str) -> bool {
    m.id == id || m.args.iter().any(|a| arg_has_id(a, id))
}

fn arg_has_id(a: &Arg, id: &str) -> bool {
    match a {
        Arg::Msg(m) => has_id(m, id),
        Arg::List(items) => items.iter().any(|a| arg_has_id(a, id)),
        _ => false,
    }
}

/// The keywords quoted (“…”) in a seen message, first seen first.
fn quoted_phrases(m: &Message, out: &mut Vec<String>) {
    if m.id == "ev_quoted" {
        if let Some(Arg::Text(t)) = m.args.first() {
            let t = t.trim();
            if !t.is_empty() && !out.iter().any(|p| p == t) {
                out.push(t.to_string());
            }
        }
    }
    for a in &m.args {
        quoted_in_arg(a, out);
    }
}

fn quoted_in_arg(a: &Arg, out: &mut Vec<String>) {
    match a {
        Arg::Msg(m) => quoted_phrases(m, out),
        Arg::List(items) => items.iter().for_each(|a| quoted_in_arg(a, out)),
        _ => {}
    }
}

/// `phrase` as it is spelled in `text` (keywords are matched without case).
fn as_spelled(text: Option<&str>, phrase: &str) -> String {
    let Some(text) = text else {
        return phrase.to_string();
    };
    let lower = crate::case::lower(text);
    let wanted = crate::case::lower(phrase);
    if lower.len() == text.len() {
        if let Some(at) = lower.find(&wanted) {
            if let Some(original) = text.get(at..at + wanted.len()) {
                return original.to_string();
            }
        }
    }
    phrase.to_string()
}

/// "you follow 5,000 and 200 follow you" with both counts, or the fact seen
/// when a count is missing.
fn counts(account: &Account, e: &Evidence) -> (Message, Option<(u64, u64)>) {
    match (account.following, account.followers) {
        (Some(following), Some(followers)) => (
            msg("sc_fact_counts", [uint(following), uint(followers)]),
            Some((following, followers)),
        ),
        _ => (fact_of(e), None),
    }
}

fn change_line(topic: Topic, e: &Evidence, account: &Account) -> CheckLine {
    let fact = fact_of(e);
    let m = Message::bare;
    let with = |id: &'static str, fact: &Message, advice: &Message| {
        msg(id, [Arg::Msg(fact.clone()), Arg::Msg(advice.clone())])
    };
    let (fact_words, text, advice): (Message, Message, Message) = match e.signal.as_str() {
        "begging" | "spam_words" | "guru" => {
            let seen = e.seen.clone().unwrap_or(Message::EMPTY);
            let spam = has_id(&seen, "ev_spam_seen_found");
            let in_name = has_id(&seen, "ev_place_in_name") || spam;
            let in_bio = has_id(&seen, "ev_place_in_bio")
                || has_id(&seen, "ev_found_in_bio")
                || spam
                || !in_name;
            let source = if in_bio {
                account.bio.as_deref()
            } else {
                account.name.as_deref()
            };
            let mut quoted = Vec::new();
            quoted_phrases(&seen, &mut quoted);
            let phrases: Vec<String> = quoted.iter().map(|p| as_spelled(source, p)).collect();
            let shown = if phrases.is_empty() {
                fact.clone()
            } else {
                crate::summary::join_words(
                    phrases
                        .iter()
                        .map(|p| msg("sc_phrase", [crate::message::text(p.as_str())]))
                        .collect(),
                )
            };
            let place = m(match (in_bio, in_name) {
                (true, true) => "sc_place_bio_name",
                (false, true) => "sc_place_name",
                _ => "sc_place_bio",
            });
            let what = m(
                if phrases.iter().all(|p| p.starts_with('#')) && !phrases.is_empty() {
                    if phrases.len() == 1 {
                        "sc_what_hashtag"
                    } else {
                        "sc_what_hashtags"
                    }
                } else {
                    "sc_what_words"
                },
            );
            let fact_words = msg(
                "sc_fact_in_your",
                [Arg::Msg(shown.clone()), Arg::Msg(place.clone())],
            );
            match e.signal.as_str() {
                "begging" => {
                    let advice = msg("sc_advice_remove", [Arg::Msg(what)]);
                    let text = msg(
                        "sc_text_begging",
                        [Arg::Msg(place), Arg::Msg(shown), Arg::Msg(advice.clone())],
                    );
                    (fact_words, text, advice)
                }
                "spam_words" => {
                    let advice = msg(
                        "sc_advice_rewrite",
                        [Arg::Msg(place.clone()), Arg::Msg(what)],
                    );
                    let text = msg(
                        "sc_text_spam",
                        [Arg::Msg(place), Arg::Msg(shown), Arg::Msg(advice.clone())],
                    );
                    (fact_words, text, advice)
                }
                _ => {
                    let advice = m("sc_advice_guru");
                    (fact_words, with("sc_text_guru", &shown, &advice), advice)
                }
            }
        }
        "bio" => {
            let advice = m("sc_advice_bio");
            (
                m("sc_fact_empty_bio"),
                msg("sc_text_bio", [Arg::Msg(advice.clone())]),
                advice,
            )
        }
        "ratio" | "following_cap" | "follow_for_follow" => {
            let (counted, both) = counts(account, e);
            let (advice, both_id, one_id) = match e.signal.as_str() {
                "ratio" => (m("sc_advice_ratio"), "sc_text_ratio", "sc_text_ratio_one"),
                "following_cap" => (m("sc_advice_cap"), "sc_text_cap", "sc_text_cap_one"),
                _ => (m("sc_advice_f4f"), "sc_text_f4f", "sc_text_f4f_one"),
            };
            let text = match both {
                Some((following, followers)) => msg(
                    both_id,
                    [uint(following), uint(followers), Arg::Msg(advice.clone())],
                ),
                None => with(one_id, &counted, &advice),
            };
            (counted, text, advice)
        }
        other => {
            let Some((text_id, advice_id)) = SIMPLE_CHANGES
                .iter()
                .find(|(ids, _, _)| ids.contains(&other))
                .map(|(_, t, a)| (*t, *a))
            else {
                return other_line(e);
            };
            let advice = m(advice_id);
            (fact.clone(), with(text_id, &fact, &advice), advice)
        }
    };
    CheckLine {
        topic,
        title: topic.title(),
        signal: Some(e.signal.clone()),
        status: Status::Change,
        points: e.points,
        fact: Some(fact_words),
        advice: Some(advice),
        text,
    }
}

/// Signals whose change line is "<text with the fact as $1 and the advice as $2>".
type SimpleChange = (&'static [&'static str], &'static str, &'static str);

/// The change lines that only need the fact and the advice.
const SIMPLE_CHANGES: &[SimpleChange] = &[
    (&["avatar"], "sc_text_avatar", "sc_advice_avatar"),
    (&["handle"], "sc_text_handle", "sc_advice_handle"),
    (&["bare_profile"], "sc_text_bare", "sc_advice_bare"),
    (&["churn"], "sc_text_churn", "sc_advice_churn"),
    (&["following_growth"], "sc_text_growth", "sc_advice_growth"),
    (
        &["begging_posts"],
        "sc_text_begging_posts",
        "sc_advice_begging_posts",
    ),
    (&["automation_links"], "sc_text_links", "sc_advice_links"),
    (
        &["automation_repeats"],
        "sc_text_repeats",
        "sc_advice_repeats",
    ),
    (&["automation_timing"], "sc_text_timing", "sc_advice_timing"),
    (&["automation_rate"], "sc_text_rate", "sc_advice_rate"),
    (
        &["guru_silent"],
        "sc_text_guru_silent",
        "sc_advice_guru_silent",
    ),
    (
        &["conversation"],
        "sc_text_conversation",
        "sc_advice_conversation",
    ),
    (&["variety"], "sc_text_variety", "sc_advice_variety"),
    (&["self_promotion"], "sc_text_promo", "sc_advice_promo"),
    (
        &["last_post", "recent_rate", "activity"],
        "sc_text_quiet",
        "sc_advice_quiet",
    ),
    (&["likes"], "sc_text_likes", "sc_advice_likes"),
    (&["age"], "sc_text_age", "sc_advice_age"),
    (&["listed"], "sc_text_listed", "sc_advice_listed"),
];

/// A line for a signal this module has no words for: its own label and reason.
fn other_line(e: &Evidence) -> CheckLine {
    let fact = fact_of(e);
    CheckLine {
        signal: Some(e.signal.clone()),
        points: e.points,
        fact: Some(fact.clone()),
        text: msg(
            "sc_text_other",
            [
                uint(u64::from(e.points.unsigned_abs())),
                Arg::Msg(e.label.clone()),
                Arg::Msg(fact),
                Arg::Msg(e.reason.clone()),
            ],
        ),
        ..plain(Topic::Other, Status::Change, Message::EMPTY)
    }
}

fn fine_text(topic: Topic, conversation_seen: bool) -> Message {
    Message::bare(match topic {
        Topic::Socialising if !conversation_seen => "sc_fine_no_claims",
        Topic::AskingForFollowBacks => "sc_fine_asking",
        Topic::Automation => "sc_fine_automation",
        Topic::Socialising => "sc_fine_socialising",
        Topic::Variety => "sc_fine_variety",
        Topic::BioAndPhoto => "sc_fine_bio_photo",
        Topic::Relationships => "sc_fine_relationships",
        Topic::FollowChurn => "sc_fine_churn",
        Topic::Activity => "sc_fine_activity",
        Topic::AutoDms | Topic::Other => "sc_fine_nothing",
    })
}

/// What the topic's check needs, for the signals in `missing` (not seen yet).
fn needs_text(topic: Topic, missing: &[&str], any_seen: bool) -> Option<Message> {
    if missing.is_empty() {
        return None;
    }
    let posts = missing.iter().any(|id| FROM_POSTS.contains(id));
    let profile = missing
        .iter()
        .any(|id| !FROM_POSTS.contains(id) && *id != "churn");
    let history = missing.contains(&"churn");
    // `(without "too", with "too")`: the second when part of the topic was seen.
    let also = |plain: &'static str, too: &'static str| if any_seen { too } else { plain };
    let id = match topic {
        Topic::AskingForFollowBacks if posts && profile => "sc_needs_asking_both",
        Topic::AskingForFollowBacks if posts => {
            also("sc_needs_asking_posts", "sc_needs_asking_posts_too")
        }
        Topic::AskingForFollowBacks => "sc_needs_asking_profile",
        Topic::Automation => also("sc_needs_automation", "sc_needs_automation_too"),
        Topic::Variety => also("sc_needs_variety", "sc_needs_variety_too"),
        Topic::Socialising if posts => also("sc_needs_socialising", "sc_needs_socialising_too"),
        Topic::Socialising => "sc_needs_socialising_bio",
        Topic::BioAndPhoto => also("sc_needs_bio_photo", "sc_needs_bio_photo_too"),
        Topic::Relationships => also("sc_needs_relationships", "sc_needs_relationships_too"),
        Topic::FollowChurn if history && !profile => "sc_needs_churn_later",
        Topic::FollowChurn => also("sc_needs_churn", "sc_needs_churn_too"),
        Topic::Activity if posts => also("sc_needs_activity_posts", "sc_needs_activity_posts_too"),
        Topic::Activity => also("sc_needs_activity", "sc_needs_activity_too"),
        Topic::AutoDms | Topic::Other => return None,
    };
    Some(Message::bare(id))
}

// JSON as the wasm writes it: the same text as the derives above
// (`tests/json_out_props.rs`), without serde's serializer.

impl Topic {
    /// The topic's JSON name (snake_case, as serde writes it).
    pub fn name(self) -> &'static str {
        match self {
            Topic::AskingForFollowBacks => "asking_for_follow_backs",
            Topic::AutoDms => "auto_dms",
            Topic::Automation => "automation",
            Topic::Socialising => "socialising",
            Topic::Variety => "variety",
            Topic::BioAndPhoto => "bio_and_photo",
            Topic::Relationships => "relationships",
            Topic::FollowChurn => "follow_churn",
            Topic::Activity => "activity",
            Topic::Other => "other",
        }
    }
}

impl Status {
    /// The status's JSON name (snake_case, as serde writes it).
    pub fn name(self) -> &'static str {
        match self {
            Status::Change => "change",
            Status::Fine => "fine",
            Status::NeedsData => "needs_data",
            Status::CannotCheck => "cannot_check",
        }
    }
}

impl WriteJson for Topic {
    fn write_json(&self, out: &mut String) {
        crate::json_out::string(out, self.name());
    }
}

impl WriteJson for Status {
    fn write_json(&self, out: &mut String) {
        crate::json_out::string(out, self.name());
    }
}

impl WriteJson for CheckLine {
    fn write_json(&self, out: &mut String) {
        Obj::new(out)
            .field("topic", &self.topic)
            .field("title", &self.title)
            .field("signal", &self.signal)
            .field("status", &self.status)
            .field("points", &self.points)
            .field("fact", &self.fact)
            .field("advice", &self.advice)
            .field("text", &self.text)
            .end();
    }
}

impl WriteJson for SelfCheck {
    fn write_json(&self, out: &mut String) {
        Obj::new(out)
            .field("handle", &self.handle)
            .field("score", &self.score)
            .field("level", &self.level)
            .field("level_label", self.level_label)
            .field("confidence", &self.confidence)
            .field("summary", &self.summary)
            .field("lines", &self.lines)
            .field("top", &self.top)
            .field("changes", &self.changes)
            .end();
    }
}
