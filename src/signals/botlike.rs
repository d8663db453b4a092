//! Bot-like profile features with readable reasons (BotometerLite, Socialbakers):
//! digits in the handle (graded), following growth per day (graded on a log
//! scale), and a bare profile that follows many.

use super::Subject;
use crate::evidence::{
    count, days_words, isolate, number, ramp_place, rate_words, setting_points, setting_weight,
    signed, Line, Ramp,
};
use crate::observed::{age_days, rate_days};
use crate::settings::Settings;
use crate::verdict::Evidence;

/// Length of the longest run of ASCII digits in `text`.
pub fn longest_digit_run(text: &str) -> usize {
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
        "handle",
        "Handle digits",
        format!(
            "nothing for up to {} digits in a row, {} at {} or more, graded in between",
            s.handle_digits_free,
            signed(-setting_points(s.handle_points)),
            s.handle_digit_run
        ),
        setting_weight(s.handle_points),
    );
    let handle = a.handle.trim().trim_start_matches('@');
    if handle.is_empty() {
        return line.not_seen("Handle");
    }
    let run = longest_digit_run(handle);
    let seen = format!(
        "@{}: {}",
        isolate(handle),
        match run {
            0 => "no digits".to_string(),
            1 => "1 digit".to_string(),
            n => format!("{n} digits in a row"),
        }
    );
    let points = digit_points(
        run,
        s.handle_digits_free,
        s.handle_digit_run,
        s.handle_points,
    );
    if points < 0 {
        line.seen(
            a,
            &seen,
            points,
            format!(
                "{} of {}: the full penalty at {} digits. A long run of digits, like the handles X hands out by default: the owner never chose a name, and many bots keep them.",
                signed(points),
                signed(-setting_points(s.handle_points)),
                s.handle_digit_run
            ),
        )
    } else {
        line.seen(
            a,
            &seen,
            0,
            "The handle looks chosen by a person.".to_string(),
        )
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
        "following_growth",
        "Following growth",
        format!(
            "nothing up to {} over the account's life, {} at {} or more, graded in between",
            rate_words(r.from, "follow", "follows", "a day"),
            signed(r.high),
            rate_words(r.to, "follow", "follows", "a day")
        ),
        r.weight(),
    );
    let Some(following) = a.following else {
        return line.not_seen("Following count");
    };
    let Some(age) = age_days(a, now) else {
        return line.not_seen("Account age");
    };
    let per_day = following as f64 / rate_days(age);
    let seen = format!(
        "following {} after {} ({} a day)",
        count(following),
        days_words(age),
        number(per_day)
    );
    let points = r.points(per_day);
    if points < 0 {
        line.seen(
            a,
            &seen,
            points,
            format!(
                "{}. Follows accounts by the dozens every day: how follow-back and fake-follower bots grow.",
                ramp_place(&r, points, "follows a day")
            ),
        )
    } else {
        line.seen(a, &seen, 0, "Follows at a person's pace.".to_string())
    }
}

pub fn bare_profile(subject: &Subject, s: &Settings, _now: i64) -> Evidence {
    let a = subject.account;
    let line = Line::new(
        "bare_profile",
        "Bio and location while following many",
        format!(
            "bio or location when following more than {}",
            count(s.bare_profile_following_min.max(0) as u64)
        ),
        setting_weight(s.bare_profile_points),
    );
    let (Some(bio), Some(location), Some(following)) =
        (a.bio.as_deref(), a.location.as_deref(), a.following)
    else {
        return line.not_seen("Bio, location and following count");
    };
    let bare = bio.trim().is_empty() && location.trim().is_empty();
    let seen = format!(
        "{}, following {}",
        if bare {
            "no bio, no location"
        } else {
            "bio or location given"
        },
        count(following)
    );
    if bare && i128::from(following) > i128::from(s.bare_profile_following_min) {
        line.seen(
            a,
            &seen,
            -setting_points(s.bare_profile_points),
            "Follows many accounts without saying anything about itself, a fake-follower pattern."
                .to_string(),
        )
    } else {
        line.seen(
            a,
            &seen,
            0,
            "Not a bare profile following many.".to_string(),
        )
    }
}
