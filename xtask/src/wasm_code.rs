//! A minimal wasm reader for `cargo xtask size`: each defined function's body with its name from
//! the custom "name" section, and the Rust path a symbol name stands for. Std only, like the rest
//! of xtask; it reads what the size report needs and skips every other section.

use crate::util::Result;

/// A function defined in the module (imports have no body).
pub struct Function<'a> {
    /// From the "name" section; `None` when the module names it not (a stripped module).
    pub name: Option<&'a str>,
    /// The body as the code section holds it (locals and instructions, without its size prefix).
    pub body: &'a [u8],
}

/// The module's defined functions in index order, each with its name when the module has one.
pub fn functions(wasm: &[u8]) -> Result<Vec<Function<'_>>> {
    let mut module = Reader::new(wasm);
    if module.take(8)? != b"\0asm\x01\0\0\0" {
        return Err("not a wasm module (version 1)".into());
    }
    let mut imported = 0;
    let mut bodies = Vec::new();
    let mut names = Vec::new();
    while !module.done() {
        let id = module.byte()?;
        let size = module.length()?;
        let mut section = Reader::new(module.take(size)?);
        match id {
            2 => imported = imported_functions(&mut section)?,
            10 => {
                for _ in 0..section.u32()? {
                    let size = section.length()?;
                    bodies.push(section.take(size)?);
                }
            }
            0 if section.name()? == "name" => names = function_names(&mut section)?,
            _ => {}
        }
    }
    // Names are indexed in the function index space, where the imported functions come first.
    let name_of = |defined: usize| {
        let index = u32::try_from(defined).ok()?.checked_add(imported)?;
        names.iter().find(|(i, _)| *i == index).map(|(_, name)| *name)
    };
    Ok(bodies.into_iter().enumerate().map(|(i, body)| Function { name: name_of(i), body }).collect())
}

/// How many of the import section's entries are functions; skips the others' descriptions.
fn imported_functions(section: &mut Reader) -> Result<u32> {
    let mut functions = 0;
    for _ in 0..section.u32()? {
        section.name()?;
        section.name()?;
        match section.byte()? {
            0 => {
                section.u32()?;
                functions += 1;
            }
            1 => {
                section.byte()?;
                section.limits()?;
            }
            2 => section.limits()?,
            3 => {
                section.take(2)?;
            }
            4 => {
                section.byte()?;
                section.u32()?;
            }
            kind => return Err(format!("wasm: unknown import kind {kind}")),
        }
    }
    Ok(functions)
}

/// The "name" section's function names (subsection 1), as (function index, name).
fn function_names<'a>(section: &mut Reader<'a>) -> Result<Vec<(u32, &'a str)>> {
    while !section.done() {
        let id = section.byte()?;
        let size = section.length()?;
        let mut subsection = Reader::new(section.take(size)?);
        if id == 1 {
            let count = subsection.u32()?;
            let mut names = Vec::new();
            for _ in 0..count {
                names.push((subsection.u32()?, subsection.name()?));
            }
            return Ok(names);
        }
    }
    Ok(Vec::new())
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn new(bytes: &'a [u8]) -> Self {
        Reader { bytes, at: 0 }
    }

    fn done(&self) -> bool {
        self.at >= self.bytes.len()
    }

    fn take(&mut self, count: usize) -> Result<&'a [u8]> {
        let end = self.at.checked_add(count).filter(|end| *end <= self.bytes.len()).ok_or("wasm: ends inside an item")?;
        let taken = &self.bytes[self.at..end];
        self.at = end;
        Ok(taken)
    }

    fn byte(&mut self) -> Result<u8> {
        Ok(self.take(1)?[0])
    }

    /// An unsigned LEB128 number of at most 64 bits.
    fn leb(&mut self) -> Result<u64> {
        let mut value = 0u64;
        for shift in (0..64).step_by(7) {
            let byte = self.byte()?;
            value |= u64::from(byte & 0x7f) << shift;
            if byte & 0x80 == 0 {
                return Ok(value);
            }
        }
        Err("wasm: a LEB128 number longer than 64 bits".into())
    }

    fn u32(&mut self) -> Result<u32> {
        u32::try_from(self.leb()?).map_err(|_| "wasm: a number over 32 bits where a u32 belongs".to_owned())
    }

    fn length(&mut self) -> Result<usize> {
        Ok(self.u32()? as usize)
    }

    fn name(&mut self) -> Result<&'a str> {
        let size = self.length()?;
        std::str::from_utf8(self.take(size)?).map_err(|_| "wasm: a name that is not UTF-8".to_owned())
    }

    /// A table's or memory's limits: flags, minimum, and a maximum when flag bit 0 is set.
    fn limits(&mut self) -> Result {
        let flags = self.byte()?;
        self.leb()?;
        if flags & 1 == 1 {
            self.leb()?;
        }
        Ok(())
    }
}

/// The Rust path a symbol names: a legacy-mangled one (`_ZN13webwork_admin3api3Api4call17h…E`,
/// what `wasm-bindgen --no-demangle` keeps) decoded to `webwork_admin::api::Api::call`, without
/// the hash; a name that is not mangled as it is.
pub fn symbol_path(symbol: &str) -> String {
    let Some(mut rest) = symbol.strip_prefix("_ZN") else { return symbol.to_owned() };
    let mut segments = Vec::new();
    while let Some(digits) = rest.find(|c: char| !c.is_ascii_digit()).filter(|end| *end > 0) {
        let Ok(length) = rest[..digits].parse::<usize>() else { break };
        let Some(segment) = rest.get(digits..digits + length) else { break };
        rest = &rest[digits + length..];
        let is_hash = segment.len() == 17 && segment.starts_with('h') && segment[1..].bytes().all(|b| b.is_ascii_hexdigit());
        if !is_hash {
            segments.push(unescape(segment));
        }
    }
    if segments.is_empty() {
        return symbol.to_owned();
    }
    segments.join("::")
}

/// The legacy mangling's escapes (`$LT$`, `..` and the like) back to the characters they stand for.
fn unescape(segment: &str) -> String {
    const ESCAPES: &[(&str, &str)] = &[
        ("$LT$", "<"),
        ("$GT$", ">"),
        ("$RF$", "&"),
        ("$BP$", "*"),
        ("$SP$", "@"),
        ("$LP$", "("),
        ("$RP$", ")"),
        ("$C$", ","),
        ("$u20$", " "),
        ("$u27$", "'"),
        ("$u5b$", "["),
        ("$u5d$", "]"),
        ("$u7b$", "{"),
        ("$u7d$", "}"),
        ("$u7e$", "~"),
        ("..", "::"),
    ];
    let mut text = segment.strip_prefix("_$").map_or_else(|| segment.to_owned(), |rest| format!("${rest}"));
    for (escape, character) in ESCAPES {
        text = text.replace(escape, character);
    }
    text
}

/// The path a function's code belongs to: the path itself, or for a method of an impl block
/// (`<webwork_core::client::cancel::Cancelled as core::future::Future>::poll`) the type the impl is for.
pub fn owner(path: &str) -> &str {
    match path.strip_prefix('<') {
        Some(inner) => inner.trim_start_matches(['&', '*']).trim_start_matches("mut ").trim_start_matches("const "),
        None => path,
    }
}

/// Whether `path` starts with the module `module` (the module itself or an item in it).
pub fn is_in(path: &str, module: &str) -> bool {
    path.strip_prefix(module).is_some_and(|rest| rest.is_empty() || rest.starts_with("::") || rest.starts_with('<'))
}

/// Whether `path` names an item of `module` anywhere, e.g. as a generic argument of another
/// crate's function (`core::ptr::drop_in_place<webwork_admin::api::Reply>`).
pub fn mentions(path: &str, module: &str) -> bool {
    path.match_indices(module).any(|(at, _)| {
        let starts_a_path = path[..at].chars().next_back().is_none_or(|c| !(c.is_alphanumeric() || c == '_' || c == ':'));
        starts_a_path && is_in(&path[at..], module)
    })
}

/// Hand-built modules for tests.
#[cfg(test)]
pub mod build {
    fn leb(mut value: usize) -> Vec<u8> {
        let mut bytes = Vec::new();
        loop {
            let low = (value & 0x7f) as u8;
            value >>= 7;
            if value == 0 {
                bytes.push(low);
                return bytes;
            }
            bytes.push(low | 0x80);
        }
    }

    fn sized(content: &[u8]) -> Vec<u8> {
        [leb(content.len()), content.to_vec()].concat()
    }

    fn section(id: u8, content: &[u8]) -> Vec<u8> {
        [vec![id], sized(content)].concat()
    }

    fn vector(items: &[Vec<u8>]) -> Vec<u8> {
        [leb(items.len()), items.concat()].concat()
    }

    /// A module importing a function (named "imported") and a memory and defining a function
    /// of type `[] -> []` for each body; with `names`, one name for each of those.
    pub fn module(bodies: &[&[u8]], names: Option<&[&str]>) -> Vec<u8> {
        let types = section(1, &[1, 0x60, 0, 0]);
        let imports = section(
            2,
            &vector(&[[sized(b"env"), sized(b"f"), vec![0, 0]].concat(), [sized(b"env"), sized(b"memory"), vec![2, 1, 1, 2]].concat()]),
        );
        let declared = section(3, &vector(&vec![vec![0]; bodies.len()]));
        let code = section(10, &vector(&bodies.iter().map(|body| sized(body)).collect::<Vec<_>>()));
        let name_section = names.map_or_else(Vec::new, |names| {
            let entries: Vec<Vec<u8>> =
                ["imported"].iter().chain(names).enumerate().map(|(index, name)| [leb(index), sized(name.as_bytes())].concat()).collect();
            section(0, &[sized(b"name"), section(0, &sized(b"module")), section(1, &vector(&entries))].concat())
        });
        [b"\0asm\x01\0\0\0".to_vec(), types, imports, declared, code, name_section].concat()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SHORT: &[u8] = &[0, 0x01, 0x0b];

    /// 200 bytes: its size is a two-byte LEB128.
    fn long() -> Vec<u8> {
        [vec![0u8], vec![0x01; 198], vec![0x0b]].concat()
    }

    fn module(named: bool) -> Vec<u8> {
        let names: &[&str] = &["_ZN13webwork_admin3api3Api4call17h0123456789abcdefE", "second"];
        build::module(&[SHORT, &long()], named.then_some(names))
    }

    #[test]
    fn reads_the_defined_functions_with_their_names_and_body_sizes() {
        let wasm = module(true);
        let functions = functions(&wasm).unwrap();
        let read: Vec<(Option<&str>, usize)> = functions.iter().map(|f| (f.name, f.body.len())).collect();
        assert_eq!(read, [(Some("_ZN13webwork_admin3api3Api4call17h0123456789abcdefE"), 3), (Some("second"), 200)]);
        assert_eq!(functions[0].body, [0, 0x01, 0x0b]);
    }

    #[test]
    fn a_module_without_names_has_bodies_only_and_a_cut_one_is_an_error() {
        let wasm = module(false);
        let functions = functions(&wasm).unwrap();
        assert_eq!(functions.iter().map(|f| (f.name, f.body.len())).collect::<Vec<_>>(), [(None, 3), (None, 200)]);
        assert!(super::functions(&wasm[..wasm.len() - 3]).is_err());
        assert!(super::functions(b"\0asm\x02\0\0\0").is_err());
    }

    #[test]
    fn symbol_paths_are_demangled_without_their_hash() {
        assert_eq!(symbol_path("_ZN13webwork_admin3api3Api4call17h0123456789abcdefE"), "webwork_admin::api::Api::call");
        assert_eq!(
            symbol_path("_ZN12webwork_core6client15Client$LT$T$GT$10execute_as28_$u7b$$u7b$closure$u7d$$u7d$17h40fcc20ea3a524c4E"),
            "webwork_core::client::Client<T>::execute_as::{{closure}}"
        );
        let impl_method = symbol_path(
            "_ZN88_$LT$webwork_core..client..cancel..Cancelled$u20$as$u20$core..future..future..Future$GT$4poll17h1248dbc869ff0cd4E",
        );
        assert_eq!(impl_method, "<webwork_core::client::cancel::Cancelled as core::future::future::Future>::poll");
        assert!(is_in(owner(&impl_method), "webwork_core::client"));
        assert_eq!(symbol_path("__wbindgen_malloc"), "__wbindgen_malloc");
    }

    #[test]
    fn a_module_path_is_matched_whole() {
        assert!(is_in("webwork_admin::api::Api::call", "webwork_admin::api"));
        assert!(!is_in("webwork_admin::apis::x", "webwork_admin::api"));
        assert!(!is_in("core::ptr::drop_in_place<webwork_admin::api::Reply>", "webwork_admin::api"));
        assert!(mentions("core::ptr::drop_in_place<webwork_admin::api::Reply>", "webwork_admin::api"));
        assert!(!mentions("core::ptr::drop_in_place<my_webwork_admin::api::Reply>", "webwork_admin::api"));
        assert!(!mentions("leptos::x<webwork_admin::apis::Y>", "webwork_admin::api"));
    }
}
