//! The database and clustering objects Kubewright writes, read back into the spec: a CloudNativePG
//! `Cluster` with its basic-auth Secret, or the Secret Bitnami's chart reads (`<release>-credentials`
//! with `password` and `postgres-password`), either Secret possibly sealed; the connection URL the
//! app Secret ends with; and the headless Service (`<app>-headless`) with the ConfigMap entry
//! holding its DNS name.
//!
//! Derived values are recognised by rendering them again from what was read: an entry counts as
//! derived only when the spec would write exactly that entry in exactly that place.

use serde_yaml::Value;

use super::doc::{take_labels, Docs};
use super::secret::{note_string_data, sealed_keys, take_secret_key};
use super::tree::scalar_text;
use super::ReportItem;
use crate::k8s;
use crate::spec::{AppSpec, Database, DatabaseKind};

/// The apiVersion group of CloudNativePG's Cluster.
const CNPG_GROUP: &str = "postgresql.cnpg.io/";

/// Fills `spec.database` from the Cluster or the chart's Secret, and takes the URL entry the app
/// Secret ends with when it is the one the settings derive.
pub(super) fn take(docs: &mut Docs, spec: &mut AppSpec, report: &mut Vec<ReportItem>) {
    let Some(db) =
        take_cluster(docs, spec, report).or_else(|| take_chart_secret(docs, spec, report))
    else {
        return;
    };
    spec.database = take_url(db, spec);
}

/// A CloudNativePG Cluster and its basic-auth Secret, plain or sealed.
fn take_cluster(
    docs: &mut Docs,
    spec: &mut AppSpec,
    report: &mut Vec<ReportItem>,
) -> Option<Database> {
    let mut doc =
        docs.take(|d| d.is(k8s::Cluster::KIND) && d.api_version().starts_with(CNPG_GROUP))?;
    let mut db = Database {
        kind: DatabaseKind::CloudNativePg,
        name: doc.name.clone(),
        ..Database::default()
    };
    doc.take_app_meta(spec);
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
    doc.finish(report);
    let secret_name = db.secret_name();
    let basic_auth = "kubernetes.io/basic-auth";
    if let Some(mut doc) = docs.take(|d| d.is(k8s::Secret::KIND) && d.name == secret_name) {
        doc.take_app_meta(spec);
        note_string_data(&doc, spec);
        doc.tree.take_if("type", basic_auth);
        take_secret_key(&mut doc, "username");
        db.password = take_secret_key(&mut doc, "password").unwrap_or_default();
        doc.finish(report);
    } else if let Some(mut doc) =
        docs.take(|d| d.is(k8s::SealedSecret::KIND) && d.name == secret_name)
    {
        // Sealed: the user and database are in the Cluster; the password comes in empty.
        doc.take_app_meta(spec);
        sealed_keys(&mut doc, spec, report, &secret_name, basic_auth);
        doc.finish(report);
    }
    Some(db)
}

/// The Secret Bitnami's chart reads (`<release>-credentials` with exactly `password` and
/// `postgres-password`), plain or sealed.
fn take_chart_secret(
    docs: &mut Docs,
    spec: &mut AppSpec,
    report: &mut Vec<ReportItem>,
) -> Option<Database> {
    let mut doc = docs.take(|d| {
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
        (d.is(k8s::Secret::KIND) || d.is(k8s::SealedSecret::KIND))
            && Database::name_of_secret(&d.name).is_some()
            && all == ["password", "postgres-password"]
    })?;
    let mut db = Database {
        kind: DatabaseKind::Helm,
        name: Database::name_of_secret(&doc.name)
            .unwrap_or_default()
            .to_string(),
        ..Database::default()
    };
    let secret_name = doc.name.clone();
    doc.take_app_meta(spec);
    if doc.is(k8s::SealedSecret::KIND) {
        // Both passwords come in empty: only the cluster's controller can read them.
        sealed_keys(&mut doc, spec, report, &secret_name, "Opaque");
    } else {
        note_string_data(&doc, spec);
        doc.tree.take_if("type", "Opaque");
        db.password = take_secret_key(&mut doc, "password").unwrap_or_default();
        db.admin_password = take_secret_key(&mut doc, "postgres-password").unwrap_or_default();
    }
    doc.finish(report);
    Some(db)
}

/// The URL: the app Secret's last entry, if these settings (with the user, database and scheme it
/// names) derive exactly it; it is then taken out of the secrets. Otherwise the app gets no derived
/// URL and keeps its entries.
fn take_url(mut db: Database, spec: &mut AppSpec) -> Database {
    db.url_env = String::new();
    let Some(last) = spec.secrets.last() else {
        return db;
    };
    let Some((scheme, user, database)) = parse_url(&last.value) else {
        return db;
    };
    let helm = db.kind == DatabaseKind::Helm;
    // With or without the port written out.
    for url_port in [true, false] {
        let candidate = Database {
            url_env: last.name.clone(),
            url_scheme: scheme.clone(),
            user: if helm { user.clone() } else { db.user.clone() },
            database: if helm {
                database.clone()
            } else {
                db.database.clone()
            },
            url_port,
            ..db.clone()
        };
        if candidate.url(spec.namespace()).as_deref() == Some(last.value.as_str()) {
            spec.secrets.pop();
            return candidate;
        }
    }
    db
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
pub(super) fn take_clustering(docs: &mut Docs, spec: &mut AppSpec, report: &mut Vec<ReportItem>) {
    let name = spec.headless_service_name();
    let Some(mut doc) = docs.take(|d| {
        d.kind == k8s::Service::KIND
            && d.name == name
            && d.tree.get("spec.clusterIP").and_then(Value::as_str) == Some("None")
    }) else {
        return;
    };
    doc.take_app_meta(spec);
    let t = &mut doc.tree;
    t.take_if("spec.type", "ClusterIP");
    t.take_if("spec.clusterIP", "None");
    take_labels(t, "spec.selector", Some(&spec.app.name.clone()), spec);
    doc.finish(report);
    spec.clustering.enabled = true;
    spec.clustering.query_env = String::new();
    let host = spec.headless_host();
    if spec.env.last().is_some_and(|e| e.value == host) {
        if let Some(entry) = spec.env.pop() {
            spec.clustering.query_env = entry.name;
        }
    }
}
