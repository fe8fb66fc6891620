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
