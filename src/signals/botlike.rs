//! Bot-like profile features with readable reasons (BotometerLite, Socialbakers):
//! a handle that looks generated, mass following on a new account, and a bare
//! profile that follows many.

use super::common::{age_days, count, days_words, num, pts, rate_days, wt, Line};
use super::Subject;
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

pub fn handle(subject: &Subject, s: &Settings, _now: i64) -> Evidence {
    let a = subject.account;
    let line = Line::new(
        "handle",
        "Handle looks generated",
        format!("fewer than {} digits in a row", s.handle_digit_run),
        wt(s.handle_points),
    );
    let handle = a.handle.trim().trim_start_matches('@');
    if handle.is_empty() {
        return line.not_seen("Handle");
    }
    let run = longest_digit_run(handle);
    let seen = format!("@{handle}: {run} digits in a row");
    if run as i64 >= s.handle_digit_run {
        line.seen(
            a,
            &seen,
            -pts(s.handle_points),
            "A long run of digits, like the handles X hands out by default: the owner never chose a name. Many bots keep them.".to_string(),
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

pub fn following_growth(subject: &Subject, s: &Settings, now: i64) -> Evidence {
    let a = subject.account;
    let line = Line::new(
        "following_growth",
        "Mass following on a new account",
        format!(
            "no more than {} follows a day while younger than {} days",
            num(s.following_growth_per_day),
            s.following_growth_young_days
        ),
        wt(s.following_growth_points),
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
        num(per_day)
    );
    if age >= s.following_growth_young_days as f64 {
        return line.seen(
            a,
            &seen,
            0,
            "Not a new account; follow speed only counts in the first months.".to_string(),
        );
    }
    if per_day > s.following_growth_per_day {
        line.seen(
            a,
            &seen,
            -pts(s.following_growth_points),
            "A new account that follows accounts by the hundreds: how follow-back and fake-follower bots start.".to_string(),
        )
    } else {
        line.seen(a, &seen, 0, "Follows at a person's pace.".to_string())
    }
}

pub fn bare_profile(subject: &Subject, s: &Settings, _now: i64) -> Evidence {
    let a = subject.account;
    let line = Line::new(
        "bare_profile",
        "Bare profile that follows many",
        format!(
            "bio or location when following more than {}",
            count(s.bare_profile_following_min.max(0) as u64)
        ),
        wt(s.bare_profile_points),
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
            -pts(s.bare_profile_points),
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
