//! Conversation and engagement (seed heuristics 4 and 11): replies to and
//! mentions of others in recent posts earn points; a feed that never talks
//! with anyone loses a few, and many more when the bio claims social-media
//! expertise (seed 000 §4: "not doing much socializing").

use super::posts::{self, percent, share_words};
use super::Subject;
use crate::evidence::quoted;
use crate::evidence::{setting_points, setting_weight, Line};
use crate::prepared::{self, KeywordList};
use crate::settings::Settings;
use crate::verdict::Evidence;

/// "1 of 9 recent posts replies to ...", "2 of 9 recent posts reply to ...".
fn reply_verb(count: usize) -> &'static str {
    if count == 1 {
        "replies to or mentions others"
    } else {
        "reply to or mention others"
    }
}

/// Replies to and mentions of others.
pub fn conversation(subject: &Subject, s: &Settings, now: i64) -> Evidence {
    let line = Line::new(
        "conversation",
        "Replies and mentions",
        format!(
            "replies or mentions in at least {} of recent posts",
            percent(s.conversation_min_share)
        ),
        setting_weight(s.conversation_points).max(setting_weight(s.conversation_none_points)),
    );
    let t = match posts::judged(subject, s, now) {
        Ok(t) => t,
        Err(what) => return line.not_seen(&what),
    };
    let seen = format!(
        "{} {}",
        share_words(t.conversation, "recent posts"),
        reply_verb(t.conversation.count)
    );
    let from = posts::source_phrase(subject.tweets);
    if t.conversation.ratio() >= s.conversation_min_share {
        line.seen_from(
            &seen,
            from,
            setting_points(s.conversation_points),
            "Takes part in conversations: there to talk with people, not only to broadcast."
                .to_string(),
        )
    } else {
        line.seen_from(
            &seen,
            from,
            -setting_points(s.conversation_none_points),
            "Hardly ever replies to or mentions anyone: broadcasts rather than converses."
                .to_string(),
        )
    }
}

/// Expert words in the bio and no conversation in recent posts.
pub fn guru_silent(subject: &Subject, s: &Settings, now: i64) -> Evidence {
    let a = subject.account;
    let line = Line::new(
        "guru_silent",
        "Expert claims and conversation",
        format!(
            "expert words in the bio only count with replies or mentions in at least {} of recent posts",
            percent(s.conversation_min_share)
        ),
        setting_weight(s.guru_silent_points),
    );
    let Some(bio) = a.bio.as_deref() else {
        return line.not_seen("Bio");
    };
    let found = prepared::find_keywords(subject, s, KeywordList::Guru, bio);
    if found.is_empty() {
        return line.seen(
            a,
            "no expert words in bio",
            0,
            "The bio makes no social-media expert claims to hold against their posts.".to_string(),
        );
    }
    let t = match posts::judged(subject, s, now) {
        Ok(t) => t,
        Err(what) => return line.not_seen(&what),
    };
    let seen = format!(
        "{} in bio; {} {}",
        quoted(&found),
        share_words(t.conversation, "recent posts"),
        reply_verb(t.conversation.count)
    );
    let from = posts::source_phrase(subject.tweets);
    if t.conversation.ratio() < s.conversation_min_share {
        line.seen_from(
            &seen,
            from,
            -setting_points(s.guru_silent_points),
            "Calls themselves a social-media expert but does not socialise: talking the talk, not walking the walk."
                .to_string(),
        )
    } else {
        line.seen_from(
            &seen,
            from,
            0,
            "Claims social-media expertise and does talk with people.".to_string(),
        )
    }
}
