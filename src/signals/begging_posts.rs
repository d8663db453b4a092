//! Follow-back begging in recent posts (seed heuristic 1, seed 000 §1: "a
//! Twitter feed that's polluted solely with tweets requesting follows"): the
//! same phrase list as the bio signal (`begging.keywords`), held against the
//! share of posts (Socialbakers: more than 30% of tweets with spam phrases).

use super::posts::{self, above, percent, share_words};
use super::Subject;
use crate::evidence::quoted;
use crate::evidence::{setting_points, setting_weight, Line};
use crate::settings::Settings;
use crate::verdict::Evidence;

pub fn begging_posts(subject: &Subject, s: &Settings, now: i64) -> Evidence {
    let line = Line::new(
        "begging_posts",
        "Follow-back requests in posts",
        format!(
            "follow-back phrases in at most {} of recent posts",
            percent(s.begging_tweets_share)
        ),
        setting_weight(s.begging_tweets_points),
    );
    let t = match posts::recent(subject, s, now) {
        Ok(t) => t,
        Err(what) => return line.not_seen(&what),
    };
    let from = posts::source_phrase(subject.tweets);
    if t.begging.count == 0 {
        return line.seen_from(
            &format!("none in {} recent posts", t.n),
            from,
            0,
            "Their posts do not ask for follow-backs.".to_string(),
        );
    }
    let seen = format!(
        "{} in {}",
        quoted(&t.begging_phrases_seen),
        share_words(t.begging, "recent posts")
    );
    if above(t.begging, s.begging_tweets_share) {
        line.seen_from(
            &seen,
            from,
            -setting_points(s.begging_tweets_points),
            "Their feed keeps asking for follows: about padding numbers, with little else to read."
                .to_string(),
        )
    } else {
        line.seen_from(
            &seen,
            from,
            0,
            "A follow-back phrase now and then, below the share that counts.".to_string(),
        )
    }
}
