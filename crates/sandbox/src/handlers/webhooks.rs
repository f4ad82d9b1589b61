//! Webhooks: list (with tokens, as the reference shows them), create (a `whsec_` token is made;
//! one webhook per URL and workspace, else 409), get, update (URL and events), delete.
//! Delivery itself is in `crate::webhooks`.

use super::prelude::*;

pub fn handlers() -> Vec<(&'static str, Handler)> {
    vec![("getWebhooks", list), ("createWebhook", create), ("getWebhook", get), ("updateWebhook", update), ("deleteWebhook", delete)]
}

fn row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Webhook> {
    let events: String = r.get(2)?;
    Ok(Webhook {
        id: r.get(0)?,
        url: r.get(1)?,
        events: serde_json::from_str::<Vec<String>>(&events).unwrap_or_default().iter().map(|e| WebhookEvent::parse(e)).collect(),
        token: r.get(3)?,
    })
}

fn load(ctx: &Ctx, id: &str) -> Result<Option<Webhook>, HttpError> {
    Ok(optional(
        ctx.db
            .prepare_cached("SELECT id, url, events, token FROM webhooks WHERE workspace_id = ?1 AND id = ?2")?
            .query_row(params![ctx.ws_id(), id], row),
    )?)
}

fn list(ctx: &mut Ctx) -> Result<Reply, HttpError> {
    let mut stmt = ctx.db.prepare_cached("SELECT id, url, events, token FROM webhooks WHERE workspace_id = ?1 ORDER BY created_at, id")?;
    let all = collect(stmt.query_map([ctx.ws_id()], row)?)?;
    // The reference (older edition): 50 rows a page by default, not the usual 20.
    Ok(Reply::paged(all, ctx.page(), ctx.per_page_or(50)))
}

/// The events as a JSON array text, deduplicated in the order given.
fn events_json(ctx: &Ctx) -> Result<Option<String>, HttpError> {
    let Some(events) = ctx.strs("events") else { return Ok(None) };
    let mut seen: Vec<String> = Vec::new();
    for e in events {
        if !seen.contains(&e) {
            seen.push(e);
        }
    }
    if seen.is_empty() {
        return Err(HttpError::invalid("events", "must name at least one event"));
    }
    Ok(Some(serde_json::to_string(&seen).unwrap_or_else(|_| "[]".into())))
}

fn url_taken(ctx: &Ctx, url: &str, except: &str) -> Result<bool, HttpError> {
    let n: i64 = ctx.db.query_row(
        "SELECT COUNT(*) FROM webhooks WHERE workspace_id = ?1 AND url = ?2 AND id <> ?3",
        params![ctx.ws_id(), url, except],
        |r| r.get(0),
    )?;
    Ok(n > 0)
}

fn create(ctx: &mut Ctx) -> Result<Reply, HttpError> {
    let url = ctx.req_str("url")?;
    let events = events_json(ctx)?.ok_or_else(|| HttpError::invalid("events", "is required"))?;
    if url_taken(ctx, &url, "")? {
        return Err(HttpError::conflict("A webhook for this URL already exists in this workspace."));
    }
    let id = ctx.ids.opaque("wh");
    let token = ctx.ids.secret("whsec_");
    let now = ctx.now_iso();
    ctx.db.execute(
        "INSERT INTO webhooks (id, workspace_id, url, events, token, created_by, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7)",
        params![id, ctx.ws_id(), url, events, token, ctx.user_id(), now],
    )?;
    Ok(Reply::data(load(ctx, &id)?))
}

fn get(ctx: &mut Ctx) -> Result<Reply, HttpError> {
    let id = ctx.path_str("webhookId");
    Ok(Reply::data(load(ctx, &id)?.ok_or_else(|| HttpError::not_found("Webhook"))?))
}

fn update(ctx: &mut Ctx) -> Result<Reply, HttpError> {
    let id = ctx.path_str("webhookId");
    load(ctx, &id)?.ok_or_else(|| HttpError::not_found("Webhook"))?;
    let url = ctx.req_str("url")?;
    if url_taken(ctx, &url, &id)? {
        return Err(HttpError::conflict("A webhook for this URL already exists in this workspace."));
    }
    let events = events_json(ctx)?;
    ctx.db.execute(
        "UPDATE webhooks SET url = ?2, events = COALESCE(?3, events), updated_at = ?4 WHERE id = ?1",
        params![id, url, events, ctx.now_iso()],
    )?;
    Ok(Reply::empty())
}

fn delete(ctx: &mut Ctx) -> Result<Reply, HttpError> {
    let id = ctx.path_str("webhookId");
    load(ctx, &id)?.ok_or_else(|| HttpError::not_found("Webhook"))?;
    ctx.db.execute("DELETE FROM webhooks WHERE id = ?1", [&id])?;
    Ok(Reply::empty())
}
