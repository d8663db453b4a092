//! Conversation and engagement (seed heuristics 4 and 11): replies to and
//! mentions of others in recent posts earn points; a feed that never talks
//! with anyone loses a few, and many more when the bio claims social-media
//! expertise (seed 000 §4: "not doing much socializing").

use super::posts::{self, percent, share_words};
use super::Subject;
use crate::evidence::msg;
use crate::evidence::quoted_m;
use crate::evidence::{setting_points, setting_weight, Line};
use crate::message::{Arg, Message};
use crate::prepared::{self, KeywordList};
use crate::settings::Settings;
use crate::verdict::Evidence;

/// "1 of 9 recent posts replies to ...", "2 of 9 recent posts reply to ...".
fn replying(share: crate::analysis::Share) -> Message {
    msg(
        if share.count == 1 {
            "ev_conv_seen_one"
        } else {
            "ev_conv_seen_many"
        },
        [share_words(share, "ev_share_recent_posts")],
    )
}

/// Replies to and mentions of others.
pub fn conversation(subject: &Subject, s: &Settings, now: i64) -> Evidence {
    let line = Line::new(
        subject,
        "conversation",
        "ev_conv_label",
        || msg("ev_conv_threshold", [percent(s.conversation_min_share)]),
        setting_weight(s.conversation_points).max(setting_weight(s.conversation_none_points)),
    );
    let t = match posts::judged(subject, s, now) {
        Ok(t) => t,
        Err(what) => return line.not_seen_with(|| what),
    };
    let seen = || replying(t.conversation);
    let from = posts::source_phrase(subject);
    if t.conversation.ratio() >= s.conversation_min_share {
        line.seen_from(seen, from, setting_points(s.conversation_points), || {
            Message::bare("ev_conv_why_talks")
        })
    } else {
        line.seen_from(
            seen,
            from,
            -setting_points(s.conversation_none_points),
            || Message::bare("ev_conv_why_broadcasts"),
        )
    }
}

/// Expert words in the bio and no conversation in recent posts.
pub fn guru_silent(subject: &Subject, s: &Settings, now: i64) -> Evidence {
    let a = subject.account;
    let line = Line::new(
        subject,
        "guru_silent",
        "ev_guru_silent_label",
        || {
            msg(
                "ev_guru_silent_threshold",
                [percent(s.conversation_min_share)],
            )
        },
        setting_weight(s.guru_silent_points),
    );
    let Some(bio) = a.bio.as_deref() else {
        return line.not_seen("ev_fact_bio");
    };
    let (found, any) = prepared::keywords_found(subject, s, KeywordList::Guru, bio);
    if !any {
        return line.seen(
            a,
            || Message::bare("ev_guru_silent_seen_none"),
            0,
            || Message::bare("ev_guru_silent_why_none"),
        );
    }
    let t = match posts::judged(subject, s, now) {
        Ok(t) => t,
        Err(what) => return line.not_seen_with(|| what),
    };
    let seen = || {
        msg(
            "ev_semicolon",
            [
                Arg::Msg(msg("ev_found_in_bio", [quoted_m(&found)])),
                Arg::Msg(replying(t.conversation)),
            ],
        )
    };
    let from = posts::source_phrase(subject);
    if t.conversation.ratio() < s.conversation_min_share {
        line.seen_from(seen, from, -setting_points(s.guru_silent_points), || {
            Message::bare("ev_guru_silent_why_silent")
        })
    } else {
        line.seen_from(seen, from, 0, || Message::bare("ev_guru_silent_why_talks"))
    }
}
