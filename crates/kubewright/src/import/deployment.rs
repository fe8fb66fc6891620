//! The app's Deployment -> the app's name, namespace, labels, replicas and rollout, then its
//! container, field group by field group.

use serde_yaml::Value;

use super::container::{take_image, take_port, take_probes, take_resources, CONTAINER, POD};
use super::doc::{take_labels, Doc};
use super::env::{take_env, take_env_from, EnvSources};
use super::tree::{scalar_text, Cursor, Tree};
use super::ReportItem;
use crate::k8s::checksum;
use crate::spec::{AppSpec, DeployStrategy, Label, APP_LABEL};

/// Reads the Deployment into `spec`, and where the container's env comes from into `env`.
pub(super) fn take(
    doc: &mut Doc,
    spec: &mut AppSpec,
    env: &mut EnvSources,
    report: &mut Vec<ReportItem>,
) {
    let api_version = doc.api_version().to_string();
    let t = &mut doc.tree;
    if api_version != "apps/v1" {
        report.push(ReportItem::adjusted(
            t.at("apiVersion"),
            format!("{api_version} is no longer served by Kubernetes: written as apps/v1"),
        ));
    }
    t.take("apiVersion");
    t.take("kind");
    take_metadata(t, spec);
    take_rollout(t, spec, report);
    if t.get(CONTAINER).is_none() {
        return;
    }
    let mut c = Cursor::new(t, CONTAINER);
    match c.take_string("name") {
        Some(name) if name != spec.app.name => report.push(ReportItem::adjusted(
            c.tree
                .at(&format!("{CONTAINER}.name"))
                .replace(".0.", "[0]."),
            format!(
                "the container {name} is named after the app ({})",
                spec.app.name
            ),
        )),
        _ => {}
    }
    take_image(&mut c, spec);
    take_port(&mut c, spec);
    take_probes(&mut c, spec);
    take_resources(&mut c, spec);
    super::shutdown::take(t, spec);
    super::spreading::take(t, spec);
    spec.security = super::security::take(t, POD, CONTAINER);
    super::volume::take_pod(t, spec, report);
    super::service_account::take_pod(t, POD, spec, report);
    super::registry::take_pod(t, POD, spec);
    super::init::take_sidecars(t, spec);
    super::init::take(t, spec, report);
    let mut c = Cursor::new(t, CONTAINER);
    take_env(&mut c, spec, env);
    take_env_from(&mut c, env);
}

/// The app's name and namespace; labels besides `app` are the app's extra labels (on every object
/// and pod).
fn take_metadata(t: &mut Tree, spec: &mut AppSpec) {
    spec.app.name = t.take_string("metadata.name").unwrap_or_default();
    spec.app.namespace = t.take_string("metadata.namespace").unwrap_or_default();
    let labels = t
        .get("metadata.labels")
        .and_then(Value::as_mapping)
        .cloned()
        .unwrap_or_default();
    for (key, value) in &labels {
        if let (Some(key), Some(value)) = (scalar_text(key), scalar_text(value)) {
            if key != APP_LABEL {
                spec.app.labels.push(Label { key, value });
            }
        }
    }
    take_labels(t, "metadata.labels", Some(&spec.app.name), spec);
}

/// Replicas, the selector and the rolling update, with Kubernetes' defaults where the manifest
/// leaves them out.
fn take_rollout(t: &mut Tree, spec: &mut AppSpec, report: &mut Vec<ReportItem>) {
    let app = spec.app.name.clone();
    spec.app.replicas = t.take_i64("spec.replicas").unwrap_or(1);
    spec.app.revision_history_limit = t.take_i64("spec.revisionHistoryLimit").unwrap_or(10);
    t.take_if(&format!("spec.selector.matchLabels.{APP_LABEL}"), &app);
    take_labels(t, "spec.template.metadata.labels", Some(&app), spec);
    // Checksums of the ConfigMap and Secret: made again from the imported values.
    for key in [
        checksum::CONFIG_ANNOTATION,
        checksum::SECRET_ANNOTATION,
        checksum::FILES_ANNOTATION,
        checksum::SECRET_FILES_ANNOTATION,
    ] {
        t.take(&format!("spec.template.metadata.annotations.{key}"));
    }
    match t.get("spec.strategy.type").and_then(Value::as_str) {
        None | Some("RollingUpdate") => {
            t.take("spec.strategy.type");
        }
        Some("Recreate") => {
            t.take("spec.strategy.type");
            spec.app.strategy = DeployStrategy::Recreate;
        }
        Some(other) => report.push(ReportItem::adjusted(
            t.at("spec.strategy.type"),
            format!("{other} is replaced by RollingUpdate, one of the strategies the form offers"),
        )),
    }
    spec.app.max_surge = t
        .take_int_or_string("spec.strategy.rollingUpdate.maxSurge")
        .unwrap_or_else(|| "25%".into());
    spec.app.max_unavailable = t
        .take_int_or_string("spec.strategy.rollingUpdate.maxUnavailable")
        .unwrap_or_else(|| "25%".into());
}
