//! The app's registry login: `imagePullSecrets` naming `<name>-registry` turns it on, and that
//! Secret (the JSON `kubectl create secret docker-registry` writes) fills the server, user and
//! password; sealed, only the server is lost with the values, and they are typed again.

use base64::Engine;

use super::doc::Docs;
use super::secret::{note_string_data, sealed_keys, take_secret_key};
use super::tree::Tree;
use super::ReportItem;
use crate::k8s::{self, DOCKER_CONFIG_JSON, DOCKER_CONFIG_KEY};
use crate::spec::{AppSpec, Registry};

/// The Deployment's pod.
pub(super) fn take_pod(t: &mut Tree, pod: &str, spec: &mut AppSpec) {
    let path = format!("{pod}.imagePullSecrets");
    let ours = format!("{}-registry", spec.app.name);
    let named = |t: &Tree| {
        t.get(&format!("{path}.0.name"))
            .and_then(|v| v.as_str())
            .map(str::to_string)
    };
    if t.len(&path) != 1 || named(t).as_deref() != Some(ours.as_str()) {
        return;
    }
    t.take(&path);
    spec.registry.enabled = true;
}

/// The Secret (or SealedSecret) `<name>-registry` the pods pull with.
pub(super) fn take_object(docs: &mut Docs, spec: &mut AppSpec, report: &mut Vec<ReportItem>) {
    if !spec.registry.enabled {
        return;
    }
    let name = format!("{}-registry", spec.app.name);
    let found =
        docs.take(|d| (d.is(k8s::Secret::KIND) || d.is(k8s::SealedSecret::KIND)) && d.name == name);
    if let Some(mut doc) = found {
        doc.take_app_meta(spec);
        if doc.is(k8s::SealedSecret::KIND) {
            sealed_keys(&mut doc, spec, report, &name, DOCKER_CONFIG_JSON);
        } else {
            note_string_data(&doc, spec);
            doc.tree.take_if("type", DOCKER_CONFIG_JSON);
            if let Some(login) = take_secret_key(&mut doc, DOCKER_CONFIG_KEY)
                .as_deref()
                .and_then(login)
            {
                spec.registry = login;
            }
        }
        doc.finish(report);
    }
    if spec.registry.server.is_empty() {
        report.push(ReportItem::adjusted(
            format!("Secret/{name}"),
            "the pods pull with this login: type its server, user and password in the image tab",
        ));
    }
}

// `{"auths": {SERVER: {"username", "password" | "auth"}}}` with exactly one server.
fn login(json: &str) -> Option<Registry> {
    let value: serde_json::Value = serde_json::from_str(json).ok()?;
    let auths = value.get("auths")?.as_object()?;
    let [(server, entry)] = auths.iter().collect::<Vec<_>>()[..] else {
        return None;
    };
    let text = |key: &str| entry.get(key).and_then(|v| v.as_str()).map(str::to_string);
    let (username, password) = match (text("username"), text("password")) {
        (Some(u), Some(p)) => (u, p),
        _ => {
            let auth = base64::engine::general_purpose::STANDARD
                .decode(text("auth")?)
                .ok()?;
            let auth = String::from_utf8(auth).ok()?;
            let (u, p) = auth.split_once(':')?;
            (u.to_string(), p.to_string())
        }
    };
    Some(Registry {
        enabled: true,
        server: server.clone(),
        username,
        password,
    })
}

/// A Job's pod: taken when it names the same login as the app's pods.
pub(super) fn take_job_pod(t: &mut Tree, pod: &str, spec: &AppSpec) {
    let Some(name) = spec.registry_secret_name() else {
        return;
    };
    let path = format!("{pod}.imagePullSecrets");
    if t.len(&path) == 1
        && t.get(&format!("{path}.0.name")).and_then(|v| v.as_str()) == Some(name.as_str())
    {
        t.take(&path);
    }
}
