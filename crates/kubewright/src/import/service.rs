//! The app's Service: its type and its one port, which forwards to the container's port.

use serde_yaml::Value;

use super::doc::{Doc, Docs};
use super::tree::scalar_text;
use super::ReportItem;
use crate::k8s;
use crate::spec::{AppSpec, ServiceType, APP_LABEL};

/// The app's Service: the one named after the app, else the first selecting `app: <name>`.
pub(super) fn take(docs: &mut Docs, spec: &mut AppSpec, report: &mut Vec<ReportItem>) {
    let app = spec.app.name.clone();
    let selector = format!("spec.selector.{APP_LABEL}");
    let Some(mut doc) = docs
        .take(|d| d.is(k8s::Service::KIND) && d.name == app)
        .or_else(|| {
            docs.take(|d| {
                d.is(k8s::Service::KIND)
                    && d.tree.get(&selector).and_then(Value::as_str) == Some(app.as_str())
            })
        })
    else {
        return;
    };
    take_service(&mut doc, spec, report);
    doc.finish(report);
}

fn take_service(doc: &mut Doc, spec: &mut AppSpec, report: &mut Vec<ReportItem>) {
    doc.take_app_object(spec, report);
    let t = &mut doc.tree;
    t.take_if(&format!("spec.selector.{APP_LABEL}"), &spec.app.name);
    let api_type = t
        .get("spec.type")
        .and_then(Value::as_str)
        .unwrap_or("ClusterIP")
        .to_string();
    let headless = t.get("spec.clusterIP").and_then(Value::as_str) == Some("None");
    spec.service.kind = ServiceType::from_api(&api_type, headless);
    if spec.service.kind.api_type() == api_type || headless {
        t.take("spec.type");
    }
    if headless {
        t.take("spec.clusterIP");
    }
    let p = "spec.ports.0";
    spec.service.port = t.take_i64(&format!("{p}.port")).unwrap_or(80);
    spec.service.node_port = t.take_i64(&format!("{p}.nodePort"));
    t.take_if(&format!("{p}.name"), &spec.port.name);
    t.take_if(&format!("{p}.protocol"), spec.port.protocol.as_str());
    // The Service forwards to the container port by name (by number when it has none).
    let target = t.get(&format!("{p}.targetPort")).and_then(scalar_text);
    if target.is_none()
        || target == Some(spec.port.reference())
        || target == Some(spec.port.number.to_string())
    {
        t.take(&format!("{p}.targetPort"));
    }
}
