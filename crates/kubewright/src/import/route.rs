//! The app's HTTPRoute (every backend the app's Service) -> the route fields; then the Gateway it
//! names, the ReferenceGrant and the ClusterIssuer, each when it is exactly what the form writes for
//! some settings (any other is held for review as it is).

use serde_yaml::Value;

use super::doc::{Doc, Docs};
use super::ingress::same_as_ours;
use super::tree::{scalar_text, Tree};
use super::ReportItem;
use crate::k8s;
use crate::spec::{AppSpec, IssuerKind, PathType, Route, RoutePath, TlsSource};

const RULES: &str = "spec.rules";

pub(super) fn take(docs: &mut Docs, spec: &mut AppSpec, report: &mut Vec<ReportItem>) {
    // One way in: with the app's Ingress read already, a route is held for review.
    if spec.ingress.enabled {
        return;
    }
    let app = spec.app.name.clone();
    let Some(mut doc) = docs.take(|d| {
        d.is(k8s::HttpRoute::KIND)
            && d.api_version().starts_with("gateway.networking.k8s.io/")
            && sends_all_to(d, &app)
    }) else {
        return;
    };
    if doc.api_version() != "gateway.networking.k8s.io/v1" {
        report.push(ReportItem::adjusted(
            doc.tree.at("apiVersion"),
            format!(
                "{} is written as gateway.networking.k8s.io/v1, the same fields",
                doc.api_version()
            ),
        ));
    }
    doc.take_app_object(spec, report);
    let t = &mut doc.tree;
    let mut route = Route {
        enabled: true,
        gateway: t.take_string("spec.parentRefs.0.name").unwrap_or_default(),
        gateway_namespace: t
            .take_string("spec.parentRefs.0.namespace")
            .unwrap_or_default(),
        section_name: t
            .take_string("spec.parentRefs.0.sectionName")
            .unwrap_or_default(),
        hostnames: t.take_strings("spec.hostnames").unwrap_or_default(),
        paths: Vec::new(),
        ..Route::default()
    };
    if route.gateway_namespace == spec.app.namespace {
        route.gateway_namespace.clear();
    }
    for i in 0..t.len(RULES) {
        for j in 0..t.len(&format!("{RULES}.{i}.matches")) {
            let at = format!("{RULES}.{i}.matches.{j}.path");
            let Some(path_type) = take_path_type(t, &at) else {
                continue;
            };
            route.paths.push(RoutePath {
                path: t
                    .take_string(&format!("{at}.value"))
                    .unwrap_or_else(|| "/".into()),
                path_type,
            });
        }
        for j in 0..t.len(&format!("{RULES}.{i}.backendRefs")) {
            let at = format!("{RULES}.{i}.backendRefs.{j}");
            t.take_if(&format!("{at}.name"), &app);
            t.take_if(&format!("{at}.kind"), k8s::Service::KIND);
            if t.get(&format!("{at}.port")).and_then(Value::as_i64) == Some(spec.service.port) {
                t.take(&format!("{at}.port"));
            }
        }
    }
    spec.route = route;
    doc.finish(report);
}

// Every backend of every rule is the app's Service (so the route is the app's own).
fn sends_all_to(doc: &Doc, app: &str) -> bool {
    let rules = doc.tree.get(RULES).and_then(Value::as_sequence);
    let backends: Vec<&Value> = rules
        .into_iter()
        .flatten()
        .filter_map(|r| r.get("backendRefs")?.as_sequence())
        .flatten()
        .collect();
    !backends.is_empty()
        && backends.iter().all(|b| {
            b.get("name").and_then(Value::as_str) == Some(app)
                && b.get("kind").and_then(Value::as_str).unwrap_or("Service") == "Service"
        })
}

// A path match the form has (PathPrefix, the default, or Exact); a RegularExpression stays.
fn take_path_type(t: &mut Tree, at: &str) -> Option<PathType> {
    let field = format!("{at}.type");
    let path_type = match t.get(&field).and_then(Value::as_str) {
        None | Some("PathPrefix") => PathType::Prefix,
        Some("Exact") => PathType::Exact,
        Some(_) => return None,
    };
    t.take(&field);
    Some(path_type)
}

/// The Gateway the route names, when it is the one the form writes for its class, ports and
/// certificate; then the ReferenceGrant and the ClusterIssuer it uses, the same way.
pub(super) fn take_gateway(docs: &mut Docs, spec: &mut AppSpec) {
    if !spec.route.enabled {
        return;
    }
    let name = spec.route.gateway.clone();
    let is_it = |d: &Doc| d.is(k8s::Gateway::KIND) && d.name == name;
    let Some(found) = docs.find(is_it) else {
        return;
    };
    let mut trial = spec.clone();
    read_gateway(&found.tree, &mut trial.route);
    let ours = k8s::Gateway::from_spec(&trial).map(k8s::Object::Gateway);
    let namespace = found.tree.get("metadata.namespace").and_then(Value::as_str);
    let same_namespace = namespace.unwrap_or(&spec.app.namespace)
        == trial
            .route
            .gateway_elsewhere(&trial)
            .unwrap_or(&spec.app.namespace);
    if !same_namespace || !same_as_ours(ours, &found.tree.rest) {
        return;
    }
    docs.take(is_it);
    spec.route = trial.route;
    take_grant(docs, spec);
    take_issuer(docs, spec);
    take_redirect(docs, spec);
}

/// The HTTP-to-HTTPS redirect route, when it is exactly the one the form writes; without one
/// the form writes none either.
fn take_redirect(docs: &mut Docs, spec: &mut AppSpec) {
    let name = spec.http_redirect_name();
    let is_it = |d: &Doc| d.is(k8s::HttpRoute::KIND) && d.name == name;
    let ours = k8s::HttpRoute::redirect_from_spec(spec).map(k8s::Object::HttpRedirect);
    let same = docs
        .find(is_it)
        .is_some_and(|found| ours.is_some() && same_as_ours(ours, &found.tree.rest));
    if same {
        docs.take(is_it);
    } else {
        spec.route.redirect_http = false;
    }
}

// The written Gateway's settings, as far as its document tells them.
fn read_gateway(t: &Tree, route: &mut Route) {
    route.create_gateway = true;
    let text = |path: &str| t.get(path).and_then(scalar_text);
    route.class_name = text("spec.gatewayClassName").unwrap_or_default();
    let listeners = t
        .get("spec.listeners")
        .and_then(Value::as_sequence)
        .cloned()
        .unwrap_or_default();
    let port = |l: &Value| l.get("port").and_then(Value::as_i64);
    if let Some(p) = listeners
        .iter()
        .find(|l| l.get("protocol").and_then(Value::as_str) == Some("HTTP"))
        .and_then(port)
    {
        route.http_port = p;
    }
    let https = listeners
        .iter()
        .find(|l| l.get("protocol").and_then(Value::as_str) == Some("HTTPS"));
    let Some(https) = https else {
        return;
    };
    route.https_port = port(https).unwrap_or(443);
    for kind in IssuerKind::ALL {
        if let Some(issuer) = t
            .get("metadata.annotations")
            .and_then(|a| a.get(kind.annotation()))
            .and_then(scalar_text)
        {
            route.tls = TlsSource::CertManager;
            route.issuer.kind = kind;
            route.issuer.name = issuer;
            return;
        }
    }
    route.tls = TlsSource::Secret;
    route.tls_secret = https
        .get("tls")
        .and_then(|tls| tls.get("certificateRefs")?.get(0)?.get("name"))
        .and_then(scalar_text)
        .unwrap_or_default();
}

fn take_grant(docs: &mut Docs, spec: &AppSpec) {
    let Some(name) = spec.reference_grant_name() else {
        return;
    };
    let is_it = |d: &Doc| d.is(k8s::ReferenceGrant::KIND) && d.name == name;
    let ours = k8s::ReferenceGrant::from_spec(spec).map(k8s::Object::ReferenceGrant);
    if docs
        .find(is_it)
        .is_some_and(|d| same_as_ours(ours, &d.tree.rest))
    {
        docs.take(is_it);
    }
}

// The ClusterIssuer the Gateway names, when it is the one the form writes for some e-mail and server.
fn take_issuer(docs: &mut Docs, spec: &mut AppSpec) {
    let route = &spec.route;
    if route.tls != TlsSource::CertManager || route.issuer.kind != IssuerKind::ClusterIssuer {
        return;
    }
    super::ingress::take_cluster_issuer(docs, spec, |s| &mut s.route.issuer);
}
