//! Follow churn (analysis::churn) from remembered snapshots: swings,
//! reversals, closeness of followers and following, the 5,000 cap.

/// Named `analysis` so `cargo test analysis` runs these tests.
mod analysis {
    use followback::analysis::churn::{ChurnStats, FOLLOW_CAP};
    use followback::model::{Account, Snapshot, Source};

    const DAY: i64 = 86_400;
    const T0: i64 = 1_700_000_000;

    fn snap(day: i64, followers: u64, following: u64) -> Snapshot {
        Snapshot {
            at: T0 + day * DAY,
            followers: Some(followers),
            following: Some(following),
            tweets: None,
        }
    }

    fn churner_history() -> Vec<Snapshot> {
        vec![
            snap(0, 2_600, 4_900),
            snap(7, 2_650, 3_000),
            snap(14, 2_700, 4_950),
            snap(21, 2_700, 2_800),
        ]
    }

    fn account(followers: u64, following: u64, observed_at: Option<i64>) -> Account {
        Account {
            followers: Some(followers),
            following: Some(following),
            observed_at,
            ..Account::with_handle("churner", Source::Graphql)
        }
    }

    #[test]
    fn following_swings_up_and_down_between_visits() {
        let history = churner_history();
        // The current observation is the last snapshot: not counted twice.
        let c = ChurnStats::from_history(&history, &account(2_700, 2_800, Some(T0 + 21 * DAY)));
        assert_eq!(c.points, 4);
        assert!((c.span_days - 21.0).abs() < 1e-9);
        assert_eq!(c.reversals, 2);
        assert_eq!(c.total_moved, 1_900 + 1_950 + 2_150);

        let rise = c.max_rise.expect("a rise");
        assert_eq!((rise.from, rise.to, rise.absolute), (3_000, 4_950, 1_950));
        assert!((rise.relative - 0.65).abs() < 1e-12);
        assert_eq!(rise.from_at, Some(T0 + 7 * DAY));
        assert_eq!(rise.to_at, Some(T0 + 14 * DAY));

        let fall = c.max_fall.expect("a fall");
        assert_eq!((fall.from, fall.to, fall.absolute), (4_950, 2_800, 2_150));
        assert!((fall.relative - 2_150.0 / 4_950.0).abs() < 1e-12);

        assert_eq!(c.following, Some(2_800));
        assert_eq!(c.followers, Some(2_700));
        assert!((c.followers_following_gap.expect("both known") - 100.0 / 2_800.0).abs() < 1e-12);
        assert_eq!(c.below_cap, Some(2_200));
    }

    #[test]
    fn a_newer_current_observation_is_added() {
        let history = churner_history();
        let c = ChurnStats::from_history(&history, &account(2_700, 4_990, Some(T0 + 28 * DAY)));
        assert_eq!(c.points, 5);
        assert_eq!(c.reversals, 3);
        assert!((c.span_days - 28.0).abs() < 1e-9);
        let rise = c.max_rise.expect("a rise");
        assert_eq!((rise.from, rise.to), (2_800, 4_990));
        assert_eq!(c.below_cap, Some(10));
        // Without a time the current counts are taken as the newest.
        let undated = ChurnStats::from_history(&history, &account(2_700, 4_990, None));
        assert_eq!(undated.points, 5);
        assert!((undated.span_days - 21.0).abs() < 1e-9);
    }

    #[test]
    fn unsorted_history_and_unknown_counts_are_handled() {
        let mut history = churner_history();
        history.reverse();
        history.push(Snapshot {
            at: T0 + 3 * DAY,
            followers: None,
            following: None,
            tweets: Some(5),
        });
        let c = ChurnStats::from_history(&history, &Account::default());
        assert_eq!(c.points, 4);
        assert_eq!(c.reversals, 2);
        // Counts fall back to the latest snapshot.
        assert_eq!(c.following, Some(2_800));
        assert_eq!(c.followers, Some(2_700));
    }

    #[test]
    fn steady_account_above_the_cap() {
        let history = vec![snap(0, 9_000, 5_200), snap(30, 9_100, 5_200)];
        let c = ChurnStats::from_history(&history, &account(9_100, 5_200, Some(T0 + 30 * DAY)));
        assert_eq!(c.points, 2);
        assert_eq!(c.max_rise, None);
        assert_eq!(c.max_fall, None);
        assert_eq!(c.reversals, 0);
        assert_eq!(c.total_moved, 0);
        assert_eq!(c.below_cap, Some(5_000 - 5_200));
        assert_eq!(FOLLOW_CAP, 5_000);
    }

    #[test]
    fn nothing_known() {
        let c = ChurnStats::from_history(&[], &Account::default());
        assert_eq!(c.points, 0);
        assert_eq!(c.span_days, 0.0);
        assert_eq!(c.followers_following_gap, None);
        assert_eq!(c.below_cap, None);
        let zeros = ChurnStats::from_history(&[], &account(0, 0, None));
        assert_eq!(zeros.followers_following_gap, None);
        let one_side = ChurnStats::from_history(&[], &account(0, 40, None));
        assert_eq!(one_side.followers_following_gap, Some(1.0));
    }
}
