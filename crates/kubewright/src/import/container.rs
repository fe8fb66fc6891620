//! The app's container, read field group by field group (image, port, probes, resources), each
//! reader taking only its own fields through a [`Cursor`] on the container. Where the manifest
//! leaves a field out, the spec gets Kubernetes' default, so the app behaves as the manifests did.
//! A Job runs the app's container: its readers take a field only when it is the app's.

use super::tree::{scalar_text, Cursor};
use crate::spec::{is_mutable_tag, AppSpec, Probe, ProbeAction, Protocol, PullPolicy, Resources};

/// A pod template's pod spec.
pub(super) const POD: &str = "spec.template.spec";

/// The pod's first container, the only one the form models.
pub(super) const CONTAINER: &str = "spec.template.spec.containers.0";

/// The image reference and its pull policy.
pub(super) fn take_image(c: &mut Cursor, spec: &mut AppSpec) {
    let image = c.take_string("image").unwrap_or_default();
    let (repository, tag, digest) = split_image(&image);
    spec.image.repository = repository;
    spec.image.tag = tag;
    spec.image.digest = digest;
    spec.image.pull_policy = match c.str("imagePullPolicy") {
        Some(p) => match pull_policy(p) {
            Some(p) => {
                c.take("imagePullPolicy");
                p
            }
            None => PullPolicy::IfNotPresent,
        },
        // Kubernetes' default: Always for `latest` or no tag, else IfNotPresent.
        None if is_mutable_tag(&spec.image.tag) => PullPolicy::Always,
        None => PullPolicy::IfNotPresent,
    };
}

/// The first port (the form has one).
pub(super) fn take_port(c: &mut Cursor, spec: &mut AppSpec) {
    if c.get("ports.0").is_none() {
        return;
    }
    let mut p = c.child("ports.0");
    spec.port.name = p.take_string("name").unwrap_or_default();
    spec.port.number = p.take_i64("containerPort").unwrap_or(0);
    spec.port.protocol = match p.str("protocol") {
        None => Protocol::Tcp,
        Some(text) => match Protocol::ALL.into_iter().find(|x| x.as_str() == text) {
            Some(protocol) => {
                p.take("protocol");
                protocol
            }
            None => Protocol::Tcp,
        },
    };
}

/// The liveness, readiness and startup probes.
pub(super) fn take_probes(c: &mut Cursor, spec: &mut AppSpec) {
    for (field, probe) in [
        ("livenessProbe", &mut spec.probes.liveness),
        ("readinessProbe", &mut spec.probes.readiness),
        ("startupProbe", &mut spec.probes.startup),
    ] {
        *probe = match c.get(field) {
            Some(_) => take_probe(&mut c.child(field)),
            None => Probe::default(),
        };
    }
}

fn take_probe(p: &mut Cursor) -> Probe {
    let action = if let Some(command) = p.take_strings("exec.command") {
        ProbeAction::Exec { command }
    } else if p.get("httpGet").is_some() {
        ProbeAction::HttpGet {
            path: p.take_string("httpGet.path").unwrap_or_else(|| "/".into()),
            port: p.take_int_or_string("httpGet.port").unwrap_or_default(),
        }
    } else if let Some(port) = p.take_int_or_string("tcpSocket.port") {
        ProbeAction::TcpSocket { port }
    } else {
        // grpc or an unknown handler: the whole probe stays in and is reported.
        return Probe::default();
    };
    Probe {
        action,
        initial_delay_seconds: p.take_i64("initialDelaySeconds"),
        period_seconds: p.take_i64("periodSeconds"),
        timeout_seconds: p.take_i64("timeoutSeconds"),
        failure_threshold: p.take_i64("failureThreshold"),
        success_threshold: p.take_i64("successThreshold"),
    }
}

/// CPU and memory requests and limits; one left out stays empty, as Kubernetes leaves it.
pub(super) fn take_resources(c: &mut Cursor, spec: &mut AppSpec) {
    take_resources_into(c, &mut spec.resources);
}

/// [`take_resources`] into any container's resources (a sidecar's too).
pub(super) fn take_resources_into(c: &mut Cursor, r: &mut Resources) {
    let mut take = |field: &str| {
        c.take_string(&format!("resources.{field}"))
            .unwrap_or_default()
    };
    r.limits.cpu = take("limits.cpu");
    r.limits.memory = take("limits.memory");
    r.requests.cpu = take("requests.cpu");
    r.requests.memory = take("requests.memory");
}

/// A Job's requests and limits, taken where they are the app's (the Job gets the app's).
pub(super) fn take_same_resources(c: &mut Cursor, spec: &AppSpec) {
    let r = &spec.resources;
    for (field, value) in [
        ("limits.cpu", &r.limits.cpu),
        ("limits.memory", &r.limits.memory),
        ("requests.cpu", &r.requests.cpu),
        ("requests.memory", &r.requests.memory),
    ] {
        let rel = format!("resources.{field}");
        if c.get(&rel).and_then(scalar_text).as_ref() == Some(value) {
            c.take(&rel);
        }
    }
}

/// `repo[:tag][@digest]` -> (repository, tag, digest): the digest is what follows the first '@';
/// the tag is what follows the last ':' after the last '/' (a registry port such as
/// `localhost:5000/app` is not a tag).
pub fn split_image(image: &str) -> (String, String, String) {
    let (name, digest) = image.split_once('@').unwrap_or((image, ""));
    let slash = name.rfind('/').map_or(0, |i| i + 1);
    match name[slash..].rfind(':') {
        Some(i) => (
            name[..slash + i].to_string(),
            name[slash + i + 1..].to_string(),
            digest.to_string(),
        ),
        None => (name.to_string(), String::new(), digest.to_string()),
    }
}

/// The pull policy Kubernetes names `text`, if it is one.
pub(super) fn pull_policy(text: &str) -> Option<PullPolicy> {
    PullPolicy::ALL.into_iter().find(|p| p.as_str() == text)
}
