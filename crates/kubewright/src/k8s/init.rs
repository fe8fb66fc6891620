//! The pod's init containers: the native sidecars, then the wait for the database, a `pg_isready`
//! loop. The host and port go in as libpq's own variables (PGHOST, PGPORT), so the shell line
//! stays fixed and nothing typed is ever spliced into it.

use super::container::{Container, ContainerPort, EnvVar, ResourceRequirements, SecurityContext};
use super::Pairs;
use crate::spec::{AppSpec, Sidecar, POSTGRES_PORT, WAIT_CONTAINER};

/// The loop: `pg_isready` exits 0 once the server accepts connections.
pub const WAIT_SCRIPT: &str =
    "until pg_isready --quiet; do echo \"waiting for the database\"; sleep 2; done";

/// The postgres user of the official images, so the wait runs as non-root even where the pod sets
/// no user.
const POSTGRES_UID: i64 = 70;

/// The init containers the spec asks for, in the order they start: the sidecars first, so a
/// database proxy is up before the wait polls through it.
pub fn init_containers(spec: &AppSpec) -> Vec<Container> {
    let mut out: Vec<Container> = spec
        .init
        .sidecars
        .iter()
        .map(|s| sidecar(spec, s))
        .collect();
    out.extend(wait(spec));
    out
}

/// A native sidecar: restarted whenever it stops, for as long as the pod runs; locked down as the
/// app's container is.
fn sidecar(spec: &AppSpec, s: &Sidecar) -> Container {
    Container {
        restart_policy: Some("Always"),
        args: s.args.clone(),
        env: s
            .env
            .iter()
            .map(|e| EnvVar {
                name: e.name.clone(),
                value: Some(e.value.clone()),
                value_from: None,
            })
            .collect(),
        ports: s
            .ports
            .iter()
            .map(|&p| ContainerPort {
                name: String::new(),
                container_port: p,
                protocol: "TCP",
            })
            .collect(),
        resources: ResourceRequirements::from_spec(&s.resources),
        security_context: SecurityContext::from_spec(&spec.security),
        ..Container::named(&s.name, &s.image)
    }
}

fn wait(spec: &AppSpec) -> Option<Container> {
    let init = &spec.init;
    if !init.wait_for_database {
        return None;
    }
    let host = spec.wait_host().unwrap_or_default();
    let value = |name: &str, value: String| EnvVar {
        name: name.into(),
        value: Some(value),
        value_from: None,
    };
    Some(Container {
        command: vec!["sh".into(), "-c".into(), WAIT_SCRIPT.into()],
        env: vec![
            value("PGHOST", host),
            value("PGPORT", POSTGRES_PORT.to_string()),
        ],
        resources: Some(ResourceRequirements {
            // A CPU limit too, as the app's own warning asks of every container: a loop of
            // pg_isready needs little, and a stuck one cannot take a core.
            limits: Pairs(vec![
                ("cpu".into(), "50m".into()),
                ("memory".into(), "32Mi".into()),
            ]),
            requests: Pairs(vec![
                ("cpu".into(), "10m".into()),
                ("memory".into(), "16Mi".into()),
            ]),
        }),
        security_context: Some(SecurityContext::hardened(POSTGRES_UID)),
        ..Container::named(WAIT_CONTAINER, init.wait_image.trim())
    })
}
