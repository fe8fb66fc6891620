//! The Gateway API objects in the chart: where they name the app's namespace (a Gateway elsewhere
//! admitting it, its certificate in it, cert-manager's challenge route on a Gateway in it), the
//! release's namespace instead, as every object's own `metadata.namespace` already is.

use serde_yaml::Value;

use super::{slot, Lifter};
use crate::k8s::Object;
use crate::spec::AppSpec;

const RELEASE_NAMESPACE: &str = "{{ .Release.Namespace | quote }}";
const ADMITTED: [&str; 7] = [
    "allowedRoutes",
    "namespaces",
    "selector",
    "matchExpressions",
    "0",
    "values",
    "0",
];
const CERTIFICATE: [&str; 4] = ["tls", "certificateRefs", "0", "namespace"];
const CHALLENGE: [&str; 9] = [
    "spec",
    "acme",
    "solvers",
    "0",
    "http01",
    "gatewayHTTPRoute",
    "parentRefs",
    "0",
    "namespace",
];

pub(super) fn release_namespace(
    spec: &AppSpec,
    object: &Object,
    doc: &mut Value,
    lift: &mut Lifter,
) {
    let Some(app_ns) = spec.namespace() else {
        return;
    };
    let mut paths: Vec<Vec<String>> = Vec::new();
    match object {
        Object::Gateway(gateway) => {
            for i in 0..gateway.spec.listeners.len() {
                for tail in [&ADMITTED[..], &CERTIFICATE[..]] {
                    let mut path = vec!["spec".to_string(), "listeners".into(), i.to_string()];
                    path.extend(tail.iter().map(|s| s.to_string()));
                    paths.push(path);
                }
            }
        }
        Object::ClusterIssuer(_) if spec.route.creates_issuer() => {
            paths.push(CHALLENGE.iter().map(|s| s.to_string()).collect());
        }
        _ => {}
    }
    for path in paths {
        let path: Vec<&str> = path.iter().map(String::as_str).collect();
        if slot(doc, &path).and_then(|v| v.as_str()) == Some(app_ns) {
            lift.expression(doc, &path, RELEASE_NAMESPACE.into());
        }
    }
}
