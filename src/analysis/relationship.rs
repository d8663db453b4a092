//! What an account already did to the viewer (seeds 002, 004: "people who
//! carried a conversation with me, greet me, reply"): counts and recency per
//! kind of interaction, and how many different recent days it happened on.

use serde::Serialize;

use crate::model::{Account, Interaction, InteractionKind};

const DAY: i64 = 86_400;

/// Every interaction kind, in display order.
pub const ALL_KINDS: [InteractionKind; 6] = [
    InteractionKind::Replied,
    InteractionKind::Mentioned,
    InteractionKind::Messaged,
    InteractionKind::Reposted,
    InteractionKind::Liked,
    InteractionKind::Followed,
];

/// One kind of interaction.
#[derive(Serialize, Clone, Copy, Debug, PartialEq)]
pub struct KindStats {
    /// Which kind of interaction these figures count.
    pub kind: InteractionKind,
    /// Interactions of this kind, dated or not.
    pub count: usize,
    /// The most recent one (unix seconds), when any was dated.
    pub last_at: Option<i64>,
    /// Days from `last_at` to `now` (0 for times in the future).
    pub days_since_last: Option<f64>,
}

/// Engagement (every kind except `Followed`) within the last `window_days`.
/// Following is one event and is what the viewer is deciding about, so it is
/// left out of "recent and repeated".
#[derive(Serialize, Clone, Debug, PartialEq)]
pub struct RecentSummary {
    /// Length of the recent window, in days (from settings).
    pub window_days: u32,
    /// Dated engagement interactions in the window (future times count as now).
    pub interactions: usize,
    /// Different UTC days among them.
    pub distinct_days: usize,
    /// Different kinds among them, in display order.
    pub kinds: Vec<InteractionKind>,
    /// Days since the latest engagement of any kind, in or out of the window.
    pub days_since_last: Option<f64>,
}

impl RecentSummary {
    /// True when engagement happened on at least `min_distinct_days`
    /// different days in the window (the threshold comes from settings).
    pub fn is_repeated(&self, min_distinct_days: usize) -> bool {
        self.distinct_days >= min_distinct_days.max(1)
    }
}

/// The account's relationship with the viewer.
#[derive(Serialize, Clone, Debug, PartialEq)]
pub struct RelationshipStats {
    /// Interactions by this account that were counted.
    pub total: usize,
    /// Interactions of every kind except `Followed`.
    pub engagement: usize,
    /// Interactions without a time (counted, but not in recency).
    pub undated: usize,
    /// One entry per kind, in [`ALL_KINDS`] order, zeros included.
    pub kinds: Vec<KindStats>,
    /// Engagement within the recent window.
    pub recent: RecentSummary,
    /// "Follows you", from the account.
    pub follows_you: Option<bool>,
}

impl RelationshipStats {
    /// Measures the interactions of `account` (matched by handle, case and a
    /// leading `@` ignored; all of them when the account has no handle) as of
    /// `now`, with `window_days` for the recent summary.
    pub fn from_interactions(
        interactions: &[Interaction],
        account: &Account,
        now: i64,
        window_days: u32,
    ) -> RelationshipStats {
        let key = crate::case::lower(account.handle.trim_start_matches('@'));
        let mine: Vec<&Interaction> = interactions
            .iter()
            .filter(|i| {
                key.is_empty() || crate::case::lower(i.handle.trim_start_matches('@')) == key
            })
            .collect();

        let age = |at: i64| now.saturating_sub(at).max(0) as f64 / DAY as f64;
        let kinds: Vec<KindStats> = ALL_KINDS
            .iter()
            .map(|&kind| {
                let of_kind = mine.iter().filter(|i| i.kind == kind);
                let count = of_kind.clone().count();
                let last_at = of_kind.filter_map(|i| i.at).max();
                KindStats {
                    kind,
                    count,
                    last_at,
                    days_since_last: last_at.map(age),
                }
            })
            .collect();

        let engaging: Vec<&Interaction> = mine
            .iter()
            .copied()
            .filter(|i| i.kind != InteractionKind::Followed)
            .collect();
        let window_start = now.saturating_sub(i64::from(window_days).saturating_mul(DAY));
        let in_window: Vec<(i64, InteractionKind)> = engaging
            .iter()
            .filter_map(|i| i.at.map(|at| (at.min(now), i.kind)))
            .filter(|(at, _)| *at >= window_start)
            .collect();
        // Sorted and deduplicated: the number of different days (the crate's
        // sort of i64 exists anyway; a set of i64 would bring its own code).
        let mut days: Vec<i64> = in_window.iter().map(|(at, _)| at.div_euclid(DAY)).collect();
        crate::sort::values(&mut days);
        days.dedup();
        let recent_kinds: Vec<InteractionKind> = ALL_KINDS
            .iter()
            .copied()
            .filter(|k| in_window.iter().any(|(_, kind)| kind == k))
            .collect();
        let last_engagement = engaging.iter().filter_map(|i| i.at).max();

        RelationshipStats {
            total: mine.len(),
            engagement: engaging.len(),
            undated: mine.iter().filter(|i| i.at.is_none()).count(),
            kinds,
            recent: RecentSummary {
                window_days,
                interactions: in_window.len(),
                distinct_days: days.len(),
                kinds: recent_kinds,
                days_since_last: last_engagement.map(age),
            },
            follows_you: account.follows_you,
        }
    }

    /// The entry for `kind`.
    pub fn kind(&self, kind: InteractionKind) -> KindStats {
        self.kinds
            .iter()
            .copied()
            .find(|k| k.kind == kind)
            .unwrap_or(KindStats {
                kind,
                count: 0,
                last_at: None,
                days_since_last: None,
            })
    }
}
