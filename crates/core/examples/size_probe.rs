//! The smallest real use of the client, built by `cargo xtask size` to measure what the core
//! costs a wasm bundle: list a workspace's members through `FetchTransport` and the pacer.

#[cfg(target_arch = "wasm32")]
mod probe {
    use webwork_core::ops::ListMembers;
    use webwork_core::{Client, ClientConfig, FetchTransport};

    /// Returns the number of members on the first page, or a person-readable error.
    #[wasm_bindgen::prelude::wasm_bindgen]
    pub async fn count_members(base_url: String, token: String, workspace_id: u32) -> Result<u32, String> {
        let client = Client::new(FetchTransport::new(), ClientConfig::new(base_url, token));
        let members = client.send(&ListMembers::new(u64::from(workspace_id)).per_page(100u32)).await.map_err(|e| e.to_string())?;
        Ok(members.len() as u32)
    }
}
