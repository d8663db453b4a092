//! Variety and self-promotion (seed heuristic 5, seed 000 §5): a feed of
//! nothing but reposts (Socialbakers: > 90%) loses points, a mix of own posts,
//! sharing others and replies earns them; original posts that mostly promote
//! the account itself lose points (TwitCleaner: "talks about themselves more
//! than half the time").

use super::posts::{self, above, percent, share_words};
use super::Subject;
use crate::analysis::Share;
use crate::evidence::{setting_points, setting_weight, Line};
use crate::settings::Settings;
use crate::verdict::Evidence;

/// The mix of original posts, reposts or quotes, and replies.
pub fn mix(subject: &Subject, s: &Settings, now: i64) -> Evidence {
    let line = Line::new(
        "variety",
        "Kinds of posts",
        format!(
            "at most {} reposts; a good mix has each kind in at least {} of posts",
            percent(s.variety_repost_share),
            percent(s.variety_mix_min_share)
        ),
        setting_weight(s.variety_repost_points).max(setting_weight(s.variety_mix_points)),
    );
    let t = match posts::judged(subject, s, now) {
        Ok(t) => t,
        Err(what) => return line.not_seen(&what),
    };
    let sharing = Share::new(t.repost.count + t.quote.count, t.n);
    let seen = format!(
        "{} original, {} reposts or quotes, {} replies of {} recent posts",
        t.original.count, sharing.count, t.reply.count, t.n
    );
    let from = posts::source_phrase(subject.tweets);
    let enough = |share: Share| share.ratio() >= s.variety_mix_min_share;
    if above(t.repost, s.variety_repost_share) {
        line.seen_from(
            &seen,
            from,
            -setting_points(s.variety_repost_points),
            "Almost only reposts of others: nothing of their own to add.".to_string(),
        )
    } else if enough(t.original) && enough(sharing) && enough(t.reply) {
        line.seen_from(
            &seen,
            from,
            setting_points(s.variety_mix_points),
            "A good mix: their own posts, sharing others' and replies.".to_string(),
        )
    } else {
        let missing: Vec<&str> = [
            (t.original, "posts of their own"),
            (sharing, "shared posts"),
            (t.reply, "replies"),
        ]
        .into_iter()
        .filter(|(share, _)| !enough(*share))
        .map(|(_, what)| what)
        .collect();
        let few = match missing.as_slice() {
            [rest @ .., last] if !rest.is_empty() => format!("{} or {last}", rest.join(", ")),
            [one] => (*one).to_string(),
            _ => "of one kind".to_string(),
        };
        line.seen_from(&seen, from, 0, format!("Not much variety yet: few {few}."))
    }
}

/// Original posts that promote the account itself.
pub fn self_promotion(subject: &Subject, s: &Settings, now: i64) -> Evidence {
    let line = Line::new(
        "self_promotion",
        "Self-promotion",
        format!(
            "at most {} of original posts promote their own site or products",
            percent(s.variety_self_promo_share)
        ),
        setting_weight(s.variety_self_promo_points),
    );
    let t = match posts::judged(subject, s, now) {
        Ok(t) => t,
        Err(what) => return line.not_seen(&what),
    };
    let min = usize::try_from(s.variety_self_promo_min_originals.max(1)).unwrap_or(1);
    if t.originals < min {
        return line.not_seen(&format!(
            "Enough original posts ({} of the {min} needed)",
            t.originals
        ));
    }
    let seen = format!(
        "{} promote themselves",
        share_words(t.self_promotion, "original recent posts")
    );
    let from = posts::source_phrase(subject.tweets);
    if above(t.self_promotion, s.variety_self_promo_share) {
        line.seen_from(
            &seen,
            from,
            -setting_points(s.variety_self_promo_points),
            "Mostly talks about themselves and their products: it comes across as a sales feed."
                .to_string(),
        )
    } else {
        line.seen_from(
            &seen,
            from,
            0,
            "Does not constantly promote themselves.".to_string(),
        )
    }
}
