//! The database and clustering objects Kubewright writes, read back into the spec: a CloudNativePG
//! `Cluster` with its basic-auth Secret, or the Secret Bitnami's chart reads (`<release>-credentials`
//! with `password` and `postgres-password`), either of them possibly sealed; the connection URL the app Secret ends with; and the
//! headless Service (`<app>-headless`) with the ConfigMap entry holding its DNS name.
//!
//! Derived values are recognised by rendering them again from what was read: an entry counts as
//! derived only when the spec would write exactly that entry in exactly that place.

use serde_yaml::Value;

use super::manifests::{decode, finish, sealed_keys, take_labels, unreachable_doc, Doc};
use super::tree::scalar_text;
use super::ReportItem;
use crate::k8s;
use crate::spec::{AppSpec, Database, DatabaseKind};

/// The apiVersion group of CloudNativePG's Cluster.
const CNPG_GROUP: &str = "postgresql.cnpg.io/";

/// apiVersion, kind, name, the app's namespace and labels: what the renderer writes on every object.
fn take_meta(doc: &mut Doc, spec: &AppSpec) {
    doc.tree.take("apiVersion");
    doc.tree.take("kind");
    doc.tree.take("metadata.name");
    if doc.tree.get("metadata.namespace").and_then(Value::as_str)
        == Some(spec.app.namespace.as_str())
    {
        doc.tree.take("metadata.namespace");
    }
    take_labels(&mut doc.tree, "metadata.labels", Some(&spec.app.name), spec);
}

/// Removes and returns the document matching `test`.
fn take_doc(docs: &mut [Option<Doc>], test: impl Fn(&Doc) -> bool) -> Option<Doc> {
    let i = docs.iter().position(|d| d.as_ref().is_some_and(&test))?;
    Some(docs[i].take().unwrap_or_else(unreachable_doc))
}

/// A Secret written as `stringData` only: the form's "write as stringData" option, which applies to
/// every Secret (the app may have none of its own to say so).
fn note_string_data(doc: &Doc, spec: &mut AppSpec) {
    if doc.tree.get("data").is_none() && doc.tree.get("stringData").is_some() {
        spec.secret_options.string_data = true;
    }
}

/// One key of a Secret's `data` (base64) or `stringData`, taken out of the tree.
fn take_secret_key(doc: &mut Doc, key: &str) -> Option<String> {
    if let Some(value) = doc
        .tree
        .get("data")
        .and_then(|d| d.get(key))
        .and_then(scalar_text)
    {
        let decoded = decode(&value).ok()?;
        doc.tree.take_key("data", key);
        return Some(decoded);
    }
    let value = doc
        .tree
        .get("stringData")
        .and_then(|d| d.get(key))
        .and_then(scalar_text)?;
    doc.tree.take_key("stringData", key);
    Some(value)
}

/// Fills `spec.database` from the Cluster or the chart's Secret, and takes the URL entry the app
/// Secret ends with when it is the one the settings derive.
pub(super) fn take(docs: &mut [Option<Doc>], spec: &mut AppSpec, report: &mut Vec<ReportItem>) {
    let mut db = Database::default();
    if let Some(mut doc) = take_doc(docs, |d| {
        d.kind == k8s::Cluster::KIND && d.api_version().starts_with(CNPG_GROUP)
    }) {
        db.kind = DatabaseKind::CloudNativePg;
        db.name = doc.name.clone();
        take_meta(&mut doc, spec);
        let t = &mut doc.tree;
        db.instances = t.take_i64("spec.instances").unwrap_or(1);
        db.database = t
            .take_string("spec.bootstrap.initdb.database")
            .unwrap_or_default();
        db.user = t
            .take_string("spec.bootstrap.initdb.owner")
            .unwrap_or_default();
        t.take_if("spec.bootstrap.initdb.secret.name", &db.secret_name());
        db.storage_size = t.take_string("spec.storage.size").unwrap_or_default();
        finish(doc, report);
        let secret_name = db.secret_name();
        let basic_auth = "kubernetes.io/basic-auth";
        if let Some(mut doc) = take_doc(docs, |d| {
            d.kind == k8s::Secret::KIND && d.name == secret_name
        }) {
            take_meta(&mut doc, spec);
            note_string_data(&doc, spec);
            doc.tree.take_if("type", basic_auth);
            take_secret_key(&mut doc, "username");
            db.password = take_secret_key(&mut doc, "password").unwrap_or_default();
            finish(doc, report);
        } else if let Some(mut doc) = take_doc(docs, |d| {
            d.kind == k8s::SealedSecret::KIND && d.name == secret_name
        }) {
            // Sealed: the user and database are in the Cluster; the password comes in empty.
            take_meta(&mut doc, spec);
            sealed_keys(&mut doc, spec, report, &secret_name, basic_auth);
            finish(doc, report);
        }
    } else if let Some(mut doc) = take_doc(docs, |d| {
        let keys = |field: &str| {
            d.tree
                .get(field)
                .and_then(Value::as_mapping)
                .map(|m| m.keys().filter_map(scalar_text).collect::<Vec<_>>())
                .unwrap_or_default()
        };
        let mut all = keys("data");
        all.extend(keys("stringData"));
        all.extend(keys("spec.encryptedData"));
        all.sort();
        [k8s::Secret::KIND, k8s::SealedSecret::KIND].contains(&d.kind.as_str())
            && Database::name_of_secret(&d.name).is_some()
            && all == ["password", "postgres-password"]
    }) {
        db.kind = DatabaseKind::Helm;
        db.name = Database::name_of_secret(&doc.name)
            .unwrap_or_default()
            .to_string();
        let secret_name = doc.name.clone();
        take_meta(&mut doc, spec);
        if doc.kind == k8s::SealedSecret::KIND {
            // Both passwords come in empty: only the cluster's controller can read them.
            sealed_keys(&mut doc, spec, report, &secret_name, "Opaque");
        } else {
            note_string_data(&doc, spec);
            doc.tree.take_if("type", "Opaque");
            db.password = take_secret_key(&mut doc, "password").unwrap_or_default();
            db.admin_password = take_secret_key(&mut doc, "postgres-password").unwrap_or_default();
        }
        finish(doc, report);
    } else {
        return;
    }
    // The URL: the app Secret's last entry, if these settings (with the user, database and scheme
    // it names) derive exactly it. Otherwise the app gets no derived URL and keeps its entries.
    db.url_env = String::new();
    if let Some(last) = spec.secrets.last() {
        if let Some((scheme, user, database)) = parse_url(&last.value) {
            let candidate = Database {
                url_env: last.name.clone(),
                url_scheme: scheme,
                user: if db.kind == DatabaseKind::Helm {
                    user
                } else {
                    db.user.clone()
                },
                database: if db.kind == DatabaseKind::Helm {
                    database
                } else {
                    db.database.clone()
                },
                ..db.clone()
            };
            if candidate.url(spec.namespace()).as_deref() == Some(last.value.as_str()) {
                db = candidate;
                spec.secrets.pop();
            }
        }
    }
    spec.database = db;
}

/// `scheme://user:password@host/database`: the scheme, the user and the database, percent-decoded.
fn parse_url(url: &str) -> Option<(String, String, String)> {
    let (scheme, rest) = url.split_once("://")?;
    let (userinfo, host_path) = rest.rsplit_once('@')?;
    let user = userinfo.split(':').next()?;
    let database = host_path.rsplit_once('/')?.1;
    let decode = |s: &str| {
        percent_encoding::percent_decode_str(s)
            .decode_utf8()
            .ok()
            .map(|c| c.into_owned())
    };
    Some((scheme.to_string(), decode(user)?, decode(database)?))
}

/// Clustering: the headless Service `<app>-headless` turns it on; the ConfigMap's last entry is the
/// query variable when it holds that Service's DNS name.
pub(super) fn take_clustering(
    docs: &mut [Option<Doc>],
    spec: &mut AppSpec,
    report: &mut Vec<ReportItem>,
) {
    let name = spec.headless_service_name();
    let Some(mut doc) = take_doc(docs, |d| {
        d.kind == k8s::Service::KIND
            && d.name == name
            && d.tree.get("spec.clusterIP").and_then(Value::as_str) == Some("None")
    }) else {
        return;
    };
    take_meta(&mut doc, spec);
    let t = &mut doc.tree;
    t.take_if("spec.type", "ClusterIP");
    t.take_if("spec.clusterIP", "None");
    take_labels(t, "spec.selector", Some(&spec.app.name.clone()), spec);
    finish(doc, report);
    spec.clustering.enabled = true;
    spec.clustering.query_env = String::new();
    let host = spec.headless_host();
    if spec.env.last().is_some_and(|e| e.value == host) {
        if let Some(entry) = spec.env.pop() {
            spec.clustering.query_env = entry.name;
        }
    }
}
