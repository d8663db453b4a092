//! Lists (seed heuristic 14): other people curate them into lists. Newer user
//! objects no longer carry the count; then it is not seen.

use super::common::{count, plural, pts, wt, Line};
use super::Subject;
use crate::settings::Settings;
use crate::verdict::Evidence;

pub fn listed(subject: &Subject, s: &Settings, _now: i64) -> Evidence {
    let a = subject.account;
    let line = Line::new(
        "listed",
        "On other people's lists",
        format!(
            "{}+ lists earn points, {}+ more; none despite {}+ followers costs",
            count(s.listed_few.max(0) as u64),
            count(s.listed_many.max(0) as u64),
            count(s.listed_unlisted_followers.max(0) as u64)
        ),
        [
            s.listed_few_points,
            s.listed_many_points,
            s.listed_unlisted_points,
        ]
        .into_iter()
        .map(wt)
        .max()
        .unwrap_or(0),
    );
    let Some(lists) = a.listed else {
        return line.not_seen("List count");
    };
    let seen = format!("on {}", plural(lists, "list", "lists"));
    let lists_i = i128::from(lists);
    if lists_i >= i128::from(s.listed_many) {
        return line.seen(
            a,
            &seen,
            pts(s.listed_many_points),
            "Many people chose to put them on lists: others find them worth reading.".to_string(),
        );
    }
    if lists_i >= i128::from(s.listed_few) {
        return line.seen(
            a,
            &seen,
            pts(s.listed_few_points),
            "Someone chose to put them on a list.".to_string(),
        );
    }
    match a.followers {
        Some(f) if i128::from(f) >= i128::from(s.listed_unlisted_followers) => line.seen(
            a,
            &format!("{seen}, {} followers", count(f)),
            -pts(s.listed_unlisted_points),
            "Many followers yet on almost no lists: an audience that may not be real.".to_string(),
        ),
        _ => line.seen(
            a,
            &seen,
            0,
            "On few lists yet, which is normal for a small account.".to_string(),
        ),
    }
}
