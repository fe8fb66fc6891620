//! Manifests -> spec. The app is the first Deployment ([`super::deployment`], its container read
//! field group by field group in [`super::container`] and [`super::env`]); its ConfigMap and Secret
//! are the ones its container reads with `envFrom` (or named `<app>-env` / `<app>-env-secret`); its
//! Service is the one selecting `app: <name>` ([`super::service`]); the database and clustering
//! objects Kubewright writes are read back ([`super::database`]); every Job becomes a job
//! ([`super::job`]). Lists (`kind: List`, `SecretList`, ...) stand for their items. Other objects
//! are held for review as they are, except what the gate refuses (Secrets, whose values would
//! otherwise sit in share links and storage, and kustomize's own files); a held object with a
//! secret-looking literal value gets a report line saying so.

use serde_yaml::Value;

use super::doc::Docs;
use super::env::EnvSources;
use super::tree::{scalar_text, show_path};
use super::{Format, Imported, ReportItem};
use crate::k8s;
use crate::spec::{AppSpec, PullPolicy, Target};

pub fn import(documents: Vec<Value>) -> Imported {
    let mut report = Vec::new();
    let mut docs = Docs::read(documents, &mut report);
    // The form's defaults to start with: each reader gives a field the manifests leave out
    // Kubernetes' default (replicas 1, maxSurge 25%, no probe), so the imported app behaves as the
    // manifests did; only what they lack entirely (no Deployment, no Service) stays as the form has it.
    let mut spec = AppSpec::default();
    let mut env = EnvSources::default();
    let replicas = docs
        .find(|d| d.is(k8s::Deployment::KIND))
        .and_then(|d| d.tree.get("spec.replicas").and_then(Value::as_i64));
    take_app(&mut docs, &mut spec, &mut env, &mut report);
    super::scaling::take(&mut docs, &mut spec, replicas, &mut report);
    super::disruption::take(&mut docs, &mut spec, &mut report);
    take_namespace(&mut docs, &mut spec, &mut report);
    super::service_account::take_object(&mut docs, &mut spec, &mut report);
    super::registry::take_object(&mut docs, &mut spec, &mut report);
    super::env::take_objects(&mut docs, &mut spec, env, &mut report);
    super::service::take(&mut docs, &mut spec, &mut report);
    // The database Kubewright sets up, and the headless Service that lets the pods find each other.
    super::database::take(&mut docs, &mut spec, &mut report);
    super::database::take_clustering(&mut docs, &mut spec, &mut report);
    super::ingress::take(&mut docs, &mut spec, &mut report);
    super::ingress::take_issuer(&mut docs, &mut spec);
    super::route::take(&mut docs, &mut spec, &mut report);
    super::route::take_gateway(&mut docs, &mut spec);
    super::init::settle_host(&mut spec);
    // Made for Minikube: the image is never pulled (it is built inside Minikube).
    if spec.image.pull_policy == PullPolicy::Never {
        spec.target = Target::Minikube;
    }
    while let Some(mut doc) = docs.take(|d| d.is(k8s::Job::KIND)) {
        super::job::take(&mut doc, &mut spec, &mut report);
        doc.finish(&mut report);
    }
    super::cron_job::take(&mut docs, &mut spec, &mut report);
    // After the Jobs: the policy selects their pods too.
    super::network_policy::take(&mut docs, &mut spec);
    hold_the_rest(docs, &mut spec, &mut report);
    Imported {
        format: Format::Manifests,
        spec,
        report,
    }
}

/// The app: the first Deployment; without one, the app is named after the first Service.
fn take_app(
    docs: &mut Docs,
    spec: &mut AppSpec,
    env: &mut EnvSources,
    report: &mut Vec<ReportItem>,
) {
    if let Some(mut doc) = docs.take(|d| d.is(k8s::Deployment::KIND)) {
        super::deployment::take(&mut doc, spec, env, report);
        doc.finish(report);
    } else if let Some(service) = docs.find(|d| d.is(k8s::Service::KIND)) {
        spec.app.name = service.name.clone();
        spec.app.namespace = String::new();
        report.push(ReportItem::adjusted(
            "(no Deployment)",
            "the app is named after the Service; image, port and probes are the form's defaults",
        ));
    }
}

/// The namespace: the Deployment's, else the Namespace object's, else any object's. The Namespace
/// object of that name is the one the renderer writes.
fn take_namespace(docs: &mut Docs, spec: &mut AppSpec, report: &mut Vec<ReportItem>) {
    if spec.app.namespace.is_empty() {
        spec.app.namespace = docs
            .find(|d| d.is(k8s::Namespace::KIND))
            .map(|d| d.name.clone())
            .or_else(|| {
                docs.iter().find_map(|d| {
                    d.tree
                        .get("metadata.namespace")
                        .and_then(Value::as_str)
                        .map(str::to_string)
                })
            })
            .unwrap_or_default();
    }
    let namespace = &spec.app.namespace;
    if let Some(mut doc) = docs.take(|d| d.is(k8s::Namespace::KIND) && d.name == *namespace) {
        doc.tree.take("apiVersion");
        doc.tree.take("kind");
        doc.tree.take("metadata.name");
        doc.finish(report);
    }
}

/// Everything no reader took: held for review as it is, unless the gate refuses to keep it at all
/// (a Secret, a kustomize file, a look-alike kind, ...).
fn hold_the_rest(docs: Docs, spec: &mut AppSpec, report: &mut Vec<ReportItem>) {
    for doc in docs.rest() {
        let label = doc.tree.label.clone();
        if let Some(why) = crate::kept::refusal(&doc.tree.rest) {
            report.push(ReportItem::dropped(label, why));
        } else {
            report.push(ReportItem::held(
                label,
                "not modelled by the form: held for review; include it above to emit it unchanged after the app's objects",
            ));
            plain_secrets(&doc, report);
            spec.extra.push(crate::kept::Kept::held(doc.tree.rest));
        }
    }
}

/// Reports every literal value in a kept object that looks secret (by the shared word list,
/// [`crate::secret_words`]): an env entry `{name, value}` anywhere in it (any pod template, a
/// CronJob's, a custom resource's), and a ConfigMap's data. The object is kept unchanged: only the
/// user can move a value into a Secret, and then change what reads it.
fn plain_secrets(doc: &super::doc::Doc, report: &mut Vec<ReportItem>) {
    let mut found = Vec::new();
    find_env_values(&doc.tree.rest, &mut Vec::new(), &mut found);
    if doc.is(k8s::ConfigMap::KIND) {
        if let Some(Value::Mapping(data)) = doc.tree.get("data") {
            for (key, value) in data {
                if let (Some(key), Some(value)) = (scalar_text(key), scalar_text(value)) {
                    found.push((vec!["data".to_string(), key.clone()], key, value));
                }
            }
        }
    }
    for (path, name, value) in found {
        let Some(reason) = crate::secret_words::reason(&name, &value) else {
            continue;
        };
        report.push(ReportItem::held(
            doc.tree.at(&show_path(&path)),
            format!(
                "{name} looks secret ({reason}), and its value stays in plain text in this kept object, readable by anyone who can read it (this page never stores or shares it). Move it into a Secret"
            ),
        ));
    }
}

/// (path, name, value) of every `env` list entry with a literal `value` under `node`.
fn find_env_values(
    node: &Value,
    path: &mut Vec<String>,
    found: &mut Vec<(Vec<String>, String, String)>,
) {
    match node {
        Value::Mapping(map) => {
            for (key, value) in map {
                let Some(key) = scalar_text(key) else {
                    continue;
                };
                path.push(key.clone());
                if let ("env", Value::Sequence(items)) = (key.as_str(), value) {
                    for (i, item) in items.iter().enumerate() {
                        let text = |k: &str| item.get(k).and_then(scalar_text);
                        if let (Some(name), Some(value)) = (text("name"), text("value")) {
                            let mut at = path.clone();
                            at.push(i.to_string());
                            found.push((at, name, value));
                        }
                    }
                }
                find_env_values(value, path, found);
                path.pop();
            }
        }
        Value::Sequence(items) => {
            for (i, item) in items.iter().enumerate() {
                path.push(i.to_string());
                find_env_values(item, path, found);
                path.pop();
            }
        }
        _ => {}
    }
}
