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
