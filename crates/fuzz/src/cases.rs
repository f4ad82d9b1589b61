//! The answers the fuzzer feeds the readers: real answers from the sandbox's seed (the corpus)
//! mutated at the JSON level, generated envelopes, and byte-level damage (truncation, invalid
//! UTF-8, deep nesting, huge fields). Case `i` under seed `s` is a pure function of (s, i).

use serde_json::{json, Map, Number, Value};
use webwork_core::ops::CATALOG;

use crate::rng::Rng;

/// The largest body a case makes: enough for megabyte strings and 100k-element lists, small
/// enough that a million cases stay in memory bounds.
pub const MAX_BODY: usize = 4 << 20;

/// One answer to feed the readers.
#[derive(Clone, Debug)]
pub struct Case {
    pub index: u64,
    /// Index into `CATALOG`: whose typed output reads it.
    pub op: usize,
    pub status: u16,
    pub retry_after_ms: Option<u64>,
    pub body: Vec<u8>,
    pub kind: Kind,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// A real answer with fields removed, nulled, retyped, renamed, grown or repeated.
    Mutated,
    /// An envelope made up from the field names of the real answers.
    Generated,
    /// A valid answer cut short.
    Truncated,
    /// Invalid UTF-8 inside or around a valid answer.
    BadUtf8,
    /// Random bytes, some from JSON's alphabet.
    Bytes,
    /// A megabyte string, a 100k-item list, a 100k-key object, numbers beyond any type.
    Huge,
    /// Up to 100,000 nested lists or objects.
    Deep,
}

pub const KINDS: [Kind; 7] = [Kind::Mutated, Kind::Generated, Kind::Truncated, Kind::BadUtf8, Kind::Bytes, Kind::Huge, Kind::Deep];

impl Kind {
    pub fn name(self) -> &'static str {
        match self {
            Kind::Mutated => "mutated real answers",
            Kind::Generated => "generated envelopes",
            Kind::Truncated => "truncated bodies",
            Kind::BadUtf8 => "invalid UTF-8",
            Kind::Bytes => "random bytes",
            Kind::Huge => "huge fields",
            Kind::Deep => "deep nesting",
        }
    }
}

/// The seed answers and every object key seen in them.
pub struct Corpus {
    /// (operation id, status, body).
    pub answers: Vec<(String, u16, Value)>,
    pub keys: Vec<String>,
}

impl Corpus {
    /// The committed corpus (corpus/answers.json, recorded from the sandbox's demo seed).
    pub fn committed() -> Corpus {
        Corpus::from_json(include_str!("../corpus/answers.json")).expect("corpus/answers.json is the recorder's output")
    }

    pub fn from_json(text: &str) -> Result<Corpus, String> {
        let list: Vec<Value> = serde_json::from_str(text).map_err(|e| e.to_string())?;
        let mut answers = Vec::new();
        let mut keys = Vec::new();
        for item in list {
            let op = item["op"].as_str().ok_or("an answer without `op`")?.to_owned();
            let status = item["status"].as_u64().unwrap_or(200) as u16;
            collect_keys(&item["body"], &mut keys);
            answers.push((op, status, item["body"].clone()));
        }
        if answers.is_empty() {
            return Err("the corpus is empty".into());
        }
        keys.sort();
        keys.dedup();
        Ok(Corpus { answers, keys })
    }

    /// A seed answer: one recorded for `op` when there is one (most of the time), else any.
    fn seed_for(&self, op: &str, rng: &mut Rng) -> Value {
        let own: Vec<&(String, u16, Value)> = self.answers.iter().filter(|(id, status, _)| id == op && *status < 300).collect();
        if !own.is_empty() && rng.chance(75) {
            own[rng.index(own.len())].2.clone()
        } else {
            rng.pick(&self.answers).2.clone()
        }
    }
}

fn collect_keys(v: &Value, keys: &mut Vec<String>) {
    match v {
        Value::Object(map) => {
            for (k, child) in map {
                if !keys.contains(k) {
                    keys.push(k.clone());
                }
                collect_keys(child, keys);
            }
        }
        Value::Array(items) => items.iter().for_each(|i| collect_keys(i, keys)),
        _ => {}
    }
}

/// Case `index` under `seed`. Every operation's output gets the same share: case `i` is read by
/// operation `i % CATALOG.len()`.
pub fn case(seed: u64, index: u64, corpus: &Corpus) -> Case {
    let mut rng = Rng::for_case(seed, index);
    let op = (index % CATALOG.len() as u64) as usize;
    let id = CATALOG[op].id;
    let status = if rng.chance(85) {
        200
    } else {
        let any = rng.below(500) as u16 + 100;
        *rng.pick(&[200, 201, 204, 299, 301, 400, 401, 403, 404, 405, 409, 422, 429, 500, 502, 503, 504, any])
    };
    let retry_after_ms = rng.chance(10).then(|| rng.below(1 << 40));
    let roll = rng.below(100);
    let kind = match roll {
        0..42 => Kind::Mutated,
        42..66 => Kind::Generated,
        66..77 => Kind::Truncated,
        77..88 => Kind::BadUtf8,
        88..97 => Kind::Bytes,
        // Few but large: megabytes each, most of the run's time.
        97..98 => Kind::Huge,
        _ => Kind::Deep,
    };
    let body = match kind {
        Kind::Mutated => {
            let mut v = corpus.seed_for(id, &mut rng);
            for _ in 0..=rng.below(8) {
                mutate(&mut v, &mut rng, &corpus.keys, 0);
            }
            text(&v)
        }
        Kind::Generated => text(&envelope(&mut rng, &corpus.keys)),
        Kind::Truncated => {
            let mut v = corpus.seed_for(id, &mut rng);
            if rng.chance(50) {
                mutate(&mut v, &mut rng, &corpus.keys, 0);
            }
            let mut b = text(&v);
            b.truncate(rng.index(b.len() + 1));
            b
        }
        Kind::BadUtf8 => bad_utf8(text(&corpus.seed_for(id, &mut rng)), &mut rng),
        Kind::Bytes => bytes(&mut rng),
        Kind::Huge => {
            let mut v = corpus.seed_for(id, &mut rng);
            let huge = huge(&mut rng, &corpus.keys);
            place(&mut v, huge, &mut rng);
            text(&v)
        }
        Kind::Deep => deep(&mut rng),
    };
    let mut body = body;
    body.truncate(MAX_BODY);
    Case { index, op, status, retry_after_ms, body, kind }
}

fn text(v: &Value) -> Vec<u8> {
    serde_json::to_vec(v).unwrap_or_default()
}

/// A scalar of any JSON type, biased to what breaks readers: boundaries, numeric text, dates
/// that are not dates, blank and odd text.
fn scalar(rng: &mut Rng) -> Value {
    match rng.below(22) {
        0 => Value::Null,
        1 => Value::Bool(rng.chance(50)),
        2 => json!(rng.below(1000) as i64 - 500),
        3 => json!(u64::MAX),
        4 => json!(i64::MIN),
        5 => json!(i64::MAX),
        6 => Value::Number(Number::from_f64(f64::MAX).expect("finite")),
        7 => json!(-0.0),
        8 => json!(1.5e-300),
        9 => json!(rng.next() as f64 / 3.0),
        10 => json!(""),
        11 => json!(" "),
        12 => json!(rng.pick(&["12", " 7 ", "1e3", "-1", "0x10", "NaN", "Infinity", "1e400", "18446744073709551616", "3.", ".5"])),
        13 => json!(rng.pick(&["yes", "no", "TRUE", "off", "1", "0", "maybe"])),
        14 => json!(rng.pick(&[
            "2026-03-04",
            "2026-13-45",
            "2026-02-30",
            "0000-00-00",
            "9999-12-31",
            "2026-03-04T25:61:00Z",
            "2026-03-04 09:00:00",
            "04/03/2026",
            "T"
        ])),
        15 => json!(rng.pick(&["Owner", "owner", "OWNER", "Project viewer", "active", "Archived", "approved", "pending", "unknown value"])),
        16 => json!(rng.pick(&["\u{0}", "\u{feff}", "é", "日本", "😀", "\u{202e}rtl", "a\"b", "line\r\nbreak", "=1+2", "\\"])),
        17 => json!("x".repeat(rng.index(300))),
        18 => json!(rng.next()),
        19 => json!(-(rng.below(1 << 53) as i64)),
        20 => json!([]),
        _ => json!({}),
    }
}

/// A value up to `depth` levels deep, objects keyed mostly by the real answers' field names.
fn value(rng: &mut Rng, keys: &[String], depth: u32) -> Value {
    if depth == 0 || rng.chance(55) {
        return scalar(rng);
    }
    if rng.chance(50) {
        Value::Array((0..rng.below(6)).map(|_| value(rng, keys, depth - 1)).collect())
    } else {
        Value::Object(object(rng, keys, depth))
    }
}

fn object(rng: &mut Rng, keys: &[String], depth: u32) -> Map<String, Value> {
    (0..rng.below(10)).map(|_| (key(rng, keys), value(rng, keys, depth.saturating_sub(1)))).collect()
}

fn key(rng: &mut Rng, keys: &[String]) -> String {
    if !keys.is_empty() && rng.chance(85) {
        rng.pick(keys).clone()
    } else {
        rng.pick(&["", "data", "id", "ID", "Id", "__proto__", "constructor", "toString", "0", "é", "a.b", "date"]).to_string()
    }
}

/// A whole envelope with every part possibly missing, null or of the wrong type.
fn envelope(rng: &mut Rng, keys: &[String]) -> Value {
    let mut root = Map::new();
    let mut part = |rng: &mut Rng, name: &str, good: Value| match rng.below(10) {
        0 => {}
        1 => {
            root.insert(name.into(), Value::Null);
        }
        2 | 3 => {
            root.insert(name.into(), value(rng, keys, 2));
        }
        _ => {
            root.insert(name.into(), good);
        }
    };
    part(rng, "success", json!(true));
    let data = if rng.chance(50) {
        Value::Array((0..rng.below(8)).map(|_| Value::Object(object(rng, keys, 3))).collect())
    } else {
        value(rng, keys, 4)
    };
    part(rng, "data", data);
    part(rng, "message", json!("ok"));
    let pagination = pagination(rng);
    part(rng, "meta", json!({"api_version": "2.0.0", "timestamp": "2026-03-04T09:00:00Z", "pagination": pagination}));
    if rng.chance(15) {
        root.insert("pagination".into(), self::pagination(rng));
    }
    if rng.chance(10) {
        root.insert("saved_minutes".into(), scalar(rng));
    }
    if rng.chance(10) {
        root.insert("errors".into(), json!({"email": ["taken", 1, null], "x": "text"}));
        root.insert("error".into(), value(rng, keys, 2));
    }
    Value::Object(root)
}

fn pagination(rng: &mut Rng) -> Value {
    let mut p = Map::new();
    for name in ["total", "per_page", "current_page", "page", "last_page", "from", "to"] {
        if rng.chance(80) {
            let v = if rng.chance(60) { json!(rng.below(2000)) } else { scalar(rng) };
            p.insert(name.into(), v);
        }
    }
    Value::Object(p)
}

/// One change at a random place of `v`: a node replaced, retyped, removed, renamed, repeated.
fn mutate(v: &mut Value, rng: &mut Rng, keys: &[String], depth: u32) {
    let children = match v {
        Value::Object(m) => m.len(),
        Value::Array(a) => a.len(),
        _ => 0,
    };
    // Go deeper most of the time, so changes land on fields as well as on the envelope.
    if children > 0 && depth < 12 && rng.chance(70) {
        let i = rng.index(children);
        match v {
            Value::Object(m) => {
                if let Some((_, child)) = m.iter_mut().nth(i) {
                    mutate(child, rng, keys, depth + 1);
                }
            }
            Value::Array(a) => mutate(&mut a[i], rng, keys, depth + 1),
            _ => {}
        }
        return;
    }
    match (rng.below(10), &mut *v) {
        (0, Value::Object(m)) if !m.is_empty() => {
            let k = m.keys().nth(rng.index(m.len())).cloned().unwrap_or_default();
            m.shift_remove(&k);
        }
        (1, Value::Object(m)) => {
            m.insert(key(rng, keys), value(rng, keys, 3));
        }
        (2, Value::Object(m)) if !m.is_empty() => {
            // A field under another (known) name: the same value where another type is expected.
            let k = m.keys().nth(rng.index(m.len())).cloned().unwrap_or_default();
            if let Some(moved) = m.shift_remove(&k) {
                m.insert(key(rng, keys), moved);
            }
        }
        (3, Value::Array(a)) if !a.is_empty() => {
            let item = a[rng.index(a.len())].clone();
            for _ in 0..rng.below(200) {
                a.push(item.clone());
            }
        }
        (4, Value::Array(a)) => a.truncate(rng.index(a.len() + 1)),
        (5, Value::String(s)) => *s = numberish(rng, s),
        (6, Value::Number(n)) => {
            let f = n.as_f64().unwrap_or(0.0);
            *v = match rng.below(4) {
                0 => json!(f.to_string()),
                1 => Number::from_f64(-f * 1e300).map_or(Value::Null, Value::Number),
                2 => json!(f + 0.5),
                _ => json!(-f),
            };
        }
        (7, _) => *v = Value::Null,
        (8, _) => *v = value(rng, keys, 3),
        _ => *v = scalar(rng),
    }
}

fn numberish(rng: &mut Rng, s: &str) -> String {
    match rng.below(5) {
        0 => format!(" {s} "),
        1 => s.to_uppercase(),
        2 => s.chars().take(rng.index(s.chars().count() + 1)).collect(),
        3 => format!("{s}{}", "9".repeat(rng.index(400))),
        _ => String::new(),
    }
}

/// Puts `new` at a random place of `v` (under `data` most of the time).
fn place(v: &mut Value, new: Value, rng: &mut Rng) {
    let steps = rng.below(4);
    match v {
        Value::Object(m) if m.contains_key("data") && rng.chance(85) => place_in(m.get_mut("data").expect("checked"), new, rng, steps),
        _ => place_in(v, new, rng, steps),
    }
}

fn place_in(v: &mut Value, new: Value, rng: &mut Rng, steps: u64) {
    let child = match v {
        Value::Object(m) if steps > 0 && !m.is_empty() => {
            let i = rng.index(m.len());
            m.iter_mut().nth(i).map(|(_, c)| c)
        }
        Value::Array(a) if steps > 0 && !a.is_empty() => {
            let i = rng.index(a.len());
            a.get_mut(i)
        }
        _ => None,
    };
    match child {
        Some(c) if c.is_object() || c.is_array() => place_in(c, new, rng, steps - 1),
        Some(c) => *c = new,
        None => *v = new,
    }
}

/// A value at the limits: megabytes of text, 100k items or keys, numbers beyond any integer type.
fn huge(rng: &mut Rng, keys: &[String]) -> Value {
    match rng.below(9) {
        0 => json!("é".repeat(rng.index(1 << 20) + 1)),
        1 => Value::Array(vec![Value::Null; 100_000]),
        2 => Value::Array((0..20_000u64).map(|i| json!({"id": i, "total_minutes": i64::MAX})).collect()),
        3 => Value::Object((0..100_000).map(|i| (format!("k{i}"), json!(i))).collect()),
        // Rows that each bring a field of their own: a table of n rows and n columns.
        4 => Value::Array((0..20_000).map(|i| json!({ format!("f{i}"): i })).collect()),
        5 => Value::Array(
            (0..10_000)
                .map(|i| json!({"date": format!("2026-03-{:02}", i % 40), "users": [{"user_id": i, "total_minutes": u64::MAX}]}))
                .collect(),
        ),
        6 => Value::Object(
            (0..10_000)
                .map(|i| {
                    (
                        format!("2026-{:02}-{:02}", i % 14, i % 33),
                        json!({"users": [{"user_id": i % 500, "project_id": i, "total_minutes": i64::MAX}]}),
                    )
                })
                .collect(),
        ),
        7 => json!({"dates": huge(rng, keys), "total": {"total_minutes": u64::MAX}}),
        _ => Value::Array((0..1000).map(|_| Value::Object(object(rng, keys, 2))).collect()),
    }
}

/// Text that is not JSON's numbers: appended to a body's numbers by [`deep`] and others.
const HUGE_NUMBERS: [&str; 6] =
    ["1e400", "-1e400", "18446744073709551616", "-9223372036854775809", "1e-400", "123456789012345678901234567890"];

/// Nesting far past serde_json's recursion limit (128), closed or not, in `data` or at the top.
fn deep(rng: &mut Rng) -> Vec<u8> {
    let depth = *rng.pick(&[127usize, 128, 129, 1000, 10_000, 100_000]);
    let (open, close): (&[u8], &[u8]) = match rng.below(3) {
        0 => (b"[", b"]"),
        1 => (b"{\"a\":", b"}"),
        _ => (b"[{\"id\":", b"}]"),
    };
    let mut body = Vec::with_capacity(depth * (open.len() + close.len()) + 64);
    let wrap = rng.chance(70);
    if wrap {
        body.extend_from_slice(b"{\"success\":true,\"data\":");
    }
    for _ in 0..depth {
        body.extend_from_slice(open);
    }
    body.extend_from_slice(rng.pick(&HUGE_NUMBERS).as_bytes());
    if rng.chance(80) {
        for _ in 0..depth {
            body.extend_from_slice(close);
        }
        if wrap {
            body.push(b'}');
        }
    }
    body
}

/// Invalid UTF-8 sequences put into a valid body (inside strings, between tokens, at the end).
fn bad_utf8(mut body: Vec<u8>, rng: &mut Rng) -> Vec<u8> {
    const BAD: [&[u8]; 7] = [b"\xff", b"\xc0\x80", b"\xed\xa0\x80", b"\xf4\x90\x80\x80", b"\xe2\x82", b"\xfe\xfe", b"\x80"];
    for _ in 0..=rng.below(3) {
        let at = match rng.below(3) {
            // Just after an opening quote: inside a string.
            0 => body.iter().enumerate().filter(|(_, b)| **b == b'"').map(|(i, _)| i + 1).nth(rng.index(64)).unwrap_or(0),
            1 => body.len(),
            _ => rng.index(body.len() + 1),
        };
        let at = at.min(body.len());
        let bad = rng.pick(&BAD);
        body.splice(at..at, bad.iter().copied());
    }
    body
}

fn bytes(rng: &mut Rng) -> Vec<u8> {
    const ALPHABET: &[u8] = b"{}[]\":,0123456789.eE+-truefalsnul \\u\t\n";
    let n = rng.index(600);
    if rng.chance(50) {
        (0..n).map(|_| rng.next() as u8).collect()
    } else {
        (0..n).map(|_| *rng.pick(ALPHABET)).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn corpus() -> Corpus {
        Corpus::committed()
    }

    #[test]
    fn a_case_is_the_same_whenever_it_is_made() {
        let c = corpus();
        for i in [0, 1, 70, 12345] {
            let (a, b) = (case(9, i, &c), case(9, i, &c));
            assert_eq!((a.op, a.status, a.kind, &a.body), (b.op, b.status, b.kind, &b.body));
        }
        assert_ne!(case(9, 5, &c).body, case(10, 5, &c).body);
    }

    #[test]
    fn every_kind_and_every_operation_comes_up_and_bodies_stay_bounded() {
        let c = corpus();
        // Enough for every operation and kind; the huge kinds make each case slow in a debug build.
        let cases: Vec<Case> = (0..800).map(|i| case(1, i, &c)).collect();
        for kind in KINDS {
            assert!(cases.iter().any(|x| x.kind == kind), "{kind:?}");
        }
        for (op, info) in CATALOG.iter().enumerate() {
            assert!(cases.iter().any(|x| x.op == op), "{}", info.id);
        }
        assert!(cases.iter().all(|x| x.body.len() <= MAX_BODY));
        assert!(cases.iter().any(|x| x.kind == Kind::Deep && x.body.len() > 100_000), "some nesting is 100k deep");
        assert!(cases.iter().any(|x| x.kind == Kind::Huge && x.body.len() > 500_000), "some answers are large");
    }

    #[test]
    fn the_corpus_holds_real_answers_for_most_read_operations() {
        let c = corpus();
        let ops: std::collections::HashSet<&str> = c.answers.iter().filter(|a| a.1 == 200).map(|a| a.0.as_str()).collect();
        assert!(ops.len() >= 20, "{} operations", ops.len());
        assert!(c.keys.iter().any(|k| k == "user_id") && c.keys.len() > 50);
    }
}
