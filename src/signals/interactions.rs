//! What the account already did to the viewer (seed heuristic 8, seeds 002 and
//! 004): replies, mentions, likes and reposts of the viewer's posts earn
//! points; recent ones earn more, repeated on different days more again. The
//! breakdown says what and when. Direct messages are listed but earn nothing:
//! an automatic pitch looks the same from the outside (seed 000 §2).

use super::Subject;
use crate::analysis::relationship::ALL_KINDS;
use crate::analysis::RelationshipStats;
use crate::evidence::msg;
use crate::evidence::{
    days_m, join_with, plural_m, setting_points, setting_weight, source_id, unit, Line,
};
use crate::message::{uint, Arg, Message};
use crate::model::{InteractionKind, Source};
use crate::settings::Settings;
use crate::verdict::Evidence;

fn verb(kind: InteractionKind) -> &'static str {
    match kind {
        InteractionKind::Replied => "ev_ix_replied",
        InteractionKind::Mentioned => "ev_ix_mentioned",
        InteractionKind::Messaged => "ev_ix_messaged",
        InteractionKind::Reposted => "ev_ix_reposted",
        InteractionKind::Liked => "ev_ix_liked",
        InteractionKind::Followed => "ev_ix_followed",
    }
}

/// Where the interactions came from: the first one's source.
fn from(subject: &Subject) -> &'static str {
    source_id(
        subject
            .interactions
            .first()
            .map_or(Source::Graphql, |i| i.source),
    )
}

pub fn interactions(subject: &Subject, s: &Settings, now: i64) -> Evidence {
    let window = u32::try_from(s.relationship_window_days.max(1)).unwrap_or(u32::MAX);
    let repeat_days = usize::try_from(s.relationship_repeat_days.max(1)).unwrap_or(1);
    let line = Line::new(
        subject,
        "interactions",
        "ev_ix_label",
        || {
            msg(
                "ev_ix_threshold",
                [
                    Arg::Msg(days_m(f64::from(window))),
                    Arg::Msg(plural_m(repeat_days as u64, unit::DIFFERENT_DAY)),
                ],
            )
        },
        setting_weight(s.relationship_recent_points)
            .saturating_add(setting_weight(s.relationship_repeated_points))
            .max(setting_weight(s.relationship_past_points)),
    );
    if subject.interactions.is_empty() {
        return line.not_seen("ev_ix_label");
    }
    let r =
        RelationshipStats::from_interactions(subject.interactions, subject.account, now, window);
    if r.total == 0 {
        return line.not_seen("ev_ix_label");
    }
    // Engagement that earns points: everything but follows and messages.
    let earning: Vec<InteractionKind> = ALL_KINDS
        .iter()
        .copied()
        .filter(|k| !matches!(k, InteractionKind::Followed | InteractionKind::Messaged))
        .collect();
    let earning_count: usize = earning.iter().map(|&k| r.kind(k).count).sum();
    let last = earning
        .iter()
        .filter_map(|&k| r.kind(k).days_since_last)
        .fold(None::<f64>, |m, d| Some(m.map_or(d, |m| m.min(d))));
    let recent_earning = r.recent.kinds.iter().any(|k| earning.contains(k));
    let seen = || {
        let what = join_with(
            "ev_comma",
            ALL_KINDS
                .iter()
                .map(|&k| r.kind(k))
                .filter(|k| k.count > 0)
                .map(|k| Message::new(verb(k.kind), vec![uint(k.count as u64)]))
                .collect(),
        );
        let mut parts = vec![what];
        if r.recent.interactions > 0 {
            parts.push(msg(
                "ev_ix_seen_recent",
                [
                    uint(r.recent.interactions as u64),
                    Arg::Msg(days_m(f64::from(window))),
                    Arg::Msg(plural_m(r.recent.distinct_days as u64, unit::DAY)),
                ],
            ));
        }
        match last {
            Some(d) if d < 1.0 => parts.push(Message::bare("ev_ix_seen_last_today")),
            Some(d) => parts.push(msg("ev_ix_seen_last", [Arg::Msg(days_m(d))])),
            None => {}
        }
        join_with("ev_semicolon", parts)
    };
    let from = from(subject);
    if earning_count == 0 {
        return line.seen_from(seen, from, 0, || Message::bare("ev_ix_why_nothing"));
    }
    if recent_earning && r.recent.is_repeated(repeat_days) {
        let points = setting_points(s.relationship_recent_points)
            .saturating_add(setting_points(s.relationship_repeated_points));
        line.seen_from(seen, from, points, || Message::bare("ev_ix_why_repeated"))
    } else if recent_earning {
        line.seen_from(
            seen,
            from,
            setting_points(s.relationship_recent_points),
            || Message::bare("ev_ix_why_recent"),
        )
    } else {
        line.seen_from(
            seen,
            from,
            setting_points(s.relationship_past_points),
            || {
                let when = last.map_or_else(
                    || Message::bare("ev_ix_some_time_ago"),
                    |d| msg("ev_ago", [Arg::Msg(days_m(d))]),
                );
                msg("ev_ix_why_past", [Arg::Msg(when)])
            },
        )
    }
}
