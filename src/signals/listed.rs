//! Lists (seed heuristic 14; BotometerLite: listed count): other people chose
//! to curate them into lists. Graded on a log scale up to a cap; being on no
//! list costs nothing (small accounts rarely are). Newer user objects no
//! longer carry the count; then it is not seen.

use super::Subject;
use crate::evidence::msg;
use crate::evidence::{place_why, plural_m, ramp_place, ramp_threshold, unit, Line, Ramp};
use crate::message::{Arg, Message};
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
        subject,
        "listed",
        "ev_listed_label",
        || ramp_threshold(&r, unit::LIST),
        r.weight(),
    );
    let Some(lists) = a.listed else {
        return line.not_seen("ev_fact_list_count");
    };
    let points = r.points(lists as f64);
    line.seen(
        a,
        || msg("ev_listed_seen", [Arg::Msg(plural_m(lists, unit::LIST))]),
        points,
        || {
            if points > 0 {
                place_why(ramp_place(&r, points, unit::LIST), "ev_listed_why_many")
            } else {
                Message::bare("ev_listed_why_few")
            }
        },
    )
}
