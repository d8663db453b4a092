//! Lists (seed heuristic 14; BotometerLite: listed count): other people chose
//! to curate them into lists. Graded on a log scale up to a cap; being on no
//! list costs nothing (small accounts rarely are). Newer user objects no
//! longer carry the count; then it is not seen.

use super::Subject;
use crate::evidence::{plural, ramp_place, ramp_threshold, Line, Ramp};
use crate::settings::Settings;
use crate::verdict::Evidence;

/// The lists ramp from the settings.
pub fn ramp(s: &Settings) -> Ramp {
    Ramp::new(
        s.listed_few as f64,
        s.listed_many as f64,
        0,
        s.listed_many_points,
    )
}

pub fn listed(subject: &Subject, s: &Settings, _now: i64) -> Evidence {
    let a = subject.account;
    let r = ramp(s);
    let line = Line::new(
        "listed",
        "Lists",
        ramp_threshold(&r, "list", "lists"),
        r.weight(),
    );
    let Some(lists) = a.listed else {
        return line.not_seen("List count");
    };
    let points = r.points(lists as f64);
    let reason_place = if points > 0 {
        format!("{}. ", ramp_place(&r, points, "lists"))
    } else {
        String::new()
    };
    let why = if points > 0 {
        "Other people chose to put them on lists: they find them worth reading."
    } else {
        "On few lists yet, which is normal for a small account."
    };
    line.seen(
        a,
        &format!("on {}", plural(lists, "list", "lists")),
        points,
        format!("{reason_place}{why}"),
    )
}
