//! Numbers to and from text without `f64`'s own formatter and parser. Each costs a wasm bundle
//! several KB (`{:.1}` alone links an exact float printer, `str::parse::<f64>` a bignum
//! parser); these go through integer arithmetic and serde_json's number code, which every
//! bundle links anyway.

/// A number with at most one decimal, none when whole: `3`, `2.5`, `-0.4`.
pub fn one_decimal(v: f64) -> String {
    let tenths = (v * 10.0).round();
    if !tenths.is_finite() || tenths.abs() >= 9.0e15 {
        return float_text(v);
    }
    let t = tenths as i64;
    let sign = if t < 0 { "-" } else { "" };
    match t.abs() % 10 {
        0 => format!("{sign}{}", t.abs() / 10),
        d => format!("{sign}{}.{d}", t.abs() / 10),
    }
}

/// A number with exactly one decimal: `3.0`, `2.5`.
pub fn fixed_one(v: f64) -> String {
    fixed(v, 1)
}

/// A number with exactly `places` decimals (at most 6), rounded: `fixed(2.5, 2)` is `2.50`.
pub fn fixed(v: f64, places: u32) -> String {
    let places = places.min(6);
    let scale = 10i64.pow(places);
    let scaled = (v * scale as f64).round();
    if !scaled.is_finite() || scaled.abs() >= 9.0e15 {
        return float_text(v);
    }
    let n = scaled as i64;
    let sign = if n < 0 { "-" } else { "" };
    let (whole, part) = (n.abs() / scale, n.abs() % scale);
    if places == 0 {
        return format!("{sign}{whole}");
    }
    format!("{sign}{whole}.{part:0width$}", width = places as usize)
}

/// A float as people write it (`5`, `2.5`): whole values without a decimal point.
pub fn float_text(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 9.0e15 {
        return (v as i64).to_string();
    }
    serde_json::Number::from_f64(v).map(|n| n.to_string()).unwrap_or_else(|| "NaN".to_owned())
}

/// Reads a decimal number such as `12`, `-2.5` or `1e3` (surrounding spaces allowed).
pub fn parse_number(s: &str) -> Option<f64> {
    serde_json::from_slice(s.trim().as_bytes()).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_decimal_rounds_and_drops_zero() {
        assert_eq!(one_decimal(3.0), "3");
        assert_eq!(one_decimal(200.0 / 60.0), "3.3");
        assert_eq!(one_decimal(2.45), "2.5");
        assert_eq!(one_decimal(-0.44), "-0.4");
        assert_eq!(one_decimal(0.04), "0");
        assert_eq!(fixed_one(3.0), "3.0");
        assert_eq!(fixed_one(3.33), "3.3");
        assert_eq!(fixed_one(-1.25), "-1.3");
        assert_eq!(fixed(2.5, 2), "2.50");
        assert_eq!(fixed(1234.005, 2), "1234.01");
        assert_eq!(fixed(0.07, 2), "0.07");
        assert_eq!(fixed(-0.5, 0), "-1");
    }

    #[test]
    fn float_text_and_parse() {
        assert_eq!(float_text(5.0), "5");
        assert_eq!(float_text(2.5), "2.5");
        assert_eq!(parse_number(" 2.5 "), Some(2.5));
        assert_eq!(parse_number("10"), Some(10.0));
        assert_eq!(parse_number("-3e2"), Some(-300.0));
        for bad in ["", "abc", "1,5", "NaN", "2.5 days"] {
            assert_eq!(parse_number(bad), None, "{bad}");
        }
    }
}
