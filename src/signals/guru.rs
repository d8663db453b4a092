//! Self-proclaimed social-media experts (seed heuristic 4): expert, guru, ninja
//! words in the bio. Modest, because the profile alone cannot show whether they
//! actually socialise.

use super::Subject;
use crate::evidence::quoted;
use crate::evidence::{setting_points, setting_weight, Line};
use crate::prepared::{self, KeywordList};
use crate::settings::Settings;
use crate::verdict::Evidence;

pub fn guru(subject: &Subject, s: &Settings, _now: i64) -> Evidence {
    let a = subject.account;
    let line = Line::new(
        "guru",
        "Expert claims",
        format!("none of {} expert words in the bio", s.guru_keywords.len()),
        setting_weight(s.guru_points),
    );
    let Some(bio) = a.bio.as_deref() else {
        return line.not_seen("Bio");
    };
    let found = prepared::find_keywords(subject, s, KeywordList::Guru, bio);
    if found.is_empty() {
        line.seen(
            a,
            "none in bio",
            0,
            "The bio makes no social-media expert claims.".to_string(),
        )
    } else {
        line.seen(
            a,
            &format!("{} in bio", quoted(&found)),
            -setting_points(s.guru_points),
            "Calls themselves a social-media expert; many such accounts are automated, but the profile alone cannot show whether they socialise, so this costs little.".to_string(),
        )
    }
}
