use serde::Serialize;

use super::{ObjectMeta, Pairs};
use crate::spec::{AppSpec, TlsSource};

/// `networking.k8s.io/v1 Ingress`: host names and paths to the app's Service.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Ingress {
    pub api_version: &'static str,
    pub kind: &'static str,
    pub metadata: ObjectMeta,
    pub spec: IngressSpec,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct IngressSpec {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ingress_class_name: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub tls: Vec<IngressTls>,
    pub rules: Vec<IngressRule>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct IngressTls {
    pub hosts: Vec<String>,
    pub secret_name: String,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct IngressRule {
    /// Left out for the catch-all rule (every host).
    #[serde(skip_serializing_if = "String::is_empty")]
    pub host: String,
    pub http: HttpRules,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct HttpRules {
    pub paths: Vec<HttpPath>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct HttpPath {
    pub path: String,
    pub path_type: &'static str,
    pub backend: Backend,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Backend {
    pub service: BackendService,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct BackendService {
    pub name: String,
    pub port: ServicePortRef,
}

/// The Service's port by name when it has one (so renumbering needs no change here), else by
/// number: the API takes exactly one of the two.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ServicePortRef {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub number: Option<i64>,
}

impl Ingress {
    /// The object's `kind`.
    pub const KIND: &str = "Ingress";

    /// The app's Ingress, or `None` when it is off.
    pub fn from_spec(spec: &AppSpec) -> Option<Self> {
        let ingress = &spec.ingress;
        if !ingress.enabled {
            return None;
        }
        let mut metadata = ObjectMeta::namespaced(spec, spec.ingress_name());
        if ingress.tls == TlsSource::CertManager {
            metadata.annotations = Pairs(vec![(
                ingress.issuer.kind.annotation().to_string(),
                ingress.issuer.name.clone(),
            )]);
        }
        let tls = spec
            .tls_secret_name()
            .map(|secret_name| IngressTls {
                hosts: ingress.hosts().into_iter().map(str::to_string).collect(),
                secret_name,
            })
            .into_iter()
            .collect();
        Some(Ingress {
            api_version: "networking.k8s.io/v1",
            kind: Self::KIND,
            metadata,
            spec: IngressSpec {
                ingress_class_name: Some(ingress.class_name.clone()).filter(|c| !c.is_empty()),
                tls,
                rules: rules(spec),
            },
        })
    }
}

// Rows with the same host become one rule, in first-seen order, their paths in row order.
fn rules(spec: &AppSpec) -> Vec<IngressRule> {
    let named = !spec.port.name.is_empty();
    let port = ServicePortRef {
        name: named.then(|| spec.port.name.clone()),
        number: (!named).then_some(spec.service.port),
    };
    let mut out: Vec<IngressRule> = Vec::new();
    for row in &spec.ingress.rules {
        let path = HttpPath {
            path: row.path.clone(),
            path_type: row.path_type.as_str(),
            backend: Backend {
                service: BackendService {
                    name: spec.app.name.clone(),
                    port: port.clone(),
                },
            },
        };
        match out.iter_mut().find(|r| r.host == row.host) {
            Some(rule) => rule.http.paths.push(path),
            None => out.push(IngressRule {
                host: row.host.clone(),
                http: HttpRules { paths: vec![path] },
            }),
        }
    }
    out
}
