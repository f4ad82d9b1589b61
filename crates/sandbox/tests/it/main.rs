#![allow(unused_imports)]
//! Integration tests of the sandbox, in one test binary (each binary links the whole stack, so
//! one is much faster to build than many). Most tests drive the sandbox in-process through
//! `webwork_core::Client` and the typed operations; `durability` runs the real binary.

mod support;

mod access_rule;
mod ambiguous_failures;
mod bad_input;
mod contracts;
mod delivery;
mod durability;
mod every_operation;
mod expenses;
mod export;
mod http_edges;
mod isolation;
mod leaves;
mod members;
mod oauth;
mod openapi;
mod progress;
mod projects;
mod reports;
mod roles;
mod tasks;
mod time_entries;
mod time_requests;
mod timesheets;
mod tracking;
mod viewers;
mod webhooks;
mod workspaces;
mod zones;
