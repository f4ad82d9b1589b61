//! Numbers to and from text without `f64`'s own formatter and parser. Each costs a wasm bundle
//! several KB (`{:.1}` alone links an exact float printer, `str::parse::<f64>` a bignum
//! parser); these go through integer arithmetic and serde_json's number code, which every
//! bundle links anyway.

/// Below this, a whole f64 is exactly a u64 (and 64-bit arithmetic is native to wasm; 128-bit
/// would link its own division routines).
const WHOLE_LIMIT: f64 = 1.8e19;

/// A number with at most one decimal, none when whole: `3`, `2.5`, `-0.4`.
pub fn one_decimal(v: f64) -> String {
    let tenths = (v * 10.0).round();
    if !tenths.is_finite() || tenths.abs() >= WHOLE_LIMIT {
        return float_text(v);
    }
    let (sign, t) = (if tenths < 0.0 { "-" } else { "" }, tenths.abs() as u64);
    match t % 10 {
        0 => format!("{sign}{}", t / 10),
        d => format!("{sign}{}.{d}", t / 10),
    }
}

/// A number with exactly `places` decimals (at most 6), rounded half away from zero:
/// `fixed(2.5, 2)` is `2.50`.
pub fn fixed(v: f64, places: u32) -> String {
    let places = places.min(6);
    let scale = 10u64.pow(places);
    let scaled = (v * scale as f64).round();
    if !scaled.is_finite() || scaled.abs() >= WHOLE_LIMIT {
        return float_text(v);
    }
    let (sign, n) = (if scaled < 0.0 { "-" } else { "" }, scaled.abs() as u64);
    let (whole, part) = (n / scale, n % scale);
    if places == 0 {
        return format!("{sign}{whole}");
    }
    format!("{sign}{whole}.{part:0width$}", width = places as usize)
}

/// A float as people write it (`5`, `2.5`): whole values without a decimal point.
pub fn float_text(v: f64) -> String {
    if v.is_infinite() {
        return if v > 0.0 { "inf" } else { "-inf" }.to_owned();
    }
    if v.fract() == 0.0 && v.abs() < WHOLE_LIMIT {
        let sign = if v < 0.0 { "-" } else { "" };
        return format!("{sign}{}", v.abs() as u64);
    }
    serde_json::Number::from_f64(v).map(|n| n.to_string()).unwrap_or_else(|| "NaN".to_owned())
}

/// Reads a decimal number such as `12`, `-2.5`, `+3`, `.5`, `5.`, `007` or `1e3` (surrounding
/// spaces allowed). JSON's number grammar is stricter than people are, so the text is put in
/// its form first.
pub fn parse_number(s: &str) -> Option<f64> {
    let s = s.trim();
    let (negative, body) = match (s.strip_prefix('-'), s.strip_prefix('+')) {
        (Some(rest), _) => (true, rest),
        (_, Some(rest)) => (false, rest),
        _ => (false, s),
    };
    let starts_well = match body.as_bytes() {
        [d, ..] if d.is_ascii_digit() => true,
        [b'.', d, ..] => d.is_ascii_digit(),
        _ => false,
    };
    if !starts_well {
        return None;
    }
    let mut text = String::with_capacity(body.len() + 3);
    if negative {
        text.push('-');
    }
    let digits = body.trim_start_matches('0');
    if digits.is_empty() || !digits.as_bytes()[0].is_ascii_digit() {
        text.push('0');
    }
    let (mantissa, exponent) = match digits.find(['e', 'E']) {
        Some(i) => digits.split_at_checked(i).unwrap_or((digits, "")),
        None => (digits, ""),
    };
    text.push_str(mantissa);
    if mantissa.ends_with('.') {
        text.push('0');
    }
    text.push_str(exponent);
    // As a JSON value, not as `f64`: reading a typed f64 links serde's type-error messages,
    // which print floats with `f64`'s own formatter.
    match serde_json::from_slice(text.as_bytes()) {
        Ok(serde_json::Value::Number(n)) => n.as_f64(),
        _ => None,
    }
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
        assert_eq!(fixed(3.0, 1), "3.0");
        assert_eq!(fixed(3.33, 1), "3.3");
        assert_eq!(fixed(-1.25, 1), "-1.3");
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
        for (text, value) in [
            ("+3", 3.0),
            (".5", 0.5),
            ("-.5", -0.5),
            ("5.", 5.0),
            ("007", 7.0),
            ("0", 0.0),
            ("-0.25", -0.25),
            ("05.50", 5.5),
            ("1.e2", 100.0),
        ] {
            assert_eq!(parse_number(text), Some(value), "{text}");
        }
        assert_eq!(float_text(f64::INFINITY), "inf");
        assert_eq!(fixed(1e15, 2), "1000000000000000.00");
        for bad in ["", "abc", "1,5", "NaN", "2.5 days", "-", "+", ".", "e5", ".e5", "--1", "1..2", "0x10"] {
            assert_eq!(parse_number(bad), None, "{bad}");
        }
    }
}
