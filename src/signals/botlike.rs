//! Bot-like profile features with readable reasons (BotometerLite, Socialbakers):
//! digits in the handle (graded), following growth per day (graded on a log
//! scale), and a bare profile that follows many.

use super::Subject;
use crate::evidence::msg;
use crate::evidence::{
    amount_m, days_m, ramp_place, setting_points, setting_weight, unit, Line, Ramp,
};
use crate::message::{int, num, signed, text, uint, Arg, Message};
use crate::observed::{age_days, rate_days};
use crate::settings::Settings;
use crate::verdict::Evidence;

/// Length of the longest run of ASCII digits in `text`.
///
/// Read byte by byte: an ASCII digit is one byte, and no byte of a longer
/// UTF-8 sequence is one, so the runs are those of the characters, without
/// decoding them (`tests::digit_runs_as_by_chars`).
pub fn longest_digit_run(text: &str) -> usize {
    let mut best = 0;
    let mut run = 0;
    for &b in text.as_bytes() {
        if b.is_ascii_digit() {
            run += 1;
            best = best.max(run);
        } else {
            run = 0;
        }
    }
    best
}

/// Points (zero or negative) for a run of `run` digits: nothing up to
/// `free` digits, then linear up to the full penalty at `full` digits.
pub fn digit_points(run: usize, free: i64, full: i64, max_points: i64) -> i32 {
    let max = setting_points(max_points);
    let run = run as f64;
    let (free, full) = (free as f64, full as f64);
    if run <= free || max == 0 {
        return 0;
    }
    if run >= full || full <= free {
        return -max;
    }
    -((f64::from(max) * (run - free) / (full - free)).round() as i32).clamp(0, max)
}

pub fn handle(subject: &Subject, s: &Settings, _now: i64) -> Evidence {
    let a = subject.account;
    let line = Line::new(
        subject,
        "handle",
        "ev_handle_label",
        || {
            msg(
                "ev_handle_threshold",
                [
                    int(s.handle_digits_free),
                    signed(-setting_points(s.handle_points)),
                    int(s.handle_digit_run),
                ],
            )
        },
        setting_weight(s.handle_points),
    );
    let handle = a.handle.trim().trim_start_matches('@');
    if handle.is_empty() {
        return line.not_seen("ev_fact_handle");
    }
    let run = longest_digit_run(handle);
    let seen = || {
        let digits = match run {
            0 => Message::bare("ev_handle_no_digits"),
            1 => Message::bare("ev_handle_one_digit"),
            n => msg("ev_handle_digits", [uint(n as u64)]),
        };
        msg("ev_handle_seen", [text(handle), Arg::Msg(digits)])
    };
    let points = digit_points(
        run,
        s.handle_digits_free,
        s.handle_digit_run,
        s.handle_points,
    );
    if points < 0 {
        line.seen(a, seen, points, || {
            msg(
                "ev_handle_why_digits",
                [
                    signed(points),
                    signed(-setting_points(s.handle_points)),
                    int(s.handle_digit_run),
                ],
            )
        })
    } else {
        line.seen(a, seen, 0, || Message::bare("ev_handle_why_chosen"))
    }
}

/// The following-growth ramp (follows a day) from the settings.
pub fn growth_ramp(s: &Settings) -> Ramp {
    Ramp::new(
        s.following_growth_per_day,
        s.following_growth_full_per_day,
        0,
        -s.following_growth_points,
    )
}

pub fn following_growth(subject: &Subject, s: &Settings, now: i64) -> Evidence {
    let a = subject.account;
    let r = growth_ramp(s);
    let line = Line::new(
        subject,
        "following_growth",
        "ev_growth_label",
        || {
            msg(
                "ev_growth_threshold",
                [
                    Arg::Msg(amount_m(r.from, unit::FOLLOW_A_DAY)),
                    signed(r.high),
                    Arg::Msg(amount_m(r.to, unit::FOLLOW_A_DAY)),
                ],
            )
        },
        r.weight(),
    );
    let Some(following) = a.following else {
        return line.not_seen("ev_fact_following_count");
    };
    let Some(age) = age_days(a, now) else {
        return line.not_seen("ev_fact_account_age");
    };
    let per_day = following as f64 / rate_days(age);
    let seen = || {
        msg(
            "ev_growth_seen",
            [uint(following), Arg::Msg(days_m(age)), num(per_day)],
        )
    };
    let points = r.points(per_day);
    if points < 0 {
        line.seen(a, seen, points, || {
            msg(
                "ev_growth_why_fast",
                [Arg::Msg(ramp_place(&r, points, unit::FOLLOW_A_DAY))],
            )
        })
    } else {
        line.seen(a, seen, 0, || Message::bare("ev_growth_why_pace"))
    }
}

pub fn bare_profile(subject: &Subject, s: &Settings, _now: i64) -> Evidence {
    let a = subject.account;
    let line = Line::new(
        subject,
        "bare_profile",
        "ev_bare_label",
        || {
            msg(
                "ev_bare_threshold",
                [uint(s.bare_profile_following_min.max(0) as u64)],
            )
        },
        setting_weight(s.bare_profile_points),
    );
    let (Some(bio), Some(location), Some(following)) =
        (a.bio.as_deref(), a.location.as_deref(), a.following)
    else {
        return line.not_seen("ev_fact_bio_location_following");
    };
    // Whether the bio is blank: kept with the features when scoring.
    let blank_bio = subject
        .prepared
        .and_then(|p| p.features.bio_blank)
        .unwrap_or_else(|| bio.trim().is_empty());
    let bare = blank_bio && location.trim().is_empty();
    let seen = || {
        msg(
            if bare {
                "ev_bare_seen_bare"
            } else {
                "ev_bare_seen_given"
            },
            [uint(following)],
        )
    };
    if bare && i128::from(following) > i128::from(s.bare_profile_following_min) {
        line.seen(a, seen, -setting_points(s.bare_profile_points), || {
            Message::bare("ev_bare_why_bare")
        })
    } else {
        line.seen(a, seen, 0, || Message::bare("ev_bare_why_not"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// [`longest_digit_run`] as it was, by characters.
    fn by_chars(text: &str) -> usize {
        let mut best = 0;
        let mut run = 0;
        for c in text.chars() {
            if c.is_ascii_digit() {
                run += 1;
                best = best.max(run);
            } else {
                run = 0;
            }
        }
        best
    }

    proptest! {
        #[test]
        fn digit_runs_as_by_chars(
            text in prop_oneof![
                ".*",
                "[0-9a-z]{0,20}",
                // Digits beside non-ASCII ones and multi-byte characters.
                "[0-9\u{660}-\u{669}\u{ff10}-\u{ff19}\u{b2}\u{b3}\u{1d7ce}\u{e9}/:]{0,20}",
            ]
        ) {
            prop_assert_eq!(longest_digit_run(&text), by_chars(&text));
        }
    }

    #[test]
    fn edges() {
        assert_eq!(longest_digit_run(""), 0);
        assert_eq!(longest_digit_run("\u{661}\u{662}\u{663}"), 0);
        assert_eq!(longest_digit_run("0\u{ff11}99"), 2);
        assert_eq!(longest_digit_run("/09:"), 2);
    }
}
