//! Likes given (BotometerLite: favourites count; Cresci et al. 2017: social
//! spambots post like people but almost never like): people like other
//! people's posts, automated and bought accounts rarely do. Graded on a log
//! scale between two counts, bounded both ways.

use super::Subject;
use crate::evidence::msg;
use crate::evidence::{
    place_why, plural_m, ramp_place, ramp_threshold, round_arg, unit, Line, Ramp,
};
use crate::message::{signed, Arg, Message};
use crate::settings::Settings;
use crate::verdict::Evidence;

/// The likes ramp from the settings.
pub fn ramp(s: &Settings) -> Ramp {
    Ramp::new(
        s.likes_few as f64,
        s.likes_many as f64,
        -s.likes_few_points,
        s.likes_many_points,
    )
}

pub fn likes(subject: &Subject, s: &Settings, _now: i64) -> Evidence {
    let a = subject.account;
    let r = ramp(s);
    let line = Line::new(
        subject,
        "likes",
        "ev_likes_label",
        || ramp_threshold(&r, unit::LIKE),
        r.weight(),
    );
    let Some(liked) = a.likes else {
        return line.not_seen("ev_fact_like_count");
    };
    let points = r.points(liked as f64);
    let why = if points < 0 {
        "ev_likes_why_few"
    } else if points > 0 {
        "ev_likes_why_many"
    } else {
        "ev_likes_why_some"
    };
    line.seen(
        a,
        || plural_m(liked, unit::LIKE),
        points,
        || place_why(ramp_place(&r, points, unit::LIKE), why),
    )
}

/// "1 like for every 1,000 posts".
fn per_posts(ratio: f64) -> Arg {
    Arg::Msg(if ratio <= 0.0 || !ratio.is_finite() {
        Message::bare("ev_likes_per_none")
    } else {
        msg("ev_likes_per_every", [round_arg(1.0 / ratio)])
    })
}

/// Likes for the number of posts (BotometerLite: favourites against tweet
/// frequency): only the extreme costs, thousands of posts and next to no
/// likes; how much people like varies too much between years to reward it.
pub fn per_post(subject: &Subject, s: &Settings, _now: i64) -> Evidence {
    let a = subject.account;
    // Falling: nothing at `per_post_min`, the full penalty at `per_post_full`.
    let r = Ramp::ratio(
        s.likes_per_post_full,
        s.likes_per_post_min,
        -s.likes_per_post_points,
        0,
    );
    let line = Line::new(
        subject,
        "likes_per_post",
        "ev_likes_per_label",
        || {
            msg(
                "ev_likes_per_threshold",
                [
                    per_posts(s.likes_per_post_min),
                    signed(r.low),
                    per_posts(s.likes_per_post_full),
                ],
            )
        },
        r.weight(),
    );
    let (Some(liked), Some(posts)) = (a.likes, a.tweets) else {
        return line.not_seen("ev_fact_like_and_post_counts");
    };
    // One of each added, so a handful of posts never reads as extreme.
    let ratio = (liked as f64 + 1.0) / (posts as f64 + 1.0);
    let points = r.points(ratio);
    let seen = || {
        msg(
            "ev_likes_per_seen",
            [
                Arg::Msg(plural_m(liked, unit::LIKE)),
                Arg::Msg(plural_m(posts, unit::POST)),
            ],
        )
    };
    if points < 0 {
        let place = || {
            if points <= r.low {
                msg("ev_place_penalty", [signed(points), signed(r.low)])
            } else {
                msg(
                    "ev_likes_per_place_from",
                    [
                        signed(points),
                        signed(r.low),
                        per_posts(s.likes_per_post_min),
                    ],
                )
            }
        };
        line.seen(a, seen, points, || {
            msg("ev_likes_per_why_extreme", [Arg::Msg(place())])
        })
    } else {
        line.seen(a, seen, 0, || Message::bare("ev_likes_per_why_fine"))
    }
}
