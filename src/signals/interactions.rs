//! What the account already did to the viewer (seed heuristic 8, seeds 002 and
//! 004): replies, mentions, likes and reposts of the viewer's posts earn
//! points; recent ones earn more, repeated on different days more again. The
//! breakdown says what and when. Direct messages are listed but earn nothing:
//! an automatic pitch looks the same from the outside (seed 000 §2).

use super::Subject;
use crate::analysis::relationship::ALL_KINDS;
use crate::analysis::RelationshipStats;
use crate::evidence::{days_words, plural, setting_points, setting_weight, Line};
use crate::model::{InteractionKind, Source};
use crate::settings::Settings;
use crate::verdict::Evidence;

fn verb(kind: InteractionKind) -> &'static str {
    match kind {
        InteractionKind::Replied => "replied",
        InteractionKind::Mentioned => "mentioned you",
        InteractionKind::Messaged => "messaged you",
        InteractionKind::Reposted => "reposted you",
        InteractionKind::Liked => "liked",
        InteractionKind::Followed => "followed you",
    }
}

/// Where the interactions came from: the first one's source.
fn from(subject: &Subject) -> &'static str {
    subject
        .interactions
        .first()
        .map_or(Source::Graphql, |i| i.source)
        .phrase()
}

pub fn interactions(subject: &Subject, s: &Settings, now: i64) -> Evidence {
    let window = u32::try_from(s.relationship_window_days.max(1)).unwrap_or(u32::MAX);
    let repeat_days = usize::try_from(s.relationship_repeat_days.max(1)).unwrap_or(1);
    let line = Line::new(
        "interactions",
        "Interactions with you",
        format!(
            "replied, mentioned, liked or reposted you; recent = last {}, repeated = on {}",
            days_words(f64::from(window)),
            plural(repeat_days as u64, "day", "different days")
        ),
        setting_weight(s.relationship_recent_points)
            .saturating_add(setting_weight(s.relationship_repeated_points))
            .max(setting_weight(s.relationship_past_points)),
    );
    if subject.interactions.is_empty() {
        return line.not_seen("Interactions with you");
    }
    let r =
        RelationshipStats::from_interactions(subject.interactions, subject.account, now, window);
    if r.total == 0 {
        return line.not_seen("Interactions with you");
    }
    let what: Vec<String> = ALL_KINDS
        .iter()
        .map(|&k| r.kind(k))
        .filter(|k| k.count > 0)
        .map(|k| format!("{} {}\u{d7}", verb(k.kind), k.count))
        .collect();
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
    let mut seen = what.join(", ");
    if r.recent.interactions > 0 {
        seen.push_str(&format!(
            "; {} in the last {} on {}",
            r.recent.interactions,
            days_words(f64::from(window)),
            plural(r.recent.distinct_days as u64, "day", "days")
        ));
    }
    match last {
        Some(d) if d < 1.0 => seen.push_str("; last today"),
        Some(d) => seen.push_str(&format!("; last {} ago", days_words(d))),
        None => {}
    }
    let from = from(subject);
    if earning_count == 0 {
        return line.seen_from(
            &seen,
            from,
            0,
            "Nothing yet beyond a follow or a message (messages may be automatic).".to_string(),
        );
    }
    if recent_earning && r.recent.is_repeated(repeat_days) {
        let points = setting_points(s.relationship_recent_points)
            .saturating_add(setting_points(s.relationship_repeated_points));
        line.seen_from(
            &seen,
            from,
            points,
            "They keep talking with you: a relationship has started, the best reason to follow back."
                .to_string(),
        )
    } else if recent_earning {
        line.seen_from(
            &seen,
            from,
            setting_points(s.relationship_recent_points),
            "They engaged with you recently: a relationship is starting.".to_string(),
        )
    } else {
        let when = last.map_or_else(
            || "some time ago".to_string(),
            |d| format!("{} ago", days_words(d)),
        );
        line.seen_from(
            &seen,
            from,
            setting_points(s.relationship_past_points),
            format!("They engaged with you before ({when}), not lately."),
        )
    }
}
