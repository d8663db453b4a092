//! Variety and self-promotion (seed heuristic 5, seed 000 §5): a feed of
//! nothing but reposts (Socialbakers: > 90%) loses points, a mix of own posts,
//! sharing others and replies earns them; original posts that mostly promote
//! the account itself lose points (TwitCleaner: "talks about themselves more
//! than half the time").

use super::posts::{self, above, percent, share_words};
use super::Subject;
use crate::analysis::Share;
use crate::evidence::msg;
use crate::evidence::{setting_points, setting_weight, Line};
use crate::message::{uint, Arg, Message};
use crate::settings::Settings;
use crate::verdict::Evidence;

/// The mix of original posts, reposts or quotes, and replies.
pub fn mix(subject: &Subject, s: &Settings, now: i64) -> Evidence {
    let line = Line::new(
        subject,
        "variety",
        "ev_variety_label",
        || {
            msg(
                "ev_variety_threshold",
                [
                    percent(s.variety_repost_share),
                    percent(s.variety_mix_min_share),
                ],
            )
        },
        setting_weight(s.variety_repost_points).max(setting_weight(s.variety_mix_points)),
    );
    let t = match posts::judged(subject, s, now) {
        Ok(t) => t,
        Err(what) => return line.not_seen_with(|| what),
    };
    let sharing = Share::new(t.repost.count + t.quote.count, t.n);
    let seen = || {
        msg(
            "ev_variety_seen",
            [
                uint(t.original.count as u64),
                uint(sharing.count as u64),
                uint(t.reply.count as u64),
                uint(t.n as u64),
            ],
        )
    };
    let from = posts::source_phrase(subject);
    let enough = |share: Share| share.ratio() >= s.variety_mix_min_share;
    if above(t.repost, s.variety_repost_share) {
        line.seen_from(seen, from, -setting_points(s.variety_repost_points), || {
            Message::bare("ev_variety_why_reposts")
        })
    } else if enough(t.original) && enough(sharing) && enough(t.reply) {
        line.seen_from(seen, from, setting_points(s.variety_mix_points), || {
            Message::bare("ev_variety_why_mix")
        })
    } else {
        line.seen_from(seen, from, 0, || {
            let missing: Vec<&'static str> = [
                (t.original, "ev_variety_kind_own"),
                (sharing, "ev_variety_kind_shared"),
                (t.reply, "ev_variety_kind_replies"),
            ]
            .into_iter()
            .filter(|(share, _)| !enough(*share))
            .map(|(_, what)| what)
            .collect();
            let m = |id: &'static str| Arg::Msg(Message::bare(id));
            let few = match missing.as_slice() {
                [a, b, c] => msg("ev_or_3", [m(a), m(b), m(c)]),
                [a, b] => msg("ev_or_2", [m(a), m(b)]),
                [one] => Message::bare(one),
                _ => Message::bare("ev_variety_kind_one"),
            };
            msg("ev_variety_why_few", [Arg::Msg(few)])
        })
    }
}

/// Original posts that promote the account itself.
pub fn self_promotion(subject: &Subject, s: &Settings, now: i64) -> Evidence {
    let line = Line::new(
        subject,
        "self_promotion",
        "ev_promo_label",
        || msg("ev_promo_threshold", [percent(s.variety_self_promo_share)]),
        setting_weight(s.variety_self_promo_points),
    );
    let t = match posts::judged(subject, s, now) {
        Ok(t) => t,
        Err(what) => return line.not_seen_with(|| what),
    };
    let min = usize::try_from(s.variety_self_promo_min_originals.max(1)).unwrap_or(1);
    if t.originals < min {
        return line.not_seen_with(|| {
            msg(
                "ev_fact_enough_originals",
                [uint(t.originals as u64), uint(min as u64)],
            )
        });
    }
    let seen = || {
        msg(
            "ev_promo_seen",
            [share_words(t.self_promotion, "ev_share_original_posts")],
        )
    };
    let from = posts::source_phrase(subject);
    if above(t.self_promotion, s.variety_self_promo_share) {
        line.seen_from(
            seen,
            from,
            -setting_points(s.variety_self_promo_points),
            || Message::bare("ev_promo_why_sales"),
        )
    } else {
        line.seen_from(seen, from, 0, || Message::bare("ev_promo_why_not"))
    }
}
