//! Calendar arithmetic without a date library: civil dates to unix seconds and back,
//! and the date formats X uses (`created_at`, RFC 3339).
//!
//! Civil-date conversion follows Howard Hinnant's `days_from_civil` /
//! `civil_from_days` (proleptic Gregorian calendar, exact for any year that fits).

/// Seconds in a day.
pub const DAY: i64 = 86_400;

/// English month abbreviations as X writes them in `created_at`.
const MONTH_ABBREVIATIONS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

/// Days since 1970-01-01 of the civil date `y-m-d` (month 1-12, day 1-31).
pub fn days_from_civil(y: i64, m: u32, d: u32) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400; // [0, 399]
    let m = i64::from(m);
    let d = i64::from(d);
    let mp = (m + 9) % 12; // March = 0
    let doy = (153 * mp + 2) / 5 + d - 1; // [0, 365]
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy; // [0, 146096]
    era * 146_097 + doe - 719_468
}

/// Civil date `(year, month 1-12, day 1-31)` of a day count since 1970-01-01.
pub fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097; // [0, 146096]
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365; // [0, 399]
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100); // [0, 365]
    let mp = (5 * doy + 2) / 153; // [0, 11]
    let d = doy - (153 * mp + 2) / 5 + 1; // [1, 31]
    let m = if mp < 10 { mp + 3 } else { mp - 9 }; // [1, 12]
    let y = yoe + era * 400 + i64::from(m <= 2);
    // The ranges above make these conversions lossless.
    (y, m as u32, d as u32)
}

/// True for Gregorian leap years.
pub fn is_leap_year(y: i64) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

/// Number of days in month `m` (1-12) of year `y`; 0 for an invalid month.
pub fn days_in_month(y: i64, m: u32) -> u32 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap_year(y) => 29,
        2 => 28,
        _ => 0,
    }
}

/// Unix seconds of a UTC civil date and time, or `None` when any part is out of range.
pub fn unix_from_civil(y: i64, m: u32, d: u32, hh: u32, mm: u32, ss: u32) -> Option<i64> {
    if !(1..=12).contains(&m) || d == 0 || d > days_in_month(y, m) {
        return None;
    }
    // 60 allows a leap second, counted as the next second like most systems do.
    if hh > 23 || mm > 59 || ss > 60 {
        return None;
    }
    let days = days_from_civil(y, m, d);
    Some(days * DAY + i64::from(hh) * 3600 + i64::from(mm) * 60 + i64::from(ss))
}

/// Unix seconds of the first day of a month, midnight UTC.
pub fn month_start(y: i64, m: u32) -> Option<i64> {
    unix_from_civil(y, m, 1, 0, 0, 0)
}

/// Formats unix seconds as RFC 3339 in UTC, e.g. `2011-01-10T02:06:34Z`.
pub fn format_rfc3339(secs: i64) -> String {
    let days = secs.div_euclid(DAY);
    let rem = secs.rem_euclid(DAY);
    let (y, m, d) = civil_from_days(days);
    format!(
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}Z",
        rem / 3600,
        (rem % 3600) / 60,
        rem % 60
    )
}

/// Parses an all-digit string of exactly `len` ASCII digits.
fn digits(s: &str, len: usize) -> Option<u32> {
    if s.len() != len || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    // At most four digits here (by hand: `str::parse` is a call in the wasm).
    if (1..=9).contains(&len) {
        return Some(s.bytes().fold(0, |n, d| n * 10 + u32::from(d - b'0')));
    }
    s.parse().ok()
}

/// Parses a `+hhmm`, `-hhmm` or `+hh:mm` offset into seconds east of UTC.
fn parse_offset(s: &str) -> Option<i64> {
    let (sign, rest) = match s.as_bytes().first()? {
        b'+' => (1, s.get(1..)?),
        b'-' => (-1, s.get(1..)?),
        _ => return None,
    };
    let (hh, mm) = match rest.len() {
        4 => (rest.get(..2)?, rest.get(2..)?),
        5 if rest.as_bytes().get(2) == Some(&b':') => (rest.get(..2)?, rest.get(3..)?),
        _ => return None,
    };
    let hh = digits(hh, 2)?;
    let mm = digits(mm, 2)?;
    if hh > 23 || mm > 59 {
        return None;
    }
    Some(sign * (i64::from(hh) * 3600 + i64::from(mm) * 60))
}

/// Parses `HH:MM:SS` into its three parts.
fn parse_clock(s: &str) -> Option<(u32, u32, u32)> {
    let mut parts = s.split(':');
    let hh = digits(parts.next()?, 2)?;
    let mm = digits(parts.next()?, 2)?;
    let ss = digits(parts.next()?, 2)?;
    if parts.next().is_some() {
        return None;
    }
    Some((hh, mm, ss))
}

/// Parses X's `created_at`, e.g. `Mon Jan 10 02:06:34 +0000 2011`, into unix seconds.
/// The weekday is not checked; any `+hhmm` / `-hhmm` offset is honoured.
pub fn parse_x_date(s: &str) -> Option<i64> {
    let [_weekday, month, day, clock, offset, year] = six_words(s)?;
    let m = MONTH_ABBREVIATIONS
        .iter()
        .position(|a| a.eq_ignore_ascii_case(month))? as u32
        + 1;
    let d: u32 = if day.len() <= 2 && day.bytes().all(|b| b.is_ascii_digit()) {
        day.parse().ok()?
    } else {
        return None;
    };
    let (hh, mm, ss) = parse_clock(clock)?;
    let offset = parse_offset(offset)?;
    let y = i64::from(digits(year, 4)?);
    Some(unix_from_civil(y, m, d, hh, mm, ss)? - offset)
}

/// The words of `s` when it has exactly six, as `split_whitespace` splits
/// them: by bytes when `s` is ASCII (its whitespace is then `\t`..`\r` and
/// space), without allocating.
fn six_words(s: &str) -> Option<[&str; 6]> {
    let mut words = [""; 6];
    if !s.is_ascii() {
        let mut split = s.split_whitespace();
        for word in &mut words {
            *word = split.next()?;
        }
        return split.next().is_none().then_some(words);
    }
    let bytes = s.as_bytes();
    let (mut n, mut i) = (0, 0);
    while i < bytes.len() {
        let start = i;
        while bytes
            .get(i)
            .is_some_and(|b| !matches!(b, b' ' | b'\t'..=b'\r'))
        {
            i += 1;
        }
        if i > start {
            *words.get_mut(n)? = s.get(start..i)?;
            n += 1;
        }
        i += 1;
    }
    (n == 6).then_some(words)
}

/// Parses an RFC 3339 timestamp (`2026-11-21T10:00:00Z`, `...T10:00:00.123+02:00`)
/// into unix seconds; fractional seconds are dropped (floor).
pub fn parse_rfc3339(s: &str) -> Option<i64> {
    let s = s.trim();
    let date = s.get(..10)?;
    let sep = s.as_bytes().get(10)?;
    if !matches!(sep, b'T' | b't' | b' ') {
        return None;
    }
    let rest = s.get(11..)?;
    let (y, m, d) = parse_ymd(date)?;
    let clock = rest.get(..8)?;
    let (hh, mm, ss) = parse_clock(clock)?;
    let mut tail = rest.get(8..)?;
    if let Some(frac) = tail.strip_prefix('.') {
        let n = frac.bytes().take_while(u8::is_ascii_digit).count();
        if n == 0 {
            return None;
        }
        tail = frac.get(n..)?;
    }
    let offset = match tail {
        "Z" | "z" => 0,
        other => parse_offset(other)?,
    };
    Some(unix_from_civil(y, m, d, hh, mm, ss)? - offset)
}

/// Parses `YYYY-MM-DD`.
fn parse_ymd(s: &str) -> Option<(i64, u32, u32)> {
    let mut parts = s.split('-');
    let y = digits(parts.next()?, 4)?;
    let m = digits(parts.next()?, 2)?;
    let d = digits(parts.next()?, 2)?;
    if parts.next().is_some() {
        return None;
    }
    Some((i64::from(y), m, d))
}

/// Parses a bare date `YYYY-MM-DD` as midnight UTC.
pub fn parse_date(s: &str) -> Option<i64> {
    let (y, m, d) = parse_ymd(s.trim())?;
    unix_from_civil(y, m, d, 0, 0, 0)
}

/// Lenient timestamp for saved files: X's `created_at`, RFC 3339, a bare date,
/// or whole unix seconds written as text.
pub fn parse_timestamp(s: &str) -> Option<i64> {
    let s = s.trim();
    if !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()) {
        return s.parse().ok();
    }
    parse_rfc3339(s)
        .or_else(|| parse_x_date(s))
        .or_else(|| parse_date(s))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// [`parse_x_date`] as it was (split into a Vec, the month lower-cased):
    /// the reference for the one without allocations.
    fn parse_x_date_reference(s: &str) -> Option<i64> {
        let parts: Vec<&str> = s.split_whitespace().collect();
        let [_weekday, month, day, clock, offset, year] = parts.as_slice() else {
            return None;
        };
        let month = month.to_ascii_lowercase();
        let m = MONTH_ABBREVIATIONS.iter().position(|&a| a == month)? as u32 + 1;
        let d: u32 = if day.len() <= 2 && day.bytes().all(|b| b.is_ascii_digit()) {
            day.parse().ok()?
        } else {
            return None;
        };
        let (hh, mm, ss) = parse_clock(clock)?;
        let offset = parse_offset(offset)?;
        let y = i64::from(digits(year, 4)?);
        Some(unix_from_civil(y, m, d, hh, mm, ss)? - offset)
    }

    /// `digits` as it was.
    fn digits_reference(s: &str, len: usize) -> Option<u32> {
        if s.len() != len || !s.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        s.parse().ok()
    }

    proptest::proptest! {
        /// X dates built from real and broken parts, with every kind of
        /// whitespace between them (Unicode's too), read as before.
        #[test]
        fn x_dates_read_as_before(
            parts in proptest::collection::vec(proptest::sample::select(vec![
                "Mon", "Jan", "jAN", "Sept", "Dec", "J\u{e1}n", "07", "7", "31", "123",
                "01:46:02", "23:59:60", "1:2:3", "+0000", "-0530", "+05:30", "+2400",
                "2022", "0000", "99999", "x",
            ]), 0..8),
            gaps in proptest::collection::vec(proptest::sample::select(vec![
                " ", "  ", "\t", "\n", "\u{b}", "\u{c}", "\r", "\u{a0}", "\u{3000}", "\u{1c}", "",
            ]), 9),
        ) {
            let mut s = String::from(gaps[8]);
            for (part, gap) in parts.iter().zip(&gaps) {
                s.push_str(part);
                s.push_str(gap);
            }
            proptest::prop_assert_eq!(parse_x_date(&s), parse_x_date_reference(&s), "{:?}", s);
        }

        #[test]
        fn digits_read_as_before(s in "[0-9]{0,10}|[0-9a+ -]{0,5}", len in 0usize..11) {
            proptest::prop_assert_eq!(digits(&s, len), digits_reference(&s, len));
        }
    }

    #[test]
    fn epoch_and_known_days() {
        assert_eq!(days_from_civil(1970, 1, 1), 0);
        assert_eq!(days_from_civil(2000, 3, 1), 11_017);
        assert_eq!(days_from_civil(1969, 12, 31), -1);
        assert_eq!(civil_from_days(0), (1970, 1, 1));
        assert_eq!(civil_from_days(-1), (1969, 12, 31));
        assert_eq!(civil_from_days(11_016), (2000, 2, 29));
    }

    #[test]
    fn civil_round_trip_over_four_centuries() {
        let start = days_from_civil(1800, 1, 1);
        let end = days_from_civil(2200, 12, 31);
        let mut expected = (1800, 1, 1);
        for z in start..=end {
            let got = civil_from_days(z);
            assert_eq!(got, expected, "day {z}");
            assert_eq!(days_from_civil(got.0, got.1, got.2), z);
            let (y, m, d) = expected;
            expected = if d < days_in_month(y, m) {
                (y, m, d + 1)
            } else if m < 12 {
                (y, m + 1, 1)
            } else {
                (y + 1, 1, 1)
            };
        }
    }

    #[test]
    fn leap_years() {
        assert!(is_leap_year(2000));
        assert!(is_leap_year(2024));
        assert!(!is_leap_year(1900));
        assert!(!is_leap_year(2026));
        assert_eq!(unix_from_civil(2026, 2, 29, 0, 0, 0), None);
        assert!(unix_from_civil(2024, 2, 29, 0, 0, 0).is_some());
    }

    #[test]
    fn x_created_at() {
        assert_eq!(
            parse_x_date("Mon Jan 10 02:06:34 +0000 2011"),
            Some(1_294_625_194)
        );
        // Same instant written with an offset.
        assert_eq!(
            parse_x_date("Mon Jan 10 04:06:34 +0200 2011"),
            Some(1_294_625_194)
        );
        assert_eq!(
            parse_x_date("Sun Jan 09 21:36:34 -0430 2011"),
            Some(1_294_625_194)
        );
        assert_eq!(parse_x_date("Mon Foo 10 02:06:34 +0000 2011"), None);
        assert_eq!(parse_x_date("Mon Jan 32 02:06:34 +0000 2011"), None);
        assert_eq!(parse_x_date("Mon Jan 10 25:06:34 +0000 2011"), None);
        assert_eq!(parse_x_date("Mon Jan 10 02:06:34 2011"), None);
        assert_eq!(parse_x_date(""), None);
        assert_eq!(parse_x_date("Mon Jan 10 02:06:34 +0000 2011 extra"), None);
    }

    #[test]
    fn rfc3339_forms() {
        assert_eq!(parse_rfc3339("1970-01-01T00:00:00Z"), Some(0));
        assert_eq!(parse_rfc3339("2011-01-10T02:06:34Z"), Some(1_294_625_194));
        assert_eq!(
            parse_rfc3339("2011-01-10T04:06:34+02:00"),
            Some(1_294_625_194)
        );
        assert_eq!(
            parse_rfc3339("2011-01-09T21:36:34-04:30"),
            Some(1_294_625_194)
        );
        assert_eq!(
            parse_rfc3339("2011-01-10T02:06:34.999Z"),
            Some(1_294_625_194)
        );
        assert_eq!(
            parse_rfc3339("2011-01-10 02:06:34.5+0000"),
            Some(1_294_625_194)
        );
        assert_eq!(parse_rfc3339("2026-11-21T10:00:00Z"), Some(1_795_255_200));
        assert_eq!(parse_rfc3339("2026-11-21"), None);
        assert_eq!(parse_rfc3339("2026-13-21T10:00:00Z"), None);
        assert_eq!(parse_rfc3339("2026-11-21T10:00:00"), None);
        assert_eq!(parse_rfc3339("2026-11-21T10:00:00.Z"), None);
        assert_eq!(parse_rfc3339("garbage"), None);
        assert_eq!(parse_rfc3339("2026-11-21T10:00:00Zjunk"), None);
    }

    #[test]
    fn formatting_round_trips() {
        for secs in [0, 1_294_625_194, 1_795_255_200, -86_401, 951_782_400] {
            assert_eq!(parse_rfc3339(&format_rfc3339(secs)), Some(secs));
        }
        assert_eq!(format_rfc3339(1_294_625_194), "2011-01-10T02:06:34Z");
        assert_eq!(format_rfc3339(-1), "1969-12-31T23:59:59Z");
    }

    #[test]
    fn lenient_timestamps() {
        assert_eq!(parse_timestamp("1294625194"), Some(1_294_625_194));
        assert_eq!(parse_timestamp("2011-01-10"), Some(1_294_617_600));
        assert_eq!(
            parse_timestamp("Mon Jan 10 02:06:34 +0000 2011"),
            Some(1_294_625_194)
        );
        assert_eq!(parse_timestamp("not a date"), None);
        assert_eq!(month_start(2011, 3), Some(1_298_937_600));
    }
}
