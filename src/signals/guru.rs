//! Self-proclaimed social-media experts (seed heuristic 4): expert, guru, ninja
//! words in the bio. Modest, because the profile alone cannot show whether they
//! actually socialise.

use super::Subject;
use crate::evidence::msg;
use crate::evidence::quoted_m;
use crate::evidence::{setting_points, setting_weight, Line};
use crate::message::{uint, Message};
use crate::prepared::{self, KeywordList};
use crate::settings::Settings;
use crate::verdict::Evidence;

pub fn guru(subject: &Subject, s: &Settings, _now: i64) -> Evidence {
    let a = subject.account;
    let line = Line::new(
        subject,
        "guru",
        "ev_guru_label",
        || msg("ev_guru_threshold", [uint(s.guru_keywords.len() as u64)]),
        setting_weight(s.guru_points),
    );
    let Some(bio) = a.bio.as_deref() else {
        return line.not_seen("ev_fact_bio");
    };
    let (found, any) = prepared::keywords_found(subject, s, KeywordList::Guru, bio);
    if !any {
        line.seen(
            a,
            || Message::bare("ev_none_in_bio"),
            0,
            || Message::bare("ev_guru_why_none"),
        )
    } else {
        line.seen(
            a,
            || msg("ev_found_in_bio", [quoted_m(&found)]),
            -setting_points(s.guru_points),
            || Message::bare("ev_guru_why_found"),
        )
    }
}
