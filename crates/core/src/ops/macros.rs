//! The generator behind the operation table. One entry:
//!
//! ```text
//! /// Doc comment (becomes the summary).
//! ListMembers {
//!     id: "getMembers", tag: "Members", method: Get, path: "/members",
//!     output: [Member], paged: 100, status: 200, message: "", inferred: [],
//!     path_params: [],
//!     required: [ws workspace_id: u64],
//!     optional: [query email: Email, #[inferred] query page: u32, query per_page: u32],
//!     check: none,
//! }
//! ```
//!
//! What the reference does not show is said where it is: `inferred: [...]` lists `operation`
//! (the path itself was never seen), `status` (the success status), `message` (the success
//! message), then, as text, any other behaviour of the operation that is our guess; a parameter
//! the reference does not list carries `#[inferred]`. All of it reaches [`OpDoc`](super::OpDoc),
//! the OpenAPI document, the generated TypeScript and the table in ARCHITECTURE.md.
//!
//! Each parameter says where it travels: `query`, `body`, or `ws` (workspace_id: the query
//! string on reads, both query and body on writes). `output: [T]` is a list (`Vec<T>`), `output: T` one value. `paged: N` makes the builder
//! [`Paginated`](super::Paginated) with `per_page` at most N (`paged: none` otherwise; a paged
//! entry must list `page` and `per_page`). `check: f` runs `f(&Args)` for rules across fields
//! (it becomes the row's [`Rule`](super::Rule)).

macro_rules! out_ty {
    ([$item:ty]) => { Vec<$item> };
    ($one:ty) => { $one };
}

macro_rules! out_name {
    ([$item:ident]) => {
        concat!("[", stringify!($item), "]")
    };
    ($one:ident) => {
        stringify!($one)
    };
}

macro_rules! per_page_max {
    (none) => {
        None
    };
    ($max:literal) => {
        Some($max)
    };
}

macro_rules! rule {
    (none) => {
        $crate::ops::Rule::NONE
    };
    ($f:path) => {
        $crate::ops::Rule($f)
    };
}

/// Whether `inferred: [...]` names `$want` (`operation`, `status` or `message`).
macro_rules! inferred_flag {
    ($want:ident;) => {
        false
    };
    (operation; operation $($rest:ident)*) => {
        true
    };
    (status; status $($rest:ident)*) => {
        true
    };
    (message; message $($rest:ident)*) => {
        true
    };
    ($want:ident; operation $($rest:ident)*) => {
        inferred_flag!($want; $($rest)*)
    };
    ($want:ident; status $($rest:ident)*) => {
        inferred_flag!($want; $($rest)*)
    };
    ($want:ident; message $($rest:ident)*) => {
        inferred_flag!($want; $($rest)*)
    };
}

/// The wire name of a parameter marked `#[inferred]` (any other marker is a compile error).
macro_rules! inferred_param {
    (inferred, $name:ident) => {
        $crate::ops::wire_name(stringify!($name))
    };
}

macro_rules! paginated_impl {
    ($name:ident, none, $out:tt) => {};
    ($name:ident, $max:literal, [$item:ty]) => {
        impl $crate::ops::Paginated for $name {
            type Item = $item;
            const PER_PAGE_MAX: u32 = $max;
            fn set_page(&mut self, page: u32) {
                self.page = Some(page);
            }
            fn set_per_page(&mut self, per_page: u32) {
                self.per_page = Some(per_page);
            }
            fn page_number(&self) -> Option<u32> {
                self.page
            }
            fn page_size(&self) -> Option<u32> {
                self.per_page
            }
        }
    };
}

macro_rules! operations {
    ($(
        $(#[doc = $doc:literal])*
        $name:ident {
            id: $id:literal, tag: $tag:literal, method: $method:ident, path: $path:literal,
            output: $out:tt, paged: $paged:tt, status: $status:literal, message: $msg:literal,
            inferred: [$($inf:ident),* $(,)? $($note:literal),* $(,)?],
            path_params: [$($pp:ident: $ppt:ty = $ppname:literal),* $(,)?],
            required: [$($(#[$rqinf:ident])? $rqloc:ident $rq:ident: $rqt:ty),* $(,)?],
            optional: [$($(#[$opinf:ident])? $oploc:ident $op:ident: $opt:ty),* $(,)?],
            check: $check:tt $(,)?
        }
    )*) => {
        $(
            $(#[doc = $doc])*
            #[doc = ""]
            #[doc = concat!("`", stringify!($method), " ", $path, "` (`", $id, "`)")]
            #[derive(Debug, Clone, PartialEq)]
            pub struct $name {
                $(pub $pp: $ppt,)*
                $(pub $rq: $rqt,)*
                $(pub $op: Option<$opt>,)*
            }

            impl $name {
                /// Path parameters first, then the required parameters.
                #[allow(clippy::new_without_default, clippy::too_many_arguments)]
                pub fn new($($pp: impl Into<$ppt>,)* $($rq: impl Into<$rqt>,)*) -> Self {
                    $name {
                        $($pp: $pp.into(),)*
                        $($rq: $rq.into(),)*
                        $($op: None,)*
                    }
                }

                $(
                    #[doc = concat!("Sets `", stringify!($op), "`.")]
                    pub fn $op(mut self, value: impl Into<$opt>) -> Self {
                        self.$op = Some(value.into());
                        self
                    }
                )*
            }

            paginated_impl!($name, $paged, $out);

            impl $crate::ops::Operation for $name {
                type Output = out_ty!($out);
                const INFO: $crate::ops::OpInfo = $crate::ops::OpInfo {
                    id: $id,
                    method: $crate::ops::Method::$method,
                    path: $path,
                    params: &[
                        $($crate::ops::ParamInfo {
                            name: $ppname,
                            location: $crate::ops::Location::Path,
                            required: true,
                            kind: <$ppt as $crate::params::Param>::KIND,
                        },)*
                        $($crate::ops::ParamInfo {
                            name: $crate::ops::wire_name(stringify!($rq)),
                            location: $crate::ops::loc::$rqloc,
                            required: true,
                            kind: <$rqt as $crate::params::Param>::KIND,
                        },)*
                        $($crate::ops::ParamInfo {
                            name: $crate::ops::wire_name(stringify!($op)),
                            location: $crate::ops::loc::$oploc,
                            required: false,
                            kind: <$opt as $crate::params::Param>::KIND,
                        },)*
                    ],
                    per_page_max: per_page_max!($paged),
                    rule: rule!($check),
                };
                const DOC: $crate::ops::OpDoc = $crate::ops::OpDoc {
                    name: stringify!($name),
                    tag: $tag,
                    summary: concat!($($doc),*),
                    output: out_name!($out),
                    success_status: $status,
                    message: if $msg.is_empty() { None } else { Some($msg) },
                    inferred: inferred_flag!(operation; $($inf)*),
                    status_inferred: inferred_flag!(status; $($inf)*),
                    message_inferred: inferred_flag!(message; $($inf)*),
                    inferred_params: &[
                        $($(inferred_param!($rqinf, $rq),)?)*
                        $($(inferred_param!($opinf, $op),)?)*
                    ],
                    inferred_notes: &[$($note),*],
                };

                fn to_request(&self) -> Result<$crate::ops::ApiRequest, $crate::error::ApiError> {
                    use $crate::params::ParamValue;
                    // In the order of INFO.params: path, required, optional.
                    $crate::ops::build_typed(&Self::INFO, &[
                        $(Some(&self.$pp as &dyn ParamValue),)*
                        $(Some(&self.$rq as &dyn ParamValue),)*
                        $(self.$op.as_ref().map(|v| v as &dyn ParamValue),)*
                    ])
                }
            }
        )*

        /// Every operation, in documentation order.
        pub const CATALOG: &[$crate::ops::OpInfo] = &[$(<$name as $crate::ops::Operation>::INFO,)*];

        /// What documents each operation of [`CATALOG`], in the same order (see [`OpDoc`](super::OpDoc)).
        pub const DOCS: &[$crate::ops::OpDoc] = &[$(<$name as $crate::ops::Operation>::DOC,)*];

        /// Decodes an answer to operation `id` through its typed output and gives it back as
        /// JSON: the tolerant reading (defaults, numbers from strings, kept enum values) applied
        /// for callers that want plain objects.
        pub fn decode_for(id: &str, status: u16, body: &[u8], retry_after_ms: Option<u64>) -> Result<$crate::envelope::Reply<serde_json::Value>, $crate::error::ApiError> {
            match id {
                $($id => $crate::envelope::decode::<out_ty!($out)>(status, body, retry_after_ms).and_then($crate::envelope::Reply::into_json),)*
                _ => $crate::envelope::decode::<serde_json::Value>(status, body, retry_after_ms),
            }
        }

        /// JSON Schema of each operation's `data`, keyed by operation id (for OpenAPI).
        #[cfg(feature = "schema")]
        pub fn output_schemas(generator: &mut schemars::SchemaGenerator) -> Vec<(&'static str, schemars::Schema)> {
            vec![$(($id, generator.subschema_for::<out_ty!($out)>()),)*]
        }
    };
}
