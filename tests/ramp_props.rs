//! `Ramp::position` skips its logarithms for values outside the anchors; as a
//! property, it gives exactly what the log formula gives for every value, on
//! ramps of any anchors (reversed, equal, negative, tiny, huge) of both kinds,
//! and so do `Ramp::points`.

use followback::evidence::Ramp;
use proptest::prelude::*;

/// The position as the formula states it, logarithms always taken.
fn by_formula(r: &Ramp, value: f64) -> f64 {
    if !value.is_finite() {
        return if value > 0.0 { 1.0 } else { 0.0 };
    }
    let x = |v: f64| {
        if r.plain_log {
            v.max(1e-12).log10()
        } else {
            (1.0 + v.max(0.0)).log10()
        }
    };
    let (a, b) = (x(r.from), x(r.to));
    if b <= a {
        return if value >= r.to { 1.0 } else { 0.0 };
    }
    ((x(value) - a) / (b - a)).clamp(0.0, 1.0)
}

/// Any number a setting or a count may be, edges included.
fn number() -> impl Strategy<Value = f64> {
    prop_oneof![
        -1e6f64..1e7,
        0.0f64..50.0,
        (0u32..20_000).prop_map(f64::from),
        prop::sample::select(vec![
            0.0,
            -0.0,
            1.0,
            1e-12,
            1e-13,
            -1.0,
            f64::INFINITY,
            f64::NEG_INFINITY,
            f64::NAN,
            f64::MAX,
            f64::MIN_POSITIVE,
        ]),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(
        std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(2000)
    ))]

    #[test]
    fn position_and_points_equal_the_log_formula(
        from in number(),
        to in number(),
        value in number(),
        low in -50i64..50,
        high in -50i64..50,
        plain in any::<bool>(),
    ) {
        let r = if plain { Ramp::ratio(from, to, low, high) } else { Ramp::new(from, to, low, high) };
        // Values at and next to the anchors, where the shortcut starts.
        for v in [value, from, to, from.next_up_or(value), to.next_down_or(value)] {
            let want = by_formula(&r, v);
            let got = r.position(v);
            prop_assert_eq!(got.to_bits(), want.to_bits(), "position of {} on {:?}", v, r);
            let points = f64::from(r.low) + want * f64::from(r.high - r.low);
            let points = (points.round() as i32).clamp(r.low.min(r.high), r.low.max(r.high));
            prop_assert_eq!(r.points(v), points, "points of {} on {:?}", v, r);
        }
    }
}

/// The neighbouring floats, without `f64::next_up` (newer than the MSRV).
trait Neighbours {
    fn next_up_or(self, fallback: f64) -> f64;
    fn next_down_or(self, fallback: f64) -> f64;
}

impl Neighbours for f64 {
    fn next_up_or(self, fallback: f64) -> f64 {
        if !self.is_finite() || self == 0.0 {
            return fallback;
        }
        let bits = self.to_bits();
        f64::from_bits(if self > 0.0 { bits + 1 } else { bits - 1 })
    }

    fn next_down_or(self, fallback: f64) -> f64 {
        if !self.is_finite() || self == 0.0 {
            return fallback;
        }
        let bits = self.to_bits();
        f64::from_bits(if self > 0.0 { bits - 1 } else { bits + 1 })
    }
}
