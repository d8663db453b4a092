//! Property tests: the wasm-friendly float printers in
//! `followback::json_out` print exactly what `core::fmt` prints.

use followback::json_out::{fixed, shortest};
use proptest::prelude::*;

fn check_fixed(v: f64) {
    for d in 0..=4 {
        assert_eq!(fixed(v, d), format!("{:.*}", d, v), "fixed({v:e}, {d})");
    }
}

fn check_shortest(v: f64) {
    assert_eq!(shortest(v), format!("{v}"), "shortest({v:e})");
}

#[test]
fn edge_values_match_core_fmt() {
    let edges = [
        0.0,
        -0.0,
        0.5,
        1.5,
        2.5,
        -2.5,
        0.125,
        0.375,
        1.005,
        1.015,
        0.045,
        9.995,
        99.5,
        0.1,
        0.3,
        1.0 / 3.0,
        123456.785,
        f64::MIN_POSITIVE,
        5e-324,
        f64::MAX,
        f64::MIN,
        1e15,
        9.0e15,
        1e16,
        1e20,
        1e22,
        1e23,
        4503599627370495.5,
        9007199254740993.0,
        1e-7,
        1.5e-7,
        0.0001,
        f64::NAN,
        f64::INFINITY,
        f64::NEG_INFINITY,
        f64::EPSILON,
        // A tie between two shortest forms (core rounds it up).
        f64::from_bits(14057330356598307197),
        // A tie between two shortest forms (core rounds it up).
        f64::from_bits(14057330356598307197),
    ];
    for v in edges {
        check_fixed(v);
        check_shortest(v);
    }
}

proptest! {
    // Every bit pattern costs big-number work in a debug build: 3,000 cases
    // keep this file under half a minute.
    #![proptest_config(ProptestConfig::with_cases(3000))]

    #[test]
    fn any_bits_match_core_fmt(bits in any::<u64>()) {
        let v = f64::from_bits(bits);
        check_fixed(v);
        check_shortest(v);
    }

    #[test]
    fn everyday_values_match_core_fmt(v in -100_000.0f64..100_000.0) {
        check_fixed(v);
        check_shortest(v);
    }

    #[test]
    fn hundredths_and_halves_match_core_fmt(n in -1_000_000i64..1_000_000, div in prop::sample::select(vec![2.0, 4.0, 8.0, 10.0, 100.0, 1000.0, 200.0, 40.0])) {
        let v = n as f64 / div;
        check_fixed(v);
        check_shortest(v);
    }
}
