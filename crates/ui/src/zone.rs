//! Naming the zone of a time on screen (`Manila time, UTC+8`), for the panel (crates/admin/src/
//! zone.rs builds its time pages on these) and the widgets: wall clocks and offsets come from
//! the browser's `Intl.DateTimeFormat` with `timeZone` (no zone tables in the wasm).

use js_sys::{Array, Intl, Object, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use webwork_core::zone::zone_city;

use crate::i18n::t_or;

/// `Manila time`, the first half of a zone's label (`UTC` for UTC itself): message
/// `zone-city-time` of the host's catalog.
pub fn zone_time(zone: &str) -> String {
    match zone {
        "UTC" | "Etc/UTC" | "Etc/GMT" | "GMT" => "UTC".to_owned(),
        _ => {
            let city = zone_city(zone);
            t_or("zone-city-time", &[("city", city.as_str().into())], || format!("{city} time"))
        }
    }
}

/// The viewer's IANA zone, from the browser (`UTC` if it does not say).
pub fn viewer_zone() -> String {
    let dtf = Intl::DateTimeFormat::new(&Array::new(), &Object::new());
    Reflect::get(&dtf.resolved_options(), &"timeZone".into()).ok().and_then(|v| v.as_string()).unwrap_or_else(|| "UTC".to_owned())
}

/// A wall clock read through Intl: date `YYYY-MM-DD`, `HH:mm`, and the offset label (`UTC+8`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Wall {
    pub date: String,
    pub clock: String,
    pub offset: String,
}

/// The wall clock of instant `ms` in `zone` (None when the browser does not know the zone).
pub fn wall_clock(ms: f64, zone: &str) -> Option<Wall> {
    let options = Object::new();
    for (k, v) in [
        ("timeZone", zone),
        ("year", "numeric"),
        ("month", "2-digit"),
        ("day", "2-digit"),
        ("hour", "2-digit"),
        ("minute", "2-digit"),
        ("hourCycle", "h23"),
        ("timeZoneName", "shortOffset"),
    ] {
        Reflect::set(&options, &k.into(), &v.into()).ok()?;
    }
    // en-US digits and a `GMT+8` offset name whatever the page's language; the text is ours.
    let parts = format_to_parts(&Array::of1(&"en-US".into()), &options, ms)?;
    // A list, not a HashMap: eight parts, and a map's hashing would cost the widget bundle kilobytes.
    let mut got: Vec<(String, String)> = Vec::new();
    for part in parts.iter() {
        let kind = Reflect::get(&part, &"type".into()).ok()?.as_string()?;
        let value = Reflect::get(&part, &"value".into()).ok()?.as_string()?;
        got.push((kind, value));
    }
    let field = |k: &str| got.iter().find(|(kind, _)| kind == k).map(|(_, v)| v.clone());
    let gmt = field("timeZoneName")?;
    let offset = match gmt.trim_start_matches("GMT").trim_start_matches("UTC") {
        "" | "+0" | "-0" | "+00:00" => "UTC".to_owned(),
        rest => format!("UTC{rest}"),
    };
    Some(Wall {
        date: format!("{}-{}-{}", field("year")?, field("month")?, field("day")?),
        clock: format!("{}:{}", field("hour")?, field("minute")?),
        offset,
    })
}

/// `new Intl.DateTimeFormat(locales, options).formatToParts(new Date(ms))` through `Reflect`, so
/// the RangeError of a zone the browser does not know comes back as None instead of a trap.
fn format_to_parts(locales: &Array, options: &Object, ms: f64) -> Option<Array> {
    let intl = Reflect::get(&js_sys::global(), &"Intl".into()).ok()?;
    let ctor: js_sys::Function = Reflect::get(&intl, &"DateTimeFormat".into()).ok()?.dyn_into().ok()?;
    let dtf = Reflect::construct(&ctor, &Array::of2(locales, options)).ok()?;
    let f: js_sys::Function = Reflect::get(&dtf, &"formatToParts".into()).ok()?.dyn_into().ok()?;
    f.call1(&dtf, &js_sys::Date::new(&JsValue::from_f64(ms))).ok()?.dyn_into().ok()
}

/// `Manila time, UTC+8`: the zone's city (from its IANA name) and its offset at instant `ms`.
pub fn zone_label(zone: &str, ms: f64) -> String {
    let offset = wall_clock(ms, zone).map(|w| w.offset).unwrap_or_else(|| "UTC".to_owned());
    match zone_time(zone) {
        name if name == offset => name,
        name => format!("{name}, {offset}"),
    }
}
