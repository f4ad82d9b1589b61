#[cfg(target_arch = "wasm32")]
fn main() {
    webwork_admin::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("webwork-admin runs in a browser: build it with `trunk build --release` (see crates/admin/README.md).");
}
