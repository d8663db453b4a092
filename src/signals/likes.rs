//! Likes given (BotometerLite: favourites count; Cresci et al. 2017: social
//! spambots post like people but almost never like): people like other
//! people's posts, automated and bought accounts rarely do. Graded on a log
//! scale between two counts, bounded both ways.

use super::Subject;
use crate::evidence::{plural, ramp_place, ramp_threshold, Line, Ramp};
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
        "likes",
        "Likes given",
        ramp_threshold(&r, "like", "likes"),
        r.weight(),
    );
    let Some(liked) = a.likes else {
        return line.not_seen("Like count");
    };
    let points = r.points(liked as f64);
    let why = if points < 0 {
        "People like other people's posts; accounts that almost never do are often automated or bought."
    } else if points > 0 {
        "Likes other people's posts, as people do."
    } else {
        "Likes a few posts."
    };
    line.seen(
        a,
        &plural(liked, "like", "likes"),
        points,
        format!("{}. {why}", ramp_place(&r, points, "likes")),
    )
}

/// "1 like for every 1,000 posts".
fn per_posts(ratio: f64) -> String {
    if ratio <= 0.0 || !ratio.is_finite() {
        return "no likes for any number of posts".to_string();
    }
    format!(
        "1 like for every {} posts",
        crate::evidence::round_num(1.0 / ratio)
    )
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
        "likes_per_post",
        "Likes per post",
        format!(
            "nothing from {}, {} at {} or fewer, graded in between",
            per_posts(s.likes_per_post_min),
            crate::evidence::signed(r.low),
            per_posts(s.likes_per_post_full)
        ),
        r.weight(),
    );
    let (Some(liked), Some(posts)) = (a.likes, a.tweets) else {
        return line.not_seen("Like and post counts");
    };
    // One of each added, so a handful of posts never reads as extreme.
    let ratio = (liked as f64 + 1.0) / (posts as f64 + 1.0);
    let points = r.points(ratio);
    let seen = format!(
        "{} for {}",
        plural(liked, "like", "likes"),
        plural(posts, "post", "posts")
    );
    if points < 0 {
        let place = if points <= r.low {
            format!(
                "{} of {}: the full penalty",
                crate::evidence::signed(points),
                crate::evidence::signed(r.low)
            )
        } else {
            format!(
                "{} of {}: nothing taken from {}",
                crate::evidence::signed(points),
                crate::evidence::signed(r.low),
                per_posts(s.likes_per_post_min)
            )
        };
        line.seen(
            a,
            &seen,
            points,
            format!("{place}. Thousands of posts and next to no likes: spam accounts post but do not read."),
        )
    } else {
        line.seen(
            a,
            &seen,
            0,
            "Likes and posts are not out of all proportion.".to_string(),
        )
    }
}
