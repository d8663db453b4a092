//! Follow-back begging (seed heuristic 1): follow-back phrases or hashtags in the
//! bio or display name.

use super::Subject;
use crate::evidence::msg;
use crate::evidence::quoted_m;
use crate::evidence::{setting_points, setting_weight, Line};
use crate::message::{uint, Arg, Message};
use crate::prepared::{self, KeywordList};
use crate::settings::Settings;
use crate::verdict::Evidence;

pub fn begging(subject: &Subject, s: &Settings, _now: i64) -> Evidence {
    let a = subject.account;
    let line = Line::new(
        subject,
        "begging",
        "ev_begging_label",
        || {
            msg(
                "ev_begging_threshold",
                [uint(s.begging_keywords.len() as u64)],
            )
        },
        setting_weight(s.begging_points),
    );
    let name = if s.begging_in_name {
        a.name.as_deref()
    } else {
        None
    };
    // The places with text, in a fixed buffer (no allocation per account).
    let mut buf: [(&'static str, &str); 2] = [("", ""); 2];
    let mut n = 0;
    for (place, text) in [
        ("ev_place_in_bio", a.bio.as_deref()),
        ("ev_place_in_name", name),
    ] {
        if let (Some(t), Some(slot)) = (text, buf.get_mut(n)) {
            *slot = (place, t);
            n += 1;
        }
    }
    let places = buf.get(..n).unwrap_or_default();
    if places.is_empty() {
        return line.not_seen("ev_fact_bio_and_name");
    }
    let mut found_in = Vec::new();
    let mut any = false;
    for (place, text) in places {
        let (found, any_here) = prepared::keywords_found(subject, s, KeywordList::Begging, text);
        any |= any_here;
        if !found.is_empty() {
            found_in.push((found, *place));
        }
    }
    let looked = || places_arg(places);
    if !any {
        line.seen(
            a,
            || msg("ev_begging_seen_none", [looked()]),
            0,
            || msg("ev_begging_why_none", [looked()]),
        )
    } else {
        line.seen(
            a,
            || found_in_m(&found_in),
            -setting_points(s.begging_points),
            || Message::bare("ev_begging_why_found"),
        )
    }
}

/// "bio and name" from the places looked at.
pub(crate) fn places_arg(places: &[(&'static str, &str)]) -> Arg {
    let ids: Vec<&'static str> = places.iter().map(|(p, _)| *p).collect();
    Arg::Msg(match ids.as_slice() {
        [one] => Message::bare(one),
        [first, second, ..] => msg(
            "ev_and",
            [
                Arg::Msg(Message::bare(first)),
                Arg::Msg(Message::bare(second)),
            ],
        ),
        [] => Message::EMPTY,
    })
}

/// "“#TFB” in bio; “f4f” in name".
pub(crate) fn found_in_m(found_in: &[(Vec<String>, &'static str)]) -> Message {
    let mut parts = found_in.iter().map(|(found, place)| {
        msg(
            "ev_found_in",
            [quoted_m(found), Arg::Msg(Message::bare(place))],
        )
    });
    let first = parts.next().unwrap_or(Message::EMPTY);
    parts.fold(first, |acc, next| {
        msg("ev_semicolon", [Arg::Msg(acc), Arg::Msg(next)])
    })
}
