//! The app container's environment: its `env` entries (pod fields to the Downward API list, literal
//! values to the container's own env, single keys of a ConfigMap or Secret looked up in the input)
//! and the ConfigMaps and Secrets it reads whole with `envFrom`, whose entries become the form's env
//! and secrets.

use serde_yaml::Value;

use super::doc::{Doc, Docs};
use super::secret::{decode, note_string_data, sealed_secret, secret_values};
use super::tree::{scalar_text, Cursor};
use super::ReportItem;
use crate::k8s;
use crate::spec::{AppSpec, DownwardEnv, DownwardField, EnvEntry};

/// Where the app's env comes from, as its container says; read after the container, from the
/// ConfigMaps and Secrets in the input.
#[derive(Default)]
pub(super) struct EnvSources {
    config_maps: Vec<String>,
    secrets: Vec<String>,
    key_refs: Vec<KeyRef>,
    literal: Vec<EnvEntry>,
}

/// An env entry that reads one key of a ConfigMap or a Secret.
struct KeyRef {
    env: String,
    from: String,
    key: String,
    secret: bool,
}

impl KeyRef {
    fn kind(&self) -> &'static str {
        if self.secret {
            k8s::Secret::KIND
        } else {
            k8s::ConfigMap::KIND
        }
    }
}

/// The container's `env`: pod fields go to the Downward API list, literal values to the
/// container's own env, and single keys of a ConfigMap or Secret are looked up later.
pub(super) fn take_env(c: &mut Cursor, spec: &mut AppSpec, sources: &mut EnvSources) {
    for i in 0..c.len("env") {
        take_env_entry(&mut c.child(&format!("env.{i}")), spec, sources);
    }
}

fn take_env_entry(e: &mut Cursor, spec: &mut AppSpec, sources: &mut EnvSources) {
    let Some(name) = e.get("name").and_then(scalar_text) else {
        return;
    };
    if let Some(path) = e.str("valueFrom.fieldRef.fieldPath") {
        if let Some(field) = DownwardField::ALL
            .into_iter()
            .find(|f| f.field_path() == path)
        {
            e.take("valueFrom.fieldRef.fieldPath");
            e.take_if("valueFrom.fieldRef.apiVersion", "v1");
            e.take("name");
            spec.downward.push(DownwardEnv { name, field });
        }
        return;
    }
    for (reference, secret) in [("configMapKeyRef", false), ("secretKeyRef", true)] {
        let r = format!("valueFrom.{reference}");
        let from = e.str(&format!("{r}.name")).map(str::to_string);
        let key = e.str(&format!("{r}.key")).map(str::to_string);
        if let (Some(from), Some(key)) = (from, key) {
            e.take(&format!("{r}.name"));
            e.take(&format!("{r}.key"));
            e.take("name");
            sources.key_refs.push(KeyRef {
                env: name.clone(),
                from,
                key,
                secret,
            });
        }
    }
    if e.get("valueFrom").is_none() {
        let value = e.take_string("value").unwrap_or_default();
        e.take("name");
        sources.literal.push(EnvEntry { name, value });
    }
}

/// The container's `envFrom`: the ConfigMaps and Secrets it reads whole (one with a `prefix`
/// renames its keys, which the form cannot say: it stays in and is reported).
pub(super) fn take_env_from(c: &mut Cursor, sources: &mut EnvSources) {
    for i in 0..c.len("envFrom") {
        let mut e = c.child(&format!("envFrom.{i}"));
        if e.get("prefix").is_some() {
            continue;
        }
        if let Some(name) = e.take_string("configMapRef.name") {
            sources.config_maps.push(name);
        } else if let Some(name) = e.take_string("secretRef.name") {
            sources.secrets.push(name);
        }
    }
}

/// A Job's `env`, taken where it is the app's: the same Downward API and container entries.
pub(super) fn take_same_env(c: &mut Cursor, spec: &AppSpec) {
    for i in 0..c.len("env") {
        let mut e = c.child(&format!("env.{i}"));
        let name = e.str("name").map(str::to_string);
        let path = e.str("valueFrom.fieldRef.fieldPath").map(str::to_string);
        if let (Some(name), Some(path)) = (name.clone(), path) {
            if spec
                .downward
                .iter()
                .any(|d| d.name == name && d.field.field_path() == path)
            {
                e.take("name");
                e.take("valueFrom.fieldRef.fieldPath");
                e.take_if("valueFrom.fieldRef.apiVersion", "v1");
            }
        } else if let Some(name) = name {
            let value = e.get("value").and_then(scalar_text);
            if spec
                .pod_env
                .iter()
                .any(|p| p.name == name && Some(&p.value) == value.as_ref())
            {
                e.take("name");
                e.take("value");
            }
        }
    }
}

/// A Job's `envFrom`, taken where it reads the app's ConfigMap and Secret.
pub(super) fn take_same_env_from(c: &mut Cursor, spec: &AppSpec) {
    for i in 0..c.len("envFrom") {
        let mut e = c.child(&format!("envFrom.{i}"));
        e.take_if("configMapRef.name", &spec.config_map_name());
        e.take_if("secretRef.name", &spec.secret_name());
    }
}

/// The ConfigMaps and Secrets the container reads (or named `<app>-env` / `<app>-env-secret`) become
/// the env and secrets, then the single keys it reads, then its literal values.
pub(super) fn take_objects(
    docs: &mut Docs,
    spec: &mut AppSpec,
    mut sources: EnvSources,
    report: &mut Vec<ReportItem>,
) {
    sources.config_maps.push(spec.config_map_name());
    sources.secrets.push(spec.secret_name());
    let read_whole = |d: &Doc| {
        (d.is(k8s::ConfigMap::KIND) && sources.config_maps.contains(&d.name))
            || ((d.is(k8s::Secret::KIND) || d.is(k8s::SealedSecret::KIND))
                && sources.secrets.contains(&d.name))
    };
    while let Some(mut doc) = docs.take(read_whole) {
        if doc.is(k8s::ConfigMap::KIND) {
            take_config_map(&mut doc, spec, report);
        } else if doc.is(k8s::Secret::KIND) {
            take_secret(&mut doc, spec, report);
        } else {
            let sealed = sealed_secret(&mut doc, spec, report);
            spec.secrets.extend(sealed);
        }
        doc.finish(report);
    }
    for key_ref in sources.key_refs {
        take_key_ref(docs, spec, key_ref, report);
    }
    // Literal values are the container's own env (they may use $(POD_IP) and the like).
    spec.pod_env.extend(sources.literal);
}

fn take_config_map(doc: &mut Doc, spec: &mut AppSpec, report: &mut Vec<ReportItem>) {
    doc.take_app_object(spec, report);
    // Kubernetes refuses ConfigMap data that is not text (`PORT: 4000` unquoted); the value is
    // taken as YAML read it, which may differ from what was typed (`1.10` -> 1.1).
    if let Some(Value::Mapping(data)) = doc.tree.get("data") {
        for (key, value) in data {
            if !value.is_string() {
                report.push(ReportItem::adjusted(
                    doc.tree
                        .at(&format!("data.{}", scalar_text(key).unwrap_or_default())),
                    format!(
                        "not text (Kubernetes would refuse it): taken as {:?}; quote it if that is not what you meant",
                        scalar_text(value).unwrap_or_default()
                    ),
                ));
            }
        }
    }
    for (name, value) in doc.tree.take_pairs("data") {
        spec.env.push(EnvEntry { name, value });
    }
}

fn take_secret(doc: &mut Doc, spec: &mut AppSpec, report: &mut Vec<ReportItem>) {
    doc.take_app_object(spec, report);
    doc.tree.take_if("type", "Opaque");
    note_string_data(doc, spec);
    spec.secrets.extend(secret_values(doc, report));
}

/// A single key taken with configMapKeyRef / secretKeyRef: looked up in the input, by name.
fn take_key_ref(docs: &Docs, spec: &mut AppSpec, r: KeyRef, report: &mut Vec<ReportItem>) {
    let value = docs
        .find(|d| d.name == r.from && d.is(r.kind()))
        .and_then(|d| {
            let value = d.tree.get("data")?.get(&r.key);
            match (r.secret, value) {
                (false, Some(v)) => scalar_text(v),
                (true, Some(v)) => decode(v.as_str()?).ok(),
                (_, None) => d.tree.get("stringData")?.get(&r.key).and_then(scalar_text),
            }
        });
    match value {
        Some(value) if r.secret => spec.secrets.push(EnvEntry { name: r.env, value }),
        Some(value) => spec.env.push(EnvEntry { name: r.env, value }),
        None => report.push(ReportItem::dropped(
            format!("{}/{} env {}", k8s::Deployment::KIND, spec.app.name, r.env),
            format!(
                "reads key {:?} of {} {}, which is not in the input",
                r.key,
                r.kind(),
                r.from
            ),
        )),
    }
}
