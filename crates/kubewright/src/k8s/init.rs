//! The pod's init containers: the wait for the database, a `pg_isready` loop. The host and port go
//! in as libpq's own variables (PGHOST, PGPORT), so the shell line stays fixed and nothing typed
//! is ever spliced into it.

use super::container::{Container, EnvVar, ResourceRequirements, SecurityContext};
use super::Pairs;
use crate::spec::{AppSpec, POSTGRES_PORT, WAIT_CONTAINER};

/// The loop: `pg_isready` exits 0 once the server accepts connections.
pub const WAIT_SCRIPT: &str =
    "until pg_isready --quiet; do echo \"waiting for the database\"; sleep 2; done";

/// The postgres user of the official images, so the wait runs as non-root even where the pod sets
/// no user.
const POSTGRES_UID: i64 = 70;

/// The init containers the spec asks for, in the order they run.
pub fn init_containers(spec: &AppSpec) -> Vec<Container> {
    let init = &spec.init;
    if !init.wait_for_database {
        return Vec::new();
    }
    let host = spec.wait_host().unwrap_or_default();
    let value = |name: &str, value: String| EnvVar {
        name: name.into(),
        value: Some(value),
        value_from: None,
    };
    vec![Container {
        command: vec!["sh".into(), "-c".into(), WAIT_SCRIPT.into()],
        env: vec![
            value("PGHOST", host),
            value("PGPORT", POSTGRES_PORT.to_string()),
        ],
        resources: Some(ResourceRequirements {
            limits: Pairs(vec![("memory".into(), "32Mi".into())]),
            requests: Pairs(vec![
                ("cpu".into(), "10m".into()),
                ("memory".into(), "16Mi".into()),
            ]),
        }),
        security_context: Some(SecurityContext::hardened(POSTGRES_UID)),
        ..Container::named(WAIT_CONTAINER, init.wait_image.trim())
    }]
}
