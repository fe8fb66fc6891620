//! Every integration test of the core and its command line, in one test binary (one link instead of
//! a dozen), one module per subject, with the helpers they share in `util`.

mod util;

mod cli;
mod commands;
mod database;
mod export;
mod expose;
mod golden;
mod kept;
mod objects;
mod route;
mod seal;
mod validate;

// These draw specs from the generators (`--features testgen`).
#[cfg(feature = "testgen")]
mod import;
#[cfg(feature = "testgen")]
mod lines;
#[cfg(feature = "testgen")]
mod openapi;
#[cfg(feature = "testgen")]
mod properties;
