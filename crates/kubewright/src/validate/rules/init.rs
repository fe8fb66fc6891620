//! The init containers: the wait for the database must have something to wait for, an image a
//! runtime can pull, a host that resolves, and a name no other container of the pod has.

use crate::import::split_image;
use crate::spec::WAIT_CONTAINER;
use crate::validate::{image_ref, names, Finding, Rule, Severity};

pub const WAIT_FOR_DATABASE: Rule = Rule {
    id: "wait-for-database",
    severity: Severity::Error,
    upstream: "validateInitContainers: name a DNS-1123 label unique across initContainers and \
               containers, image required; distribution/reference grammar (InvalidImageName on the \
               node); PGHOST resolved as a DNS name",
    check: |spec| {
        let init = &spec.init;
        if !init.wait_for_database {
            return Vec::new();
        }
        let mut out = Vec::new();
        let host = init.wait_host.trim();
        if spec.wait_host().is_none() {
            out.push(Finding::new(
                "init.wait_for_database",
                "There is no database to wait for: set one up on the database tab, or type the \
                 host to wait for.",
            ));
        } else if !host.is_empty() {
            if let Err(e) = names::dns1123_subdomain(host) {
                out.push(Finding::new(
                    "init.wait_host",
                    format!("The host {host:?} {e}"),
                ));
            }
        }
        if let Some(e) = image_problem(init.wait_image.trim()) {
            out.push(Finding::new(
                "init.wait_image",
                format!("The wait's image {e}"),
            ));
        }
        if spec.app.name == WAIT_CONTAINER {
            out.push(Finding::new(
                "app.name",
                format!(
                    "The app's container and the wait's init container would both be named \
                     {WAIT_CONTAINER}; container names must be unique in a pod: rename the app."
                ),
            ));
        }
        out
    },
};

fn image_problem(image: &str) -> Option<String> {
    if image.is_empty() {
        return Some("is empty: name one with pg_isready in it, e.g. postgres:17.5-alpine".into());
    }
    let (repository, tag, digest) = split_image(image);
    let checks = [
        image_ref::repository(&repository),
        if tag.is_empty() {
            Ok(())
        } else {
            image_ref::tag(&tag)
        },
        if digest.is_empty() {
            Ok(())
        } else {
            image_ref::digest(&digest)
        },
    ];
    checks.into_iter().find_map(Result::err)
}

pub const SIDECARS: Rule = Rule {
    id: "sidecars",
    severity: Severity::Error,
    upstream:
        "validateInitContainers / validateContainerCommon: name a DNS-1123 label unique across \
               initContainers and containers, image required, containerPort 1-65535 and unique in \
               the container, validateEnv names; ours: a port another container of the pod listens \
               on (one network: the second bind fails)",
    check: |spec| {
        let mut out = Vec::new();
        let mut names = vec![spec.app.name.clone()];
        if spec.init.wait_for_database {
            names.push(WAIT_CONTAINER.to_string());
        }
        let mut ports = vec![spec.port.number];
        for (i, s) in spec.init.sidecars.iter().enumerate() {
            let at = |f: &str| format!("init.sidecars[{i}].{f}");
            if let Err(e) = names::dns1123_label(&s.name) {
                out.push(Finding::new(at("name"), format!("The sidecar's name {e}")));
            } else if names.contains(&s.name) {
                out.push(Finding::new(
                    at("name"),
                    format!(
                        "Another container of the pod is named {}; names must be unique.",
                        s.name
                    ),
                ));
            }
            names.push(s.name.clone());
            if let Some(e) = image_problem(&s.image) {
                out.push(Finding::new(
                    at("image"),
                    format!("The sidecar's image {e}"),
                ));
            }
            for &p in &s.ports {
                if !(1..=65535).contains(&p) {
                    out.push(Finding::new(
                        at("ports"),
                        format!("Port {p} is out of range: 1 to 65535."),
                    ));
                } else if ports.contains(&p) {
                    out.push(Finding::new(
                        at("ports"),
                        format!(
                            "Port {p} is taken by another container of the pod: they share one \
                             network, so the second cannot listen on it."
                        ),
                    ));
                }
                ports.push(p);
            }
            for e in &s.env {
                if let Err(problem) = names::env_name(&e.name) {
                    out.push(Finding::new(
                        at("env"),
                        format!("The variable name {:?} {problem}", e.name),
                    ));
                }
            }
        }
        out
    },
};
