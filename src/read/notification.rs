//! Notifications as X sends them (`NotificationsTimeline`): each
//! `TimelineNotification` names its kind by icon, its actors as full users and
//! its time in milliseconds, so follows, likes, reposts and replies are read
//! in every language, without matching any words.

use serde_json::Value;

use super::json::{at, count, first, str_of, Path};
use crate::model::InteractionKind;

/// Item content type of one notification.
pub(crate) const NOTIFICATION_TYPE: &str = "TimelineNotification";

/// Where each notification fact lives: the one JSON path table for notifications.
pub(crate) struct NotificationPaths {
    pub id: &'static [Path],
    pub icon: &'static [Path],
    /// Lists of user references, each holding a user result.
    pub from_users: &'static [Path],
    /// Within one user reference: the user result.
    pub from_user: &'static [Path],
    /// Lists of the objects acted on (the viewer's posts).
    pub targets: &'static [Path],
    pub timestamp_ms: &'static [Path],
}

pub(crate) const NOTIFICATION_PATHS: NotificationPaths = NotificationPaths {
    id: &[&["id"]],
    icon: &[&["notification_icon"], &["icon", "id"]],
    from_users: &[
        &["template", "from_users"],
        &["template", "aggregateUserActionsV1", "fromUsers"],
    ],
    from_user: &[&["user_results", "result"], &["user_result", "result"]],
    targets: &[
        &["template", "target_objects"],
        &["template", "aggregateUserActionsV1", "targetObjects"],
    ],
    timestamp_ms: &[&["timestamp_ms"], &["timestampMs"]],
};

/// What each icon means the actors did to the viewer. Icons not listed
/// (recommendations, news, milestones, security alerts, ...) are no interaction.
const ICON_KINDS: &[(&str, InteractionKind)] = &[
    ("person_icon", InteractionKind::Followed),
    ("heart_icon", InteractionKind::Liked),
    ("retweet_icon", InteractionKind::Reposted),
    ("reply", InteractionKind::Replied),
    ("reply_icon", InteractionKind::Replied),
];

/// The interaction a notification stands for, from its icon.
pub(crate) fn kind(ic: &Value) -> Option<InteractionKind> {
    let icon = first(ic, NOTIFICATION_PATHS.icon, |v| {
        str_of(v).map(str::to_string)
    })?;
    ICON_KINDS
        .iter()
        .find(|(name, _)| *name == icon)
        .map(|(_, k)| *k)
}

/// X's id of the notification.
pub(crate) fn id(ic: &Value) -> Option<String> {
    first(ic, NOTIFICATION_PATHS.id, |v| {
        str_of(v).map(|s| s.trim().to_string())
    })
}

/// When it happened, unix seconds: `timestamp_ms` as a number or digits, or
/// a date string.
pub(crate) fn at_seconds(ic: &Value) -> Option<i64> {
    first(ic, NOTIFICATION_PATHS.timestamp_ms, |v| match count(v) {
        Some(ms) => i64::try_from(ms / 1000).ok(),
        None => str_of(v).and_then(crate::time::parse_timestamp),
    })
}

/// The user results of the notification's actors.
pub(crate) fn from_users(ic: &Value) -> Vec<&Value> {
    let p = &NOTIFICATION_PATHS;
    let mut out = Vec::new();
    for path in p.from_users {
        if let Some(Value::Array(refs)) = at(ic, path) {
            for r in refs {
                if let Some(user) = p.from_user.iter().find_map(|u| at(r, u)) {
                    out.push(user);
                }
            }
        }
    }
    out
}

/// The objects acted on (walked for the posts they hold).
pub(crate) fn targets(ic: &Value) -> Vec<&Value> {
    let mut out = Vec::new();
    for path in NOTIFICATION_PATHS.targets {
        if let Some(target) = at(ic, path) {
            out.push(target);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn icon_time_and_id() {
        let n =
            json!({"id": "N1", "notification_icon": "heart_icon", "timestamp_ms": "1764666000999"});
        assert_eq!(kind(&n), Some(InteractionKind::Liked));
        assert_eq!(at_seconds(&n), Some(1_764_666_000));
        assert_eq!(id(&n).as_deref(), Some("N1"));
        let n = json!({"icon": {"id": "person_icon"}, "timestamp_ms": 1764662400000u64});
        assert_eq!(kind(&n), Some(InteractionKind::Followed));
        assert_eq!(at_seconds(&n), Some(1_764_662_400));
        assert_eq!(kind(&json!({"notification_icon": "bird_icon"})), None);
        assert_eq!(at_seconds(&json!({"timestamp_ms": "soon"})), None);
    }
}
