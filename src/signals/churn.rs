//! Follow churn between visits (seed heuristic 10, seed 003: "follow a bunch
//! of people ... then unfollow who didn't follow back"): the following count
//! rose and fell by more than a share of itself (and a number of accounts)
//! between observations; more points when it keeps turning.

use super::posts::percent;
use super::Subject;
use crate::analysis::{ChurnStats, Swing};
use crate::evidence::{count, days_words, plural, setting_points, setting_weight, Line};
use crate::model::Source;
use crate::settings::Settings;
use crate::verdict::Evidence;

fn big(swing: Option<Swing>, s: &Settings) -> bool {
    swing.is_some_and(|w| {
        w.relative > s.churn_swing_share
            && i128::from(w.absolute) >= i128::from(s.churn_min_accounts)
    })
}

fn swing_words(swing: Option<Swing>) -> Option<String> {
    swing.map(|w| format!("{} \u{2192} {}", count(w.from), count(w.to)))
}

pub fn churn(subject: &Subject, s: &Settings, _now: i64) -> Evidence {
    let line = Line::new(
        "churn",
        "Following count between visits",
        format!(
            "following does not rise and fall by more than {} (and {} accounts) between visits",
            percent(s.churn_swing_share),
            count(s.churn_min_accounts.max(0) as u64)
        ),
        setting_weight(s.churn_points).saturating_add(setting_weight(s.churn_repeat_points)),
    );
    if subject.history.is_empty() {
        return line.not_seen("Following counts from earlier visits");
    }
    let c = ChurnStats::from_history(subject.history, subject.account);
    if c.points < 2 {
        return line.not_seen("Following counts from earlier visits");
    }
    let mut parts = vec![format!(
        "{} over {}",
        plural(c.points as u64, "observation", "observations"),
        days_words(c.span_days)
    )];
    if let Some(w) = swing_words(c.max_rise) {
        parts.push(format!("largest rise {w}"));
    }
    if let Some(w) = swing_words(c.max_fall) {
        parts.push(format!("largest fall {w}"));
    }
    if c.reversals > 0 {
        parts.push(plural(
            c.reversals as u64,
            "direction change",
            "direction changes",
        ));
    }
    if c.max_rise.is_none() && c.max_fall.is_none() {
        parts.push("following unchanged".to_string());
    }
    let seen = parts.join("; ");
    let from = Source::Memory.phrase();
    if big(c.max_rise, s) && big(c.max_fall, s) {
        let repeated = i128::try_from(c.reversals).unwrap_or(i128::MAX)
            >= i128::from(s.churn_reversals.max(1));
        let (points, reason) = if repeated {
            (
                setting_points(s.churn_points).saturating_add(setting_points(s.churn_repeat_points)),
                "Follows in bulk and unfollows again, over and over: the follow-then-unfollow trick.",
            )
        } else {
            (
                setting_points(s.churn_points),
                "Followed many and unfollowed many again between visits: the follow-then-unfollow trick.",
            )
        };
        line.seen_from(&seen, from, -points, reason.to_string())
    } else {
        line.seen_from(
            &seen,
            from,
            0,
            "Their following count has not swung up and down between visits.".to_string(),
        )
    }
}
