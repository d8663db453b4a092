//! Follow churn from counts remembered across visits (seed 003: mass follow,
//! then unfollow who didn't follow back): how far the following count swung
//! between observations, how often it changed direction, how close followers
//! and following are, and how near following is to X's 5,000 cap.

use serde::Serialize;

use crate::model::{Account, Snapshot};

/// Following more than this many accounts is limited by X's ratio rule
/// (X-COM-FACTS §4, summarised in docs/design-notes.md); follow-churners pile
/// up just below it.
pub const FOLLOW_CAP: u64 = 5_000;

/// One change of the following count between two consecutive observations.
#[derive(Serialize, Clone, Copy, Debug, PartialEq)]
pub struct Swing {
    /// Following count at the earlier observation.
    pub from: u64,
    /// Following count at the later observation.
    pub to: u64,
    /// `|to - from|`.
    pub absolute: u64,
    /// `absolute / from` (from = 0 counts as 1): 0.39 = 39% of what it was.
    pub relative: f64,
    /// When the earlier and later counts were seen (unix seconds), when known.
    pub from_at: Option<i64>,
    /// When the later count was seen (unix seconds), when known.
    pub to_at: Option<i64>,
}

impl Swing {
    fn new(from: (Option<i64>, u64), to: (Option<i64>, u64)) -> Swing {
        let absolute = from.1.abs_diff(to.1);
        Swing {
            from: from.1,
            to: to.1,
            absolute,
            relative: absolute as f64 / from.1.max(1) as f64,
            from_at: from.0,
            to_at: to.0,
        }
    }
}

/// Follow-churn measurements. All `None` / 0 when there is too little data.
#[derive(Serialize, Clone, Debug, PartialEq)]
pub struct ChurnStats {
    /// Observations of the following count used (history plus the current one).
    pub points: usize,
    /// Days from the first to the last dated observation (0 with fewer than two).
    pub span_days: f64,
    /// Largest increase between consecutive observations.
    pub max_rise: Option<Swing>,
    /// Largest decrease between consecutive observations.
    pub max_fall: Option<Swing>,
    /// Times the count changed direction (up then down, or down then up);
    /// unchanged steps are skipped. 4,900 -> 3,000 -> 4,950 -> 2,800 has 2.
    pub reversals: usize,
    /// Sum of all absolute changes: accounts followed or unfollowed at least.
    pub total_moved: u64,
    /// Current following, from the account (or the latest observation).
    pub following: Option<u64>,
    /// Current followers, from the account (or the latest observation).
    pub followers: Option<u64>,
    /// `|followers - following| / max(followers, following)`: 0 when equal
    /// (the follow-back-everyone pattern of link farms), 1 when one is 0.
    /// `None` when either is unknown or both are 0.
    pub followers_following_gap: Option<f64>,
    /// `FOLLOW_CAP - following`: small positive = just under the cap,
    /// negative = above it.
    pub below_cap: Option<i64>,
}

impl ChurnStats {
    /// Measures `history` (any order; sorted by time here) plus the current
    /// `account`. The account's counts are added as the newest observation
    /// unless a snapshot at or after its `observed_at` already holds them;
    /// without `observed_at` it is taken as newer than all history.
    pub fn from_history(history: &[Snapshot], account: &Account) -> ChurnStats {
        let mut snaps: Vec<&Snapshot> = history.iter().collect();
        crate::sort::by_key(&mut snaps, |s| s.at);
        let last_at = snaps.last().map(|s| s.at);
        let current_is_newer = match (account.observed_at, last_at) {
            (Some(obs), Some(last)) => obs > last,
            _ => true,
        };

        let mut series: Vec<(Option<i64>, u64)> = snaps
            .iter()
            .filter_map(|s| s.following.map(|f| (Some(s.at), f)))
            .collect();
        if current_is_newer {
            if let Some(f) = account.following {
                series.push((account.observed_at, f));
            }
        }

        let mut max_rise: Option<Swing> = None;
        let mut max_fall: Option<Swing> = None;
        let mut reversals = 0;
        let mut total_moved: u64 = 0;
        let mut last_dir: Option<bool> = None;
        for w in series.windows(2) {
            let [a, b] = w else { continue };
            if a.1 == b.1 {
                continue;
            }
            let swing = Swing::new(*a, *b);
            total_moved = total_moved.saturating_add(swing.absolute);
            let up = b.1 > a.1;
            if last_dir.is_some_and(|d| d != up) {
                reversals += 1;
            }
            last_dir = Some(up);
            let slot = if up { &mut max_rise } else { &mut max_fall };
            if slot.map_or(true, |s| swing.absolute > s.absolute) {
                *slot = Some(swing);
            }
        }

        let dated: Vec<i64> = series.iter().filter_map(|p| p.0).collect();
        let span_days = match (dated.iter().min(), dated.iter().max()) {
            (Some(a), Some(b)) => b.saturating_sub(*a) as f64 / 86_400.0,
            _ => 0.0,
        };

        let following = account
            .following
            .or_else(|| snaps.iter().rev().find_map(|s| s.following));
        let followers = account
            .followers
            .or_else(|| snaps.iter().rev().find_map(|s| s.followers));
        let followers_following_gap = match (followers, following) {
            (Some(a), Some(b)) if a.max(b) > 0 => Some(a.abs_diff(b) as f64 / a.max(b) as f64),
            _ => None,
        };
        let below_cap = following.map(|f| {
            i64::try_from(FOLLOW_CAP).unwrap_or(i64::MAX) - i64::try_from(f).unwrap_or(i64::MAX)
        });

        ChurnStats {
            points: series.len(),
            span_days,
            max_rise,
            max_fall,
            reversals,
            total_moved,
            following,
            followers,
            followers_following_gap,
            below_cap,
        }
    }
}
