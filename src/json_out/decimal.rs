//! Printing floats without `core::fmt`'s float code (about 20 KB of the
//! wasm): [`fixed`] is exactly `format!("{:.*}", d, v)` and [`shortest`] is
//! exactly `format!("{v}")`, checked against both by property tests
//! (tests/decimal_props.rs). Fixed decimals are rounded from the float's
//! exact binary value, ties to even, as `core` does; the shortest digits
//! come from `zmij`, serde_json's float printer, which JSON output uses too.

/// The float as `mantissa * 2^exp` (mantissa without trailing zero bits).
fn parts(v: f64) -> (u64, i32) {
    let bits = v.to_bits();
    let exp_bits = ((bits >> 52) & 0x7ff) as i32;
    let frac = bits & ((1u64 << 52) - 1);
    let (mut m, mut e) = if exp_bits == 0 {
        (frac, -1074)
    } else {
        (frac | (1u64 << 52), exp_bits - 1075)
    };
    if m == 0 {
        return (0, 0);
    }
    let tz = if e < 0 {
        m.trailing_zeros().min(e.unsigned_abs())
    } else {
        0
    };
    m >>= tz;
    e += tz as i32;
    (m, e)
}

/// Little-endian decimal digits of `n`.
fn digits_le(mut n: u64) -> Vec<u8> {
    let mut out = Vec::with_capacity(20);
    loop {
        out.push((n % 10) as u8);
        n /= 10;
        if n == 0 {
            return out;
        }
    }
}

/// `digits *= f` (little-endian decimal digits, `f` a small factor).
fn mul_small(digits: &mut Vec<u8>, f: u8) {
    let mut carry = 0u32;
    for d in digits.iter_mut() {
        let x = u32::from(*d) * u32::from(f) + carry;
        *d = (x % 10) as u8;
        carry = x / 10;
    }
    while carry > 0 {
        digits.push((carry % 10) as u8);
        carry /= 10;
    }
}

/// `|v|` scaled by `10^d` and rounded (ties to even), as little-endian
/// decimal digits: exact for every finite float.
fn scaled_le(v: f64, d: usize) -> Vec<u8> {
    let (m, e) = parts(v.abs());
    if m == 0 {
        return vec![0];
    }
    if e >= 0 {
        let mut digits = digits_le(m);
        for _ in 0..e {
            mul_small(&mut digits, 2);
        }
        digits.splice(0..0, std::iter::repeat(0).take(d));
        return digits;
    }
    let k = e.unsigned_abs();
    // Fast path: m * 10^d fits a u64 and the shift is in range.
    if d <= 2 && k < 64 {
        let n = m * 10u64.pow(d as u32);
        let q = n >> k;
        let r = n & ((1u64 << k) - 1);
        let half = 1u64 << (k - 1);
        let up = r > half || (r == half && q & 1 == 1);
        return digits_le(q + u64::from(up));
    }
    // Exact: |v| = m * 5^k / 10^k.
    let mut digits = digits_le(m);
    for _ in 0..k {
        mul_small(&mut digits, 5);
    }
    let frac = k as usize;
    if frac <= d {
        digits.splice(0..0, std::iter::repeat(0).take(d - frac));
        return digits;
    }
    let cut = frac - d;
    while digits.len() <= cut {
        digits.push(0);
    }
    let first = digits[cut - 1];
    let rest = digits[..cut - 1].iter().any(|&x| x != 0);
    let mut kept: Vec<u8> = digits.split_off(cut);
    let up = first > 5 || (first == 5 && (rest || kept[0] & 1 == 1));
    if up {
        let mut i = 0;
        loop {
            if i == kept.len() {
                kept.push(1);
                break;
            }
            if kept[i] == 9 {
                kept[i] = 0;
                i += 1;
            } else {
                kept[i] += 1;
                break;
            }
        }
    }
    kept
}

/// The start of `v`'s text as core::fmt writes it: its sign ("-" or ""),
/// or, for NaN and the infinities, the whole text ("NaN", "inf", "-inf").
fn sign_or_special(v: f64) -> Result<String, String> {
    if v.is_nan() {
        return Err("NaN".to_string());
    }
    let sign = if v.is_sign_negative() { "-" } else { "" };
    if v.is_infinite() {
        return Err([sign, "inf"].concat());
    }
    Ok(sign.to_string())
}

/// `v` with exactly `d` decimals: the same text as `format!("{:.*}", d, v)`
/// ("NaN", "inf", "-0.00", ...).
pub fn fixed(v: f64, d: usize) -> String {
    let mut out = match sign_or_special(v) {
        Ok(sign) => sign,
        Err(done) => return done,
    };
    let mut digits = scaled_le(v, d);
    while digits.len() > d + 1 && digits.last() == Some(&0) {
        digits.pop();
    }
    while digits.len() < d + 1 {
        digits.push(0);
    }
    for (i, x) in digits.iter().enumerate().rev() {
        out.push(char::from(b'0' + x));
        if i == d && d > 0 {
            out.push('.');
        }
    }
    out
}

/// `v` in its shortest round-trip form, never with an exponent: the same
/// text as `format!("{v}")` ("0.3", "1", "100000000000000000000", "NaN").
pub fn shortest(v: f64) -> String {
    let mut out = match sign_or_special(v) {
        Ok(sign) => sign,
        Err(done) => return done,
    };
    let mut buffer = zmij::Buffer::new();
    let written = buffer.format_finite(v.abs());
    let e = written.bytes().position(|b| b == b'e' || b == b'E');
    let (mant, exp) = match e.and_then(|e| Some((written.get(..e)?, written.get(e + 1..)?))) {
        Some((m, x)) => (m, x.trim_start_matches('+').parse::<i64>().unwrap_or(0)),
        None => (written, 0),
    };
    let (int, frac) = mant.split_once('.').unwrap_or((mant, ""));
    let all: String = format!("{int}{frac}");
    let mut point = int.len() as i64 + exp;
    let lead = all.len() - all.trim_start_matches('0').len();
    point -= lead as i64;
    let mut digits: Vec<u8> = all
        .trim_start_matches('0')
        .trim_end_matches('0')
        .bytes()
        .map(|b| b - b'0')
        .collect();
    if digits.is_empty() {
        out.push('0');
        return out;
    }
    if exact_tie_below(
        v.abs(),
        point - digits.len() as i64,
        digits[digits.len() - 1],
    ) {
        // core breaks a tie between two shortest forms upwards.
        let mut i = digits.len();
        loop {
            if i == 0 {
                digits.insert(0, 1);
                point += 1;
                break;
            }
            i -= 1;
            if digits[i] == 9 {
                digits[i] = 0;
            } else {
                digits[i] += 1;
                break;
            }
        }
        while digits.last() == Some(&0) {
            digits.pop();
        }
    }
    let digits: String = digits.iter().map(|&x| char::from(b'0' + x)).collect();
    let digits = digits.as_str();
    let len = digits.len() as i64;
    if point <= 0 {
        out.push_str("0.");
        out.extend(std::iter::repeat('0').take(point.unsigned_abs() as usize));
        out.push_str(digits);
    } else if point >= len {
        out.push_str(digits);
        out.extend(std::iter::repeat('0').take((point - len) as usize));
    } else {
        let (a, b) = digits.split_at(point as usize);
        out.push_str(a);
        out.push('.');
        out.push_str(b);
    }
    out
}

/// True when the exact value of `v` (positive, finite) is, below the digit
/// worth `10^last`, exactly one half of it, and that digit is `shown`: the
/// shortest form was rounded down from a tie.
fn exact_tie_below(v: f64, last: i64, shown: u8) -> bool {
    let (m, e) = parts(v);
    let mut digits = digits_le(m);
    let frac = if e >= 0 {
        for _ in 0..e {
            mul_small(&mut digits, 2);
        }
        0i64
    } else {
        for _ in 0..e.unsigned_abs() {
            mul_small(&mut digits, 5);
        }
        i64::from(e.unsigned_abs())
    };
    // The digit worth 10^j sits at index j + frac.
    let at = last + frac;
    if at < 1 {
        return false;
    }
    let at = at as usize;
    let digit = |i: usize| digits.get(i).copied().unwrap_or(0);
    digit(at) == shown && digit(at - 1) == 5 && (0..at - 1).all(|i| digit(i) == 0)
}
