//! Calendar arithmetic without a date library: civil dates to unix seconds and back,
//! and the date formats X uses (`created_at`, RFC 3339).

/// Seconds in a day.
pub const DAY: i64 = 86_400;
