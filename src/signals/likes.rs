//! Likes given (BotometerLite: favourites count; Cresci et al. 2017: social
//! spambots post like people but almost never like): people like other
//! people's posts, automated and bought accounts rarely do. Graded on a log
//! scale between two counts, bounded both ways.

use super::common::{plural, ramp_place, ramp_threshold, Line, Ramp};
use super::Subject;
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
