//! Follow-back begging in recent posts (seed heuristic 1, seed 000 §1: "a
//! Twitter feed that's polluted solely with tweets requesting follows"): the
//! same phrase list as the bio signal (`begging.keywords`), held against the
//! share of posts (Socialbakers: more than 30% of tweets with spam phrases).

use super::posts::{self, above, percent, share_words};
use super::Subject;
use crate::evidence::msg;
use crate::evidence::quoted_m;
use crate::evidence::{setting_points, setting_weight, Line};
use crate::message::{uint, Message};
use crate::settings::Settings;
use crate::verdict::Evidence;

pub fn begging_posts(subject: &Subject, s: &Settings, now: i64) -> Evidence {
    let line = Line::new(
        subject,
        "begging_posts",
        "ev_begging_posts_label",
        || {
            msg(
                "ev_begging_posts_threshold",
                [percent(s.begging_tweets_share)],
            )
        },
        setting_weight(s.begging_tweets_points),
    );
    let t = match posts::recent(subject, s, now) {
        Ok(t) => t,
        Err(what) => return line.not_seen_with(|| what),
    };
    let from = posts::source_phrase(subject);
    if t.begging.count == 0 {
        return line.seen_from(
            || msg("ev_begging_posts_seen_none", [uint(t.n as u64)]),
            from,
            0,
            || Message::bare("ev_begging_posts_why_none"),
        );
    }
    let seen = || {
        msg(
            "ev_found_in",
            [
                quoted_m(&t.begging_phrases_seen),
                share_words(t.begging, "ev_share_recent_posts"),
            ],
        )
    };
    if above(t.begging, s.begging_tweets_share) {
        line.seen_from(seen, from, -setting_points(s.begging_tweets_points), || {
            Message::bare("ev_begging_posts_why_many")
        })
    } else {
        line.seen_from(seen, from, 0, || Message::bare("ev_begging_posts_why_few"))
    }
}
