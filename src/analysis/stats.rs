//! Small numeric helpers for the analysis: shares with their denominators,
//! coefficient of variation, normalised entropy and the chi-square uniformity test.

use serde::Serialize;

/// `count` of `of` items had a property. Keeps the denominator so the
/// breakdown can say "12 of 40 posts" and a share of nothing stays "not seen".
#[derive(Serialize, Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Share {
    /// Items that had the property.
    pub count: usize,
    /// Items looked at.
    pub of: usize,
}

impl Share {
    /// A share; `count` is clamped to `of` so the value never leaves [0, 1].
    pub fn new(count: usize, of: usize) -> Self {
        Share {
            count: count.min(of),
            of,
        }
    }

    /// `count / of`, or `None` when there was nothing to count (`of == 0`).
    pub fn value(&self) -> Option<f64> {
        if self.of == 0 {
            None
        } else {
            Some(self.count as f64 / self.of as f64)
        }
    }

    /// `count / of`, with 0 when there was nothing to count.
    pub fn ratio(&self) -> f64 {
        self.value().unwrap_or(0.0)
    }
}

/// Arithmetic mean, `None` for no values.
pub fn mean(values: &[f64]) -> Option<f64> {
    if values.is_empty() {
        return None;
    }
    Some(values.iter().sum::<f64>() / values.len() as f64)
}

/// Coefficient of variation: population standard deviation over mean.
/// `None` for fewer than two values or a mean of zero (or not finite).
pub fn coefficient_of_variation(values: &[f64]) -> Option<f64> {
    if values.len() < 2 {
        return None;
    }
    let m = mean(values)?;
    if m <= 0.0 || !m.is_finite() {
        return None;
    }
    let var = values.iter().map(|v| (v - m) * (v - m)).sum::<f64>() / values.len() as f64;
    let cv = var.sqrt() / m;
    cv.is_finite().then_some(cv)
}

/// Shannon entropy of bucket counts divided by the largest entropy `total`
/// items could reach over `buckets` buckets (`ln(min(total, buckets))`):
/// 0 = everything in one bucket, 1 = spread as evenly as possible.
/// `None` when fewer than two items or fewer than two buckets.
pub fn normalized_entropy(counts: &[usize], buckets: usize) -> Option<f64> {
    let total: usize = counts.iter().sum();
    let reach = total.min(buckets);
    if total < 2 || reach < 2 {
        return None;
    }
    let t = total as f64;
    let h: f64 = counts
        .iter()
        .filter(|&&c| c > 0)
        .map(|&c| {
            let p = c as f64 / t;
            -p * p.ln()
        })
        .sum();
    Some((h / (reach as f64).ln()).clamp(0.0, 1.0))
}

/// Pearson's chi-square statistic of `counts` against a uniform distribution
/// over `counts.len()` buckets. `None` when there are no items or buckets.
pub fn chi_square_uniform(counts: &[usize]) -> Option<f64> {
    let total: usize = counts.iter().sum();
    if total == 0 || counts.is_empty() {
        return None;
    }
    let expected = total as f64 / counts.len() as f64;
    Some(
        counts
            .iter()
            .map(|&c| {
                let d = c as f64 - expected;
                d * d / expected
            })
            .sum(),
    )
}

/// Upper tail probability P(X >= `chi2`) of a chi-square distribution with
/// `df` degrees of freedom (the p-value of Pearson's test). 1 for `chi2 <= 0`;
/// `NaN` inputs or `df == 0` give 1 (no evidence).
pub fn chi_square_upper_tail(chi2: f64, df: u32) -> f64 {
    if df == 0 || chi2.is_nan() || chi2 <= 0.0 {
        return 1.0;
    }
    if chi2.is_infinite() {
        return 0.0;
    }
    upper_regularized_gamma(f64::from(df) / 2.0, chi2 / 2.0).clamp(0.0, 1.0)
}

/// Natural log of the gamma function for `x >= 0.5` (Lanczos, g = 7): the
/// only caller passes half a chi-square's degrees of freedom (`df >= 1`), so
/// the reflection formula for smaller `x` (and the sine it needs, about 8 KB
/// of wasm) is left out. Below 0.5 the series still gives a finite value, but
/// a less accurate one.
fn ln_gamma(x: f64) -> f64 {
    const COEF: [f64; 9] = [
        0.999_999_999_999_809_9,
        676.520_368_121_885_1,
        -1_259.139_216_722_402_8,
        771.323_428_777_653_1,
        -176.615_029_162_140_6,
        12.507_343_278_686_905,
        -0.138_571_095_265_720_12,
        9.984_369_578_019_572e-6,
        1.505_632_735_149_311_6e-7,
    ];
    let x = x - 1.0;
    let mut a = COEF[0];
    let t = x + 7.5;
    for (i, c) in COEF.iter().enumerate().skip(1) {
        a += c / (x + i as f64);
    }
    0.5 * (2.0 * std::f64::consts::PI).ln() + (x + 0.5) * t.ln() - t + a.ln()
}

/// Q(a, x), the regularized upper incomplete gamma function (Numerical Recipes:
/// series below `a + 1`, Lentz continued fraction above).
fn upper_regularized_gamma(a: f64, x: f64) -> f64 {
    const EPS: f64 = 1e-14;
    const TINY: f64 = 1e-300;
    const ITER: usize = 1000;
    let front = (-x + a * x.ln() - ln_gamma(a)).exp();
    if x < a + 1.0 {
        let mut ap = a;
        let mut del = 1.0 / a;
        let mut sum = del;
        for _ in 0..ITER {
            ap += 1.0;
            del *= x / ap;
            sum += del;
            if del.abs() < sum.abs() * EPS {
                break;
            }
        }
        1.0 - sum * front
    } else {
        let mut b = x + 1.0 - a;
        let mut c = 1.0 / TINY;
        let mut d = 1.0 / b;
        let mut h = d;
        for i in 1..ITER {
            let an = -(i as f64) * (i as f64 - a);
            b += 2.0;
            d = an * d + b;
            if d.abs() < TINY {
                d = TINY;
            }
            c = b + an / c;
            if c.abs() < TINY {
                c = TINY;
            }
            d = 1.0 / d;
            let del = d * c;
            h *= del;
            if (del - 1.0).abs() < EPS {
                break;
            }
        }
        front * h
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ln_gamma_matches_factorials() {
        // Γ(5) = 24, Γ(0.5) = √π
        assert!((ln_gamma(5.0) - 24f64.ln()).abs() < 1e-12);
        assert!((ln_gamma(0.5) - std::f64::consts::PI.sqrt().ln()).abs() < 1e-12);
    }

    #[test]
    fn chi_square_tail_is_right_from_one_degree_of_freedom() {
        // df = 1 is the smallest gamma argument (a = 0.5): 3.841459 is the
        // 5% critical value; df = 2 has the closed form exp(-x/2).
        assert!((chi_square_upper_tail(3.841_458_820_694_124, 1) - 0.05).abs() < 1e-9);
        for x in [0.5, 2.0, 7.0, 30.0] {
            assert!((chi_square_upper_tail(x, 2) - (-x / 2.0).exp()).abs() < 1e-12);
        }
        // df = 59 (the timeline's test): 77.93 is about the 5% critical value.
        assert!((chi_square_upper_tail(77.930_8, 59) - 0.05).abs() < 1e-4);
    }
}
