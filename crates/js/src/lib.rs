//! webwork-js: the wasm half of the npm package.
//!
//! The package calls every operation of `webwork_core::ops::CATALOG` through one dispatcher,
//! `Core::call(operationId, paramsJson, ..., fetch)`: parameters are checked by the core's builders
//! (`request_for`), sent by the core's `Client` (pacing, retries, timeout, abort) over the JS
//! half's `fetch` for that call, which keeps the answer's `data` in JS (parsed once, read there
//! through the generated shapes) and hands the core the envelope. The JS half
//! (`web/src/index.js`) turns the generated table of namespaces (`api.js`, written by the
//! `webwork-js-typegen` binary from the same CATALOG) into `client.members.list(...)` and so on.
//!
//! * [`naming`]: camelCase keys, namespaces and method names (shared with the type generator).
//! * [`convert`]: the JSON crossing the boundary, pure and tested natively.
//! * `bindings` (wasm only): the `#[wasm_bindgen]` surface.

pub mod convert;
pub mod naming;

#[cfg(target_arch = "wasm32")]
mod bindings;
