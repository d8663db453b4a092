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

use serde::Serialize;

use crate::evidence::{count, isolate, unisolate};
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
    pub fn title(self) -> &'static str {
        match self {
            Topic::AskingForFollowBacks => "Asking for follow-backs",
            Topic::AutoDms => "Automatic DMs",
            Topic::Automation => "Automation",
            Topic::Socialising => "Talking with people",
            Topic::Variety => "Variety",
            Topic::BioAndPhoto => "Bio and photo",
            Topic::Relationships => "Followers and following",
            Topic::FollowChurn => "Follow churn",
            Topic::Activity => "Activity",
            Topic::Other => "Other signals",
        }
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
    pub title: &'static str,
    /// The signal id behind the line, when one signal is.
    pub signal: Option<String>,
    /// What the line says: change, fine, needs data or cannot check.
    pub status: Status,
    /// Points the signal takes (negative) or adds; 0 for other lines.
    pub points: i32,
    /// The fact behind the line, in words ("#TeamFollowBack in your bio").
    pub fact: Option<String>,
    /// What would change it ("remove the hashtag").
    pub advice: Option<String>,
    /// The whole sentence, second person.
    pub text: String,
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
    /// The band's words, as the badge shows them.
    pub level_label: &'static str,
    /// How much of the signal weight had data.
    pub confidence: ConfidenceLabel,
    /// One sentence: the verdict people would see.
    pub summary: String,
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
    top.sort_by_key(|l| l.points);
    top.truncate(2);
    let changes = lines.iter().filter(|l| l.status == Status::Change).count();
    let level_label = verdict.level.label();
    let summary = if verdict.level == Level::NotEnoughData {
        format!(
            "People using Followback would see {} beside your name: not enough data yet.",
            verdict.score
        )
    } else {
        format!(
            "People using Followback would see {} beside your name: \u{201c}{}\u{201d}.",
            verdict.score,
            level_label.to_lowercase()
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

fn plain(topic: Topic, status: Status, text: String) -> CheckLine {
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
    let advice = "stop automatic welcome DMs, above all sales pitches (people often unfollow on receiving one), and write to people yourself when you have something to say";
    CheckLine {
        advice: Some(advice.to_string()),
        text: format!(
            "X's direct messages are end-to-end encrypted, so Followback cannot read yours and cannot tell whether you send automatic DMs. If you do: {advice}."
        ),
        ..plain(Topic::AutoDms, Status::CannotCheck, String::new())
    }
}

/// What was seen, without the "from the page" / "remembered" ending.
fn fact_of(e: &Evidence) -> String {
    let seen = e.seen.as_deref().unwrap_or("");
    match seen.rsplit_once(", ") {
        Some((head, tail)) if tail.starts_with("from ") || tail == "remembered" => head.to_string(),
        _ => seen.to_string(),
    }
}

/// The phrases quoted (“…”) in a seen text.
fn quoted_phrases(seen: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = seen;
    while let Some(start) = rest.find('\u{201c}') {
        let after = &rest[start + '\u{201c}'.len_utf8()..];
        let Some(end) = after.find('\u{201d}') else {
            break;
        };
        let phrase = unisolate(after[..end].trim()).trim();
        if !phrase.is_empty() && !out.iter().any(|p: &String| p == phrase) {
            out.push(phrase.to_string());
        }
        rest = &after[end + '\u{201d}'.len_utf8()..];
    }
    out
}

/// `phrase` as it is spelled in `text` (keywords are matched without case).
fn as_spelled(text: Option<&str>, phrase: &str) -> String {
    let Some(text) = text else {
        return phrase.to_string();
    };
    let lower = text.to_lowercase();
    let wanted = phrase.to_lowercase();
    if lower.len() == text.len() {
        if let Some(at) = lower.find(&wanted) {
            if let Some(original) = text.get(at..at + wanted.len()) {
                return original.to_string();
            }
        }
    }
    phrase.to_string()
}

fn join_words(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

fn counts(account: &Account, e: &Evidence) -> (String, String) {
    match (account.following, account.followers) {
        (Some(following), Some(followers)) => (count(following), count(followers)),
        _ => (fact_of(e), String::new()),
    }
}

fn change_line(topic: Topic, e: &Evidence, account: &Account) -> CheckLine {
    let fact = fact_of(e);
    let (fact_words, text, advice): (String, String, String) = match e.signal.as_str() {
        "begging" | "spam_words" | "guru" => {
            let seen = e.seen.as_deref().unwrap_or("");
            let in_name = seen.contains("in name");
            let in_bio = seen.contains("in bio") || !in_name;
            let source = if in_bio {
                account.bio.as_deref()
            } else {
                account.name.as_deref()
            };
            let phrases: Vec<String> = quoted_phrases(seen)
                .iter()
                .map(|p| as_spelled(source, p))
                .collect();
            let shown = if phrases.is_empty() {
                fact.clone()
            } else {
                join_words(&phrases.iter().map(|p| isolate(p)).collect::<Vec<_>>())
            };
            let place = match (in_bio, in_name) {
                (true, true) => "bio and name",
                (false, true) => "name",
                _ => "bio",
            };
            let what = if phrases.iter().all(|p| p.starts_with('#')) && !phrases.is_empty() {
                if phrases.len() == 1 {
                    "the hashtag"
                } else {
                    "the hashtags"
                }
            } else {
                "those words"
            };
            let fact_words = format!("{shown} in your {place}");
            match e.signal.as_str() {
                "begging" => {
                    let advice = format!("remove {what}");
                    (
                        fact_words,
                        format!(
                            "Your {place} asks for follow-backs ({shown}). People who decide one by one steer clear of that: {advice}."
                        ),
                        advice,
                    )
                }
                "spam_words" => {
                    let advice = format!("rewrite the {place} without {what}");
                    (
                        fact_words,
                        format!(
                            "Your {place} uses words common in spam ({shown}). People who see them suspect a spam account: {advice}."
                        ),
                        advice,
                    )
                }
                _ => {
                    let advice = "let your replies and posts show it, or say plainly what you do"
                        .to_string();
                    (
                        fact_words,
                        format!(
                            "Your bio calls you a social-media expert ({shown}). Many such accounts are automated, so people look for signs you socialise: {advice}."
                        ),
                        advice,
                    )
                }
            }
        }
        "bio" => {
            let advice = "say in a line who you are and what you post".to_string();
            (
                "empty bio".to_string(),
                format!("Your bio is empty. People deciding whether to follow you back read it first: {advice}."),
                advice,
            )
        }
        "avatar" => {
            let advice = "upload a photo of yourself or your logo".to_string();
            (
                fact.clone(),
                format!(
                    "You still have X's default photo ({fact}). It is a common mark of fake accounts and people cannot see who you are: {advice}."
                ),
                advice,
            )
        }
        "handle" => {
            let advice =
                "pick a handle people can read (X lets you change it in settings)".to_string();
            (
                fact.clone(),
                format!(
                    "Your handle looks machine-made ({fact}), like many fake accounts: {advice}."
                ),
                advice,
            )
        }
        "bare_profile" => {
            let advice =
                "fill in your bio and photo, and follow fewer accounts until you have".to_string();
            (
                fact.clone(),
                format!("Your profile is bare while you follow many ({fact}): {advice}."),
                advice,
            )
        }
        "ratio" => {
            let (following, followers) = counts(account, e);
            let advice =
                "unfollow accounts you do not read, and follow new ones one by one".to_string();
            let fact_words = if followers.is_empty() {
                following.clone()
            } else {
                format!("you follow {following} and {followers} follow you")
            };
            let text = if followers.is_empty() {
                format!("You follow far more than follow you ({following}): that reads as chasing follow-backs. To change it: {advice}.")
            } else {
                format!("You follow {following} and {followers} follow you: following far more than follow you reads as chasing follow-backs. To change it: {advice}.")
            };
            (fact_words, text, advice)
        }
        "following_cap" => {
            let (following, followers) = counts(account, e);
            let advice = "follow fewer accounts and stop follow-then-unfollow rounds".to_string();
            let fact_words = if followers.is_empty() {
                following.clone()
            } else {
                format!("you follow {following} and {followers} follow you")
            };
            let text = if followers.is_empty() {
                format!("You follow close to X's limit ({following}) while far fewer follow you: that reads as follow churn. To change it: {advice}.")
            } else {
                format!("You follow {following} and {followers} follow you: following far more than follow you, near X's limit, reads as follow churn. To change it: {advice}.")
            };
            (fact_words, text, advice)
        }
        "follow_for_follow" => {
            let (following, followers) = counts(account, e);
            let advice = "follow people for what they post, not to be followed back".to_string();
            let fact_words = if followers.is_empty() {
                following
            } else {
                format!("you follow {following} and {followers} follow you")
            };
            (
                fact_words.clone(),
                format!("{}: almost equal at high counts looks like follow-for-follow. To change it: {advice}.", capitalise(&fact_words)),
                advice,
            )
        }
        "churn" => {
            let advice = "follow people you mean to read and keep following them".to_string();
            (
                fact.clone(),
                format!("Your following count went up and down between visits ({fact}): follow-then-unfollow reads as follow churn. To change it: {advice}."),
                advice,
            )
        }
        "following_growth" => {
            let advice = "follow slowly, people whose posts you read".to_string();
            (
                fact.clone(),
                format!(
                    "You follow many accounts for your account's age ({fact}), the way bots grow: {advice}."
                ),
                advice,
            )
        }
        "begging_posts" => {
            let advice = "post things worth following instead of asking for follows".to_string();
            (
                fact.clone(),
                format!("Your posts ask for follow-backs ({fact}). A feed of follow requests gives people nothing to read: {advice}."),
                advice,
            )
        }
        "automation_links" => {
            let advice = "add a line of your own to what you share, or share less".to_string();
            (
                fact.clone(),
                format!("Your recent posts are mostly bare links ({fact}): that looks fed in by a tool. To change it: {advice}."),
                advice,
            )
        }
        "automation_repeats" => {
            let advice = "write each post afresh instead of re-sending the same text".to_string();
            (
                fact.clone(),
                format!("You post the same text again and again ({fact}), the way scheduling tools and spam bots do. To change it: {advice}."),
                advice,
            )
        }
        "automation_timing" => {
            let advice =
                "schedule less, at varied times, and post some things yourself as they happen"
                    .to_string();
            (
                fact.clone(),
                format!("Your posts go out on a machine's clock ({fact}). People can tell automation from a person: {advice}."),
                advice,
            )
        }
        "automation_rate" => {
            let advice =
                "cut automatic posting down to what you pick and read yourself".to_string();
            (
                fact.clone(),
                format!("You post more than a person types ({fact}), which reads as automation. To change it: {advice}."),
                advice,
            )
        }
        "guru_silent" => {
            let advice = "reply to people and take part in conversations".to_string();
            (
                fact.clone(),
                format!("Your bio claims social-media expertise but you hardly reply to or mention anyone ({fact}): talking the talk without walking the walk. To change it: {advice}."),
                advice,
            )
        }
        "conversation" => {
            let advice = "reply, answer questions and thank people".to_string();
            (
                fact.clone(),
                format!("You hardly reply to or mention anyone ({fact}): you broadcast rather than talk. People follow back people who talk with them: {advice}."),
                advice,
            )
        }
        "variety" => {
            let advice = "mix posts of your own, sharing others' work and replies".to_string();
            (
                fact.clone(),
                format!("Your recent posts have little variety ({fact}). To change it: {advice}."),
                advice,
            )
        }
        "self_promotion" => {
            let advice = "share others' work and talk with people between your own announcements"
                .to_string();
            (
                fact.clone(),
                format!("You mostly talk about yourself ({fact}): it comes across as a sales feed. To change it: {advice}."),
                advice,
            )
        }
        "last_post" | "recent_rate" | "activity" => {
            let advice = "post a little, regularly".to_string();
            (
                fact.clone(),
                format!("Your account looks quiet ({fact}); people skip accounts that are not there. To change it: {advice}."),
                advice,
            )
        }
        "likes" => {
            let advice = "like posts you enjoy; it shows you read others".to_string();
            (
                fact.clone(),
                format!("You rarely like other people's posts ({fact}). To change it: {advice}."),
                advice,
            )
        }
        "age" => {
            let advice = "nothing but time: keep posting and talking with people".to_string();
            (
                fact.clone(),
                format!("Your account is new ({fact}), and new accounts are looked at more warily. To change it: {advice}."),
                advice,
            )
        }
        "listed" => {
            let advice = "post things people want to keep in a list".to_string();
            (
                fact.clone(),
                format!("Few people have put you on their lists ({fact}). To change it: {advice}."),
                advice,
            )
        }
        _ => return other_line(e),
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

fn capitalise(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// A line for a signal this module has no words for: its own label and reason.
fn other_line(e: &Evidence) -> CheckLine {
    let fact = fact_of(e);
    CheckLine {
        signal: Some(e.signal.clone()),
        points: e.points,
        fact: Some(fact.clone()),
        text: format!(
            "Followback takes {} points from you for \u{201c}{}\u{201d} ({fact}). Its reason: {}",
            e.points.unsigned_abs(),
            e.label,
            e.reason
        ),
        ..plain(Topic::Other, Status::Change, String::new())
    }
}

fn fine_text(topic: Topic, conversation_seen: bool) -> String {
    match topic {
        Topic::Socialising if !conversation_seen => {
            "Your bio makes no social-media expert claims to hold against your posts."
        }
        Topic::AskingForFollowBacks => "You do not ask for follow-backs where it was checked.",
        Topic::Automation => "Your recent posts do not look automated.",
        Topic::Socialising => "You talk with people.",
        Topic::Variety => "Your recent posts have a good mix.",
        Topic::BioAndPhoto => "Your bio and photo say who you are.",
        Topic::Relationships => "Your follower and following counts look ordinary.",
        Topic::FollowChurn => "No sign of follow churn in your counts.",
        Topic::Activity => "You look active.",
        Topic::AutoDms | Topic::Other => "Nothing to change here.",
    }
    .to_string()
}

/// What the topic's check needs, for the signals in `missing` (not seen yet).
fn needs_text(topic: Topic, missing: &[&str], any_seen: bool) -> Option<String> {
    if missing.is_empty() {
        return None;
    }
    let posts = missing.iter().any(|id| FROM_POSTS.contains(id));
    let profile = missing
        .iter()
        .any(|id| !FROM_POSTS.contains(id) && *id != "churn");
    let history = missing.contains(&"churn");
    let also = if any_seen { " too" } else { "" };
    let text = match topic {
        Topic::AskingForFollowBacks if posts && profile => "Open your profile so your bio and name can be checked for follow-back requests, and your Posts tab so your recent posts can be checked too.".to_string(),
        Topic::AskingForFollowBacks if posts => format!("Open your Posts tab so your recent posts can be checked for follow-back requests{also}."),
        Topic::AskingForFollowBacks => "Open your profile so your bio and name can be checked for follow-back requests.".to_string(),
        Topic::Automation => format!("Open your Posts tab so your recent posts can be checked for variety and automation{also}."),
        Topic::Variety => format!("Open your Posts tab so your recent posts can be checked for variety and self-promotion{also}."),
        Topic::Socialising if posts => format!("Open your Posts tab (and Replies) so your recent posts can be checked for conversation{also}."),
        Topic::Socialising => "Open your profile so your bio can be checked for expert claims.".to_string(),
        Topic::BioAndPhoto => format!("Open your profile so your bio and photo can be read{also}."),
        Topic::Relationships => format!("Open your profile so your follower, following and list counts can be read{also}."),
        Topic::FollowChurn if history && !profile => "Your following count is compared between visits: come back to your profile another day for the churn check.".to_string(),
        Topic::FollowChurn => format!("Open your profile so your follow counts can be read, and come back another day so they can be compared for churn{also}."),
        Topic::Activity if posts => format!("Open your Posts tab so Followback can see how recently and how often you post{also}."),
        Topic::Activity => format!("Open your profile so your post, like and join-date facts can be read{also}."),
        Topic::AutoDms | Topic::Other => return None,
    };
    Some(text)
}
