//! The app's Ingress (every path sent to the app's Service) -> the ingress fields, and the
//! ClusterIssuer it names, when it is exactly the one the form writes (Let's Encrypt over HTTP-01
//! through the Ingress's class); any other issuer is held for review as it is.

use serde_yaml::Value;

use super::doc::{Doc, Docs};
use super::tree::{scalar_text, Tree};
use super::ReportItem;
use crate::k8s;
use crate::spec::{
    AppSpec, Ingress, IngressRule, Issuer, IssuerKind, PathType, TlsSource, LETS_ENCRYPT_STAGING,
};

const RULES: &str = "spec.rules";

pub(super) fn take(docs: &mut Docs, spec: &mut AppSpec, report: &mut Vec<ReportItem>) {
    let app = spec.app.name.clone();
    let Some(mut doc) = docs.take(|d| {
        d.is(k8s::Ingress::KIND)
            && d.api_version() == "networking.k8s.io/v1"
            && sends_all_to(d, &app)
    }) else {
        return;
    };
    doc.take_app_object(spec, report);
    let t = &mut doc.tree;
    let mut ingress = Ingress {
        enabled: true,
        class_name: t.take_string("spec.ingressClassName").unwrap_or_default(),
        rules: Vec::new(),
        ..Ingress::default()
    };
    for kind in IssuerKind::ALL {
        if let Some(name) = t.take_key("metadata.annotations", kind.annotation()) {
            ingress.tls = TlsSource::CertManager;
            ingress.issuer.kind = kind;
            ingress.issuer.name = scalar_text(&name).unwrap_or_default();
        }
    }
    for i in 0..t.len(RULES) {
        let host = t
            .take_string(&format!("{RULES}.{i}.host"))
            .unwrap_or_default();
        for j in 0..t.len(&format!("{RULES}.{i}.http.paths")) {
            let at = format!("{RULES}.{i}.http.paths.{j}");
            ingress.rules.push(IngressRule {
                host: host.clone(),
                path: t
                    .take_string(&format!("{at}.path"))
                    .unwrap_or_else(|| "/".into()),
                path_type: take_path_type(t, &at, report),
            });
            t.take_if(&format!("{at}.backend.service.name"), &app);
            take_port(t, &at, spec);
        }
    }
    take_tls(t, spec, &mut ingress, report);
    spec.ingress = ingress;
    doc.finish(report);
}

// Every path of every rule goes to the app's Service (so the Ingress is the app's own).
fn sends_all_to(doc: &Doc, app: &str) -> bool {
    let rules = doc.tree.get(RULES).and_then(Value::as_sequence);
    let paths: Vec<&Value> = rules
        .into_iter()
        .flatten()
        .filter_map(|r| r.get("http")?.get("paths")?.as_sequence())
        .flatten()
        .collect();
    !paths.is_empty()
        && paths.iter().all(|p| {
            p.get("backend")
                .and_then(|b| b.get("service"))
                .and_then(|s| s.get("name"))
                .and_then(Value::as_str)
                == Some(app)
        })
}

fn take_path_type(t: &mut Tree, at: &str, report: &mut Vec<ReportItem>) -> PathType {
    let field = format!("{at}.pathType");
    match t.get(&field).and_then(Value::as_str) {
        Some("Exact") => {
            t.take(&field);
            PathType::Exact
        }
        Some("Prefix") => {
            t.take(&field);
            PathType::Prefix
        }
        other => {
            report.push(ReportItem::adjusted(
                t.at(&field),
                format!(
                    "{} is written as Prefix, which every controller treats alike",
                    other.unwrap_or("no pathType")
                ),
            ));
            t.take(&field);
            PathType::Prefix
        }
    }
}

// The Service's port as the form writes it: by the container port's name, else by number.
fn take_port(t: &mut Tree, at: &str, spec: &AppSpec) {
    let port = format!("{at}.backend.service.port");
    if !spec.port.name.is_empty() {
        t.take_if(&format!("{port}.name"), &spec.port.name);
    } else if t.get(&format!("{port}.number")).and_then(Value::as_i64) == Some(spec.service.port) {
        t.take(&format!("{port}.number"));
    }
}

// One certificate for every host: cert-manager's Secret `<app>-tls`, or an existing Secret.
fn take_tls(t: &mut Tree, spec: &AppSpec, ingress: &mut Ingress, report: &mut Vec<ReportItem>) {
    let Some(secret) = t.take_string("spec.tls.0.secretName") else {
        if ingress.tls == TlsSource::CertManager {
            report.push(ReportItem::adjusted(
                t.at("spec.tls"),
                "cert-manager's annotation without a tls section does nothing: the form adds one for every host",
            ));
        }
        return;
    };
    let hosts: Vec<String> = ingress.hosts().into_iter().map(str::to_string).collect();
    if t.get("spec.tls.0.hosts")
        .and_then(|h| serde_yaml::from_value::<Vec<String>>(h.clone()).ok())
        == Some(hosts)
    {
        t.take("spec.tls.0.hosts");
    }
    match ingress.tls {
        TlsSource::CertManager if secret != format!("{}-tls", spec.app.name) => {
            report.push(ReportItem::adjusted(
                t.at("spec.tls.0.secretName"),
                format!(
                    "cert-manager's certificate goes into {}-tls here",
                    spec.app.name
                ),
            ));
        }
        TlsSource::CertManager => {}
        _ => {
            ingress.tls = TlsSource::Secret;
            ingress.tls_secret = secret;
        }
    }
}

/// The ClusterIssuer the Ingress names, when it is exactly what the form writes for some e-mail
/// and server; then the form writes it again.
pub(super) fn take_issuer(docs: &mut Docs, spec: &mut AppSpec) {
    let ingress = &spec.ingress;
    if !ingress.enabled
        || ingress.tls != TlsSource::CertManager
        || ingress.issuer.kind != IssuerKind::ClusterIssuer
    {
        return;
    }
    take_cluster_issuer(docs, spec, |s| &mut s.ingress.issuer);
}

/// The ClusterIssuer the form's `issuer_of` names (the Ingress's or the Gateway's), read with the
/// e-mail and server it has, and taken when the form then writes exactly it.
pub(super) fn take_cluster_issuer(
    docs: &mut Docs,
    spec: &mut AppSpec,
    issuer_of: fn(&mut AppSpec) -> &mut Issuer,
) {
    let mut trial = spec.clone();
    let name = issuer_of(&mut trial).name.clone();
    let is_it = |d: &Doc| d.is(k8s::ClusterIssuer::KIND) && d.name == name;
    let Some(found) = docs.find(is_it) else {
        return;
    };
    let issuer = issuer_of(&mut trial);
    issuer.create = true;
    issuer.email = found
        .tree
        .get("spec.acme.email")
        .and_then(scalar_text)
        .unwrap_or_default();
    issuer.staging =
        found.tree.get("spec.acme.server").and_then(Value::as_str) == Some(LETS_ENCRYPT_STAGING);
    let read = issuer.clone();
    let ours = k8s::ClusterIssuer::from_spec(&trial).map(k8s::Object::ClusterIssuer);
    if same_as_ours(ours, &found.tree.rest) {
        docs.take(is_it);
        *issuer_of(spec) = read;
    }
}

/// Whether `theirs` is the object the form writes, labels and namespace aside (they come from the
/// app's settings, which are read already).
pub(super) fn same_as_ours(ours: Option<k8s::Object>, theirs: &Value) -> bool {
    let plain = |v: &Value| {
        let mut v = v.clone();
        if let Some(Value::Mapping(m)) = v.get_mut("metadata") {
            m.remove("labels");
            m.remove("namespace");
        }
        v
    };
    ours.map(|o| crate::render::to_yaml(&o))
        .and_then(|y| serde_yaml::from_str::<Value>(&y).ok())
        .is_some_and(|o| plain(&o) == plain(theirs))
}
