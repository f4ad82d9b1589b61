//! `#[derive(FromJson)]` for the models of `webwork-core`.
//!
//! A derived `serde::Deserialize` is generic over the deserializer and is instantiated per field
//! type and per model: in a wasm bundle the models' readers were about a tenth of the admin
//! panel's code. The reader this derive writes is one call per field to a function that is
//! generic only over the field's type (`webwork_core::models::json::field::<u64>` is one
//! instance for every model), over a `serde_json::Value` the client has already parsed.
//!
//! Fields do not return early on an error: each records the first error and reads as its
//! default, and the reader returns that error at the end. An early return from a struct literal
//! drops the fields read so far, a different drop sequence after each field (quadratic code).
//!
//! The struct is the single source of truth: the derive also writes `serde::Deserialize`
//! through the same reader, so serde users read exactly what the client reads.
//!
//! Attributes read: `#[serde(rename = "wire")]` (the field's name on the wire, shared with the
//! derived `Serialize`) and `#[json(with = path)]`, a `fn(Value) -> Result<T, ReadError>` for a
//! field whose reading is not its type's. A field with a serde setting that changes how it is
//! read (`alias`, `default`, `flatten`, `skip`, `with`...) is refused at compile time rather
//! than read otherwise than serde would have.

use proc_macro::TokenStream;
use quote::quote;
use syn::{parse_macro_input, Data, DeriveInput, Fields, LitStr};

/// Field settings of serde's that change how a field is read, which the derive does not follow.
const UNREAD_SERDE: &[&str] = &["alias", "default", "deserialize_with", "flatten", "skip", "skip_deserializing", "with"];

/// Container settings of serde's the reader agrees with: a bare `default` is what it does for
/// every missing field anyway, and the others do not change how fields are read. Anything else
/// (`rename_all`, `deny_unknown_fields`, `from`, `transparent`, `default = path`...) is refused.
const FOLLOWED_SERDE_CONTAINER: &[&str] = &["default", "rename", "bound", "crate", "expecting", "into"];

#[proc_macro_derive(FromJson, attributes(json))]
pub fn derive_from_json(input: TokenStream) -> TokenStream {
    let input = parse_macro_input!(input as DeriveInput);
    expand(&input).unwrap_or_else(syn::Error::into_compile_error).into()
}

fn expand(input: &DeriveInput) -> syn::Result<proc_macro2::TokenStream> {
    let name = &input.ident;
    let Data::Struct(data) = &input.data else {
        return Err(syn::Error::new_spanned(name, "FromJson is derived for structs with named fields only"));
    };
    let Fields::Named(fields) = &data.fields else {
        return Err(syn::Error::new_spanned(name, "FromJson is derived for structs with named fields only"));
    };
    if !input.generics.params.is_empty() {
        return Err(syn::Error::new_spanned(&input.generics, "FromJson is derived for structs without generics only"));
    }
    for attr in input.attrs.iter().filter(|a| a.path().is_ident("serde")) {
        attr.parse_nested_meta(|meta| {
            let followed = FOLLOWED_SERDE_CONTAINER.iter().any(|name| meta.path.is_ident(name));
            let has_value = meta.input.peek(syn::Token![=]);
            if !followed || (meta.path.is_ident("default") && has_value) {
                return Err(meta.error("FromJson does not follow this serde container setting"));
            }
            if has_value {
                meta.value()?.parse::<syn::Expr>()?;
            }
            Ok(())
        })?;
    }
    let json = quote!(::webwork_core::models::json);
    let mut reads = Vec::new();
    for field in &fields.named {
        let ident = field.ident.as_ref().expect("named field");
        let mut wire = ident.to_string().trim_start_matches("r#").to_owned();
        let mut with: Option<syn::Path> = None;
        for attr in &field.attrs {
            if attr.path().is_ident("serde") {
                attr.parse_nested_meta(|meta| {
                    if meta.path.is_ident("rename") {
                        wire = meta.value()?.parse::<LitStr>()?.value();
                    } else if UNREAD_SERDE.iter().any(|name| meta.path.is_ident(name)) {
                        // The reader would silently read otherwise than these settings say.
                        return Err(meta.error("FromJson does not follow this serde setting; use #[json(with = path)]"));
                    } else if meta.input.peek(syn::Token![=]) {
                        // Another serde setting with a value (`skip_serializing_if = ".."`).
                        meta.value()?.parse::<syn::Expr>()?;
                    }
                    Ok(())
                })?;
            } else if attr.path().is_ident("json") {
                attr.parse_nested_meta(|meta| {
                    if meta.path.is_ident("with") {
                        with = Some(meta.value()?.parse()?);
                        Ok(())
                    } else {
                        Err(meta.error("expected `with = path`"))
                    }
                })?;
            }
        }
        reads.push(match with {
            Some(path) => quote!(#ident: #json::field_with(&mut object, #wire, #path, &mut error)),
            None => quote!(#ident: #json::field(&mut object, #wire, &mut error)),
        });
    }
    Ok(quote! {
        impl #json::FromJson for #name {
            fn from_json(value: ::serde_json::Value) -> ::core::result::Result<Self, #json::ReadError> {
                let mut object = #json::object(value)?;
                let mut error = ::core::option::Option::None;
                let read = #name { #(#reads,)* };
                #json::finish(read, error)
            }
        }

        impl<'de> ::serde::Deserialize<'de> for #name {
            fn deserialize<D: ::serde::Deserializer<'de>>(d: D) -> ::core::result::Result<Self, D::Error> {
                #json::deserialize_via(d)
            }
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn expand_str(source: &str) -> Result<String, String> {
        let input: DeriveInput = syn::parse_str(source).expect("test input parses");
        expand(&input).map(|tokens| tokens.to_string()).map_err(|e| e.to_string())
    }

    #[test]
    fn reads_each_field_by_its_wire_name_or_its_own_reader() {
        let out = expand_str(
            "#[serde(default)] struct M { id: u64, #[serde(rename = \"type\", skip_serializing_if = \"Option::is_none\")] kind: Option<String>, #[json(with = read_person)] who: P }",
        )
        .unwrap();
        assert!(out.contains("id : :: webwork_core :: models :: json :: field (& mut object , \"id\""), "{out}");
        assert!(out.contains("kind : :: webwork_core :: models :: json :: field (& mut object , \"type\""), "{out}");
        assert!(out.contains("field_with (& mut object , \"who\" , read_person"), "{out}");
        assert!(out.contains("impl < 'de > :: serde :: Deserialize < 'de > for M"), "{out}");
    }

    #[test]
    fn refuses_serde_settings_it_would_not_follow() {
        // (source, part of the refusal): field settings, then container settings.
        let field = |attr: &str| (format!("struct M {{ {attr} a: u64 }}"), "does not follow this serde setting");
        let container = |attr: &str| (format!("{attr} struct M {{ a: u64 }}"), "serde container setting");
        let cases = [
            field("#[serde(alias = \"b\")]"),
            field("#[serde(default)]"),
            field("#[serde(flatten)]"),
            field("#[serde(skip)]"),
            field("#[serde(with = \"m\")]"),
            field("#[serde(deserialize_with = \"f\")]"),
            container("#[serde(rename_all = \"camelCase\")]"),
            container("#[serde(deny_unknown_fields)]"),
            container("#[serde(default = \"M::new\")]"),
            container("#[serde(transparent)]"),
        ];
        for (source, refusal) in cases {
            let err = expand_str(&source).unwrap_err();
            assert!(err.contains(refusal), "{source}: {err}");
        }
    }

    #[test]
    fn refuses_what_it_cannot_read() {
        assert!(expand_str("enum E { A }").unwrap_err().contains("named fields only"));
        assert!(expand_str("struct T(u64);").unwrap_err().contains("named fields only"));
        assert!(expand_str("struct G<T> { a: T }").unwrap_err().contains("without generics"));
        assert!(expand_str("struct M { #[json(using = f)] a: u64 }").unwrap_err().contains("expected `with = path`"));
    }
}
