//! Every operation of the core's catalog has a sandbox handler: none answers the 501 fallback.
//! (This file used to print the 501 list and loop over it, which asserted nothing once it was empty.)

use crate::support::*;

#[tokio::test]
async fn every_catalog_operation_has_a_handler() {
    assert_eq!(webwork_sandbox::handlers::unimplemented(), Vec::<&str>::new(), "operations that would answer 501");
    assert_eq!(webwork_sandbox::handlers::registry().len(), CATALOG.len(), "one handler per operation, none extra");
}
