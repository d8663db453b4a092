//! `Ramp::position` skips its logarithms for values outside the anchors; as a
//! property, it gives exactly what the log formula gives for every value, on
//! ramps of any anchors (reversed, equal, negative, tiny, huge) of both kinds,
//! and so do `Ramp::points`.
//!
//! `evidence::pow10` stands in for `10f64.powf` (libm's `pow` is not in the
//! wasm): it is within a few units in the last place of it, exact for whole
//! exponents, and the numbers shown from it (`round_arg`, a ramp's zero point
//! rounded to two significant digits) are the ones `powf` gave.

use followback::evidence::{pow10, round_arg, Ramp};
use followback::message::{num, uint, Arg};
use proptest::prelude::*;

/// `round_arg` as it was written with `powf`.
fn round_arg_by_powf(v: f64) -> Arg {
    if !v.is_finite() || v <= 0.0 {
        return num(v.max(0.0));
    }
    let mag = 10f64.powf(v.log10().floor() - 1.0);
    let r = (v / mag).round() * mag;
    if r >= 1.0 {
        uint(r.round() as u64)
    } else {
        num(r)
    }
}

/// A ramp's zero point as it was computed with `powf`.
fn zero_by_powf(r: &Ramp) -> Option<f64> {
    if (r.low < 0) == (r.high < 0) || r.low == r.high {
        return None;
    }
    let x = |v: f64| {
        if r.plain_log {
            v.max(1e-12).log10()
        } else {
            (1.0 + v.max(0.0)).log10()
        }
    };
    let share = f64::from(-r.low) / f64::from(r.high - r.low);
    let (a, b) = (x(r.from), x(r.to));
    let p = 10f64.powf(a + share * (b - a));
    Some(if r.plain_log { p } else { p - 1.0 })
}

/// The same argument to the bit (`Arg`'s equality allows 12 digits).
fn same_arg(a: &Arg, b: &Arg) -> bool {
    match (a, b) {
        (Arg::Int(x), Arg::Int(y)) => x == y,
        (Arg::Num(x, dx), Arg::Num(y, dy)) => x.to_bits() == y.to_bits() && dx == dy,
        _ => false,
    }
}

#[test]
fn pow10_is_exact_for_whole_exponents() {
    for k in -22i32..=22 {
        let exact: f64 = format!("1e{k}").parse().unwrap_or(f64::NAN);
        assert_eq!(pow10(f64::from(k)).to_bits(), exact.to_bits(), "10^{k}");
    }
    assert_eq!(pow10(f64::INFINITY), f64::INFINITY);
    assert_eq!(pow10(f64::NEG_INFINITY), 0.0);
    assert!(pow10(f64::NAN).is_nan());
    assert_eq!(pow10(400.0), f64::INFINITY);
    assert_eq!(pow10(-400.0), 0.0);
}

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
    fn pow10_is_within_a_few_units_in_the_last_place_of_powf(x in -30.0f64..30.0) {
        let want = 10f64.powf(x);
        let got = pow10(x);
        prop_assert!((got - want).abs() <= 4.0 * f64::EPSILON * want, "10^{}: {} against {}", x, got, want);
    }

    #[test]
    fn round_arg_shows_what_powf_showed(
        x in -9.0f64..13.0,
        whole in 0u64..5_000_000,
        minus_one in any::<bool>(),
    ) {
        let v = 10f64.powf(x) - if minus_one { 1.0 } else { 0.0 };
        for v in [v, whole as f64, whole as f64 + 0.5, whole as f64 / 1000.0] {
            let (got, want) = (round_arg(v), round_arg_by_powf(v));
            prop_assert!(same_arg(&got, &want), "round_arg({}): {:?} against {:?}", v, got, want);
        }
    }

    #[test]
    fn ramp_zero_points_show_as_with_powf(
        from in prop_oneof![0.0f64..100.0, 0.0001f64..1.0, (0u32..20_000).prop_map(f64::from)],
        to in prop_oneof![0.0f64..100_000.0, 0.0001f64..10.0, (0u32..20_000).prop_map(f64::from)],
        low in -50i64..50,
        high in -50i64..50,
        plain in any::<bool>(),
    ) {
        let r = if plain { Ramp::ratio(from, to, low, high) } else { Ramp::new(from, to, low, high) };
        match (r.zero_at(), zero_by_powf(&r)) {
            (Some(got), Some(want)) => {
                prop_assert!((got - want).abs() <= 8.0 * f64::EPSILON * want.abs().max(1.0));
                // Two values this close show alike unless a rounding boundary
                // lies between them (a zero point on a tie such as 4,450: the
                // last bits decide between 4,400 and 4,500, either way honest).
                let tie = !same_arg(&round_arg_by_powf(got), &round_arg_by_powf(want));
                let (shown, wanted) = (round_arg(got), round_arg(want));
                prop_assert!(tie || same_arg(&shown, &wanted), "zero of {:?}: {:?} against {:?}", r, shown, wanted);
            }
            (None, None) => {}
            (got, want) => prop_assert!(false, "zero of {:?}: {:?} against {:?}", r, got, want),
        }
    }

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
