//! Tag chips: the tag's colour when it is a plain hex colour, with text that stays readable.

use leptos::prelude::*;

/// `#rgb` or `#rrggbb` as (r, g, b); anything else (a server could send any text) is refused.
pub fn parse_hex(color: &str) -> Option<(u8, u8, u8)> {
    let hex = color.trim().strip_prefix('#')?;
    if !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    let digit = |i: usize, n: usize| u8::from_str_radix(&hex[i..i + n], 16).ok();
    match hex.len() {
        3 => Some((digit(0, 1)? * 17, digit(1, 1)? * 17, digit(2, 1)? * 17)),
        6 => Some((digit(0, 2)?, digit(2, 2)?, digit(4, 2)?)),
        _ => None,
    }
}

/// Black or white, whichever reads better on `rgb` (WCAG relative luminance; pure black, as
/// `#111` stays under 4.5:1 on mid-tone tags such as `#e91e63`).
pub fn text_on(rgb: (u8, u8, u8)) -> &'static str {
    let lin = |c: u8| {
        let c = f64::from(c) / 255.0;
        if c <= 0.039_28 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    let l = 0.2126 * lin(rgb.0) + 0.7152 * lin(rgb.1) + 0.0722 * lin(rgb.2);
    if l > 0.179 {
        "#000"
    } else {
        "#fff"
    }
}

#[component]
pub fn TagChip(#[prop(into)] name: String, #[prop(optional, into)] color: Option<String>) -> impl IntoView {
    let rgb = color.as_deref().and_then(parse_hex);
    let bg = rgb.map(|(r, g, b)| format!("rgb({r},{g},{b})"));
    let fg = rgb.map(text_on);
    view! { <span class="chip" style:background-color=bg style:color=fg>{name}</span> }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chip_text_reads_at_4_5_to_1_on_mid_tones() {
        assert_eq!(text_on((0xe9, 0x1e, 0x63)), "#000", "pink: black is 4.7:1, #111 only 4.3:1");
        assert_eq!(text_on((0x25, 0x57, 0xd6)), "#fff");
        assert_eq!(text_on((0xff, 0xff, 0xff)), "#000");
    }
}
