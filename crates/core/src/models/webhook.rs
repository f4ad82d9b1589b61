//! Webhooks.

use serde::Serialize;
use webwork_derive::FromJson;

use super::WebhookEvent;

/// A registered callback URL.
#[derive(Debug, Clone, Default, PartialEq, Serialize, FromJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default)]
pub struct Webhook {
    pub id: String,
    pub url: String,
    pub events: Vec<WebhookEvent>,
    /// The secret deliveries carry, for the receiver to check.
    pub token: Option<String>,
}

/// What our sandbox POSTs to a webhook's URL. The vendor does not document a payload, so this
/// shape is ours (inferred): `{event, workspace_id, occurred_at, data}` with the webhook's token
/// in the `X-Webhook-Token` header.
#[derive(Debug, Clone, Default, PartialEq, Serialize, FromJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default)]
pub struct WebhookDelivery {
    pub event: WebhookEvent,
    pub workspace_id: u64,
    pub occurred_at: String,
    pub data: serde_json::Value,
}
