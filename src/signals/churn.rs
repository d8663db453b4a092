//! Follow churn between visits (seed heuristic 10, seed 003: "follow a bunch
//! of people ... then unfollow who didn't follow back"): the following count
//! rose and fell by more than a share of itself (and a number of accounts)
//! between observations; more points when it keeps turning.

use super::posts::percent;
use super::Subject;
use crate::analysis::{ChurnStats, Swing};
use crate::evidence::msg;
use crate::evidence::{
    days_m, join_with, plural_m, setting_points, setting_weight, source_id, unit, Line,
};
use crate::message::{uint, Arg, Message};
use crate::model::Source;
use crate::settings::Settings;
use crate::verdict::Evidence;

fn big(swing: Option<Swing>, s: &Settings) -> bool {
    swing.is_some_and(|w| {
        w.relative > s.churn_swing_share
            && i128::from(w.absolute) >= i128::from(s.churn_min_accounts)
    })
}

fn swing_words(swing: Option<Swing>, id: &'static str) -> Option<Message> {
    swing.map(|w| msg(id, [uint(w.from), uint(w.to)]))
}

pub fn churn(subject: &Subject, s: &Settings, _now: i64) -> Evidence {
    let line = Line::new(
        subject,
        "churn",
        "ev_churn_label",
        || {
            msg(
                "ev_churn_threshold",
                [
                    percent(s.churn_swing_share),
                    uint(s.churn_min_accounts.max(0) as u64),
                ],
            )
        },
        setting_weight(s.churn_points).saturating_add(setting_weight(s.churn_repeat_points)),
    );
    if subject.history.is_empty() {
        return line.not_seen("ev_fact_earlier_counts");
    }
    // Kept with the account's features when scoring; else measured now.
    let c = match subject.prepared.and_then(|p| p.features.churn.as_deref()) {
        Some(c) => std::borrow::Cow::Borrowed(c),
        None => std::borrow::Cow::Owned(ChurnStats::from_history(subject.history, subject.account)),
    };
    if c.points < 2 {
        return line.not_seen("ev_fact_earlier_counts");
    }
    let seen = || {
        let mut parts = vec![msg(
            "ev_churn_seen_over",
            [
                Arg::Msg(plural_m(c.points as u64, unit::OBSERVATION)),
                Arg::Msg(days_m(c.span_days)),
            ],
        )];
        parts.extend(swing_words(c.max_rise, "ev_churn_seen_rise"));
        parts.extend(swing_words(c.max_fall, "ev_churn_seen_fall"));
        if c.reversals > 0 {
            parts.push(msg(
                if c.reversals == 1 {
                    "ev_churn_seen_reversal"
                } else {
                    "ev_churn_seen_reversals"
                },
                [uint(c.reversals as u64)],
            ));
        }
        if c.max_rise.is_none() && c.max_fall.is_none() {
            parts.push(Message::bare("ev_churn_seen_unchanged"));
        }
        join_with("ev_semicolon", parts)
    };
    let from = source_id(Source::Memory);
    if big(c.max_rise, s) && big(c.max_fall, s) {
        let repeated = i128::try_from(c.reversals).unwrap_or(i128::MAX)
            >= i128::from(s.churn_reversals.max(1));
        let (points, reason) = if repeated {
            (
                setting_points(s.churn_points)
                    .saturating_add(setting_points(s.churn_repeat_points)),
                "ev_churn_why_repeated",
            )
        } else {
            (setting_points(s.churn_points), "ev_churn_why_once")
        };
        line.seen_from(seen, from, -points, || Message::bare(reason))
    } else {
        line.seen_from(seen, from, 0, || Message::bare("ev_churn_why_steady"))
    }
}
