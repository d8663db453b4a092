//! Following vs followers (seed heuristic 9; Socialbakers FakeFollowerCheck
//! 50:1): bounded and graded on a log scale both ways. Following more than
//! `ratio.mild` times the followers costs, growing up to the full penalty at
//! `ratio.severe`; followers above following earn, growing up to the full
//! reward at `ratio.reward_ratio` times following. In between nothing moves.

use super::Subject;
use crate::evidence::msg;
use crate::evidence::{setting_points, setting_weight, Line};
use crate::message::{int, num, signed, uint, Arg, Message};
use crate::settings::Settings;
use crate::verdict::Evidence;

/// Penalty points (as a positive number) for following/followers ratio `r`.
pub fn ratio_penalty(r: f64, mild: f64, severe: f64, max_points: i64) -> i32 {
    let max = setting_points(max_points);
    if r <= mild || max == 0 {
        return 0;
    }
    if r >= severe || severe <= mild {
        return max;
    }
    let share = (r / mild).ln() / (severe / mild).ln();
    ((f64::from(max) * share).floor() as i32).clamp(0, max)
}

/// Reward points for followers/following `f` (0 up to 1, full at `full`),
/// graded on a log scale and rounded down, so only `full` earns them all.
pub fn ratio_reward(f: f64, full: f64, max_points: i64) -> i32 {
    let max = setting_points(max_points);
    if f <= 1.0 || max == 0 || !f.is_finite() {
        return if f.is_infinite() && f > 0.0 { max } else { 0 };
    }
    if f >= full || full <= 1.0 {
        return max;
    }
    let share = f.ln() / full.ln();
    ((f64::from(max) * share).floor() as i32).clamp(0, max)
}

/// "2.5 times", "twice".
fn times(v: f64) -> Arg {
    Arg::Msg(if (v - 2.0).abs() < 0.05 {
        Message::bare("ev_twice")
    } else {
        msg("ev_times", [num(v)])
    })
}

pub fn ratio(subject: &Subject, s: &Settings, _now: i64) -> Evidence {
    let a = subject.account;
    let line = Line::new(
        subject,
        "ratio",
        "ev_ratio_label",
        || {
            msg(
                "ev_ratio_threshold",
                [
                    times(s.ratio_mild),
                    signed(-setting_points(s.ratio_severe_points)),
                    times(s.ratio_severe),
                    signed(setting_points(s.ratio_reward_points)),
                    times(s.ratio_reward_ratio),
                ],
            )
        },
        setting_weight(s.ratio_severe_points).max(setting_weight(s.ratio_reward_points)),
    );
    let (Some(followers), Some(following)) = (a.followers, a.following) else {
        return line.not_seen("ev_fact_follow_counts");
    };
    let seen = || msg("ev_ratio_seen", [uint(following), uint(followers)]);
    let r = following as f64 / followers.max(1) as f64;
    let penalty = ratio_penalty(r, s.ratio_mild, s.ratio_severe, s.ratio_severe_points);
    if penalty > 0 {
        let place = || {
            if penalty >= setting_points(s.ratio_severe_points) {
                msg("ev_place_penalty", [signed(-penalty), signed(-penalty)])
            } else {
                msg(
                    "ev_ratio_place_penalty_at",
                    [
                        signed(-penalty),
                        signed(-setting_points(s.ratio_severe_points)),
                        times(s.ratio_severe),
                    ],
                )
            }
        };
        return line.seen(a, seen, -penalty, || {
            msg("ev_ratio_why_penalty", [Arg::Msg(place()), times(r)])
        });
    }
    let f = followers as f64 / following.max(1) as f64;
    let reward = ratio_reward(f, s.ratio_reward_ratio, s.ratio_reward_points);
    if reward > 0 {
        let place = || {
            if reward >= setting_points(s.ratio_reward_points) {
                msg("ev_place_full", [signed(reward), int(reward)])
            } else {
                msg(
                    "ev_ratio_place_reward_at",
                    [
                        signed(reward),
                        int(setting_points(s.ratio_reward_points)),
                        times(s.ratio_reward_ratio),
                    ],
                )
            }
        };
        line.seen(a, seen, reward, || {
            msg("ev_ratio_why_reward", [Arg::Msg(place())])
        })
    } else {
        line.seen(a, seen, 0, || Message::bare("ev_ratio_why_close"))
    }
}
