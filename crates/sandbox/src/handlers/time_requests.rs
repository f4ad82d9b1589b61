//! Handlers for: getTimeRequests, getTimeRequest, createTimeRequest, approveTimeRequest, rejectTimeRequest.
//! Not implemented yet (they answer 501); see `handlers/mod.rs` for how to write one.

#[allow(unused_imports)]
use super::prelude::*;

pub fn handlers() -> Vec<(&'static str, Handler)> {
    vec![]
}
