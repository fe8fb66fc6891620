use serde::{Deserialize, Serialize};

/// Containers that run before the app's: an init container that waits until PostgreSQL accepts
/// connections, so the app does not crash-loop while the database starts (the pods come up in
/// any order, and a restart backs off for up to five minutes).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct InitContainers {
    /// Adds the `wait-for-db` init container, a `pg_isready` loop. Default off.
    pub wait_for_database: bool,
    /// Its image: small, pinned, with `pg_isready` in it. Default `postgres:17.5-alpine`; not empty.
    pub wait_image: String,
    /// The host it waits for; empty waits for the database this spec sets up (its Service's DNS
    /// name). Default empty; a DNS name.
    pub wait_host: String,
    /// Native sidecars, started in order before the wait (a database proxy must be up for the
    /// wait to reach the database). Default none.
    pub sidecars: Vec<super::Sidecar>,
}

/// The default image of the wait: PostgreSQL's own client tools, Alpine-sized.
pub const WAIT_IMAGE: &str = "postgres:17.5-alpine";

/// The name of the wait's init container (not the app's: names are unique across containers).
pub const WAIT_CONTAINER: &str = "wait-for-db";

impl Default for InitContainers {
    fn default() -> Self {
        InitContainers {
            wait_for_database: false,
            wait_image: WAIT_IMAGE.into(),
            wait_host: String::new(),
            sidecars: Vec::new(),
        }
    }
}
