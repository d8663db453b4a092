//! Follow-back begging (seed heuristic 1): follow-back phrases or hashtags in the
//! bio or display name.

use super::Subject;
use crate::evidence::quoted;
use crate::evidence::{setting_points, setting_weight, Line};
use crate::prepared::{self, KeywordList};
use crate::settings::Settings;
use crate::verdict::Evidence;

pub fn begging(subject: &Subject, s: &Settings, _now: i64) -> Evidence {
    let a = subject.account;
    let line = Line::new(
        "begging",
        "Follow-back requests",
        format!(
            "none of {} follow-back phrases or hashtags",
            s.begging_keywords.len()
        ),
        setting_weight(s.begging_points),
    );
    let name = if s.begging_in_name {
        a.name.as_deref()
    } else {
        None
    };
    let places: Vec<(&str, &str)> = [("bio", a.bio.as_deref()), ("name", name)]
        .into_iter()
        .filter_map(|(place, text)| text.map(|t| (place, t)))
        .collect();
    if places.is_empty() {
        return line.not_seen("Bio and name");
    }
    let mut found_in = Vec::new();
    for (place, text) in &places {
        let found = prepared::find_keywords(subject, s, KeywordList::Begging, text);
        if !found.is_empty() {
            found_in.push(format!("{} in {place}", quoted(&found)));
        }
    }
    let looked = places
        .iter()
        .map(|(p, _)| *p)
        .collect::<Vec<_>>()
        .join(" and ");
    if found_in.is_empty() {
        line.seen(
            a,
            &format!("none in {looked}"),
            0,
            format!("No follow-back phrases or hashtags in the {looked}."),
        )
    } else {
        line.seen(
            a,
            &found_in.join("; "),
            -setting_points(s.begging_points),
            "Asking everyone for follow-backs is about padding numbers, and the people we asked steer clear of it.".to_string(),
        )
    }
}
