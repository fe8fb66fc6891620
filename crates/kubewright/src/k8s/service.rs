use serde::Serialize;

use super::{IntOrString, ObjectMeta, Pairs};
use crate::spec::{AppSpec, ServiceType};

/// `v1 Service` in front of the app's pods.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Service {
    pub api_version: &'static str,
    pub kind: &'static str,
    pub metadata: ObjectMeta,
    pub spec: ServiceSpec,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ServiceSpec {
    #[serde(rename = "type")]
    pub type_: &'static str,
    /// `None` (the string) for a headless Service; otherwise not emitted (Kubernetes assigns one).
    #[serde(rename = "clusterIP", skip_serializing_if = "Option::is_none")]
    pub cluster_ip: Option<&'static str>,
    pub selector: Pairs,
    /// Empty only for the headless peer-discovery Service, which is only used for DNS.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub ports: Vec<ServicePort>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ServicePort {
    #[serde(skip_serializing_if = "String::is_empty")]
    pub name: String,
    pub protocol: &'static str,
    pub port: i64,
    /// The container port by name when it has one, so renumbering the container needs no change here.
    pub target_port: IntOrString,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub node_port: Option<i64>,
}

impl Service {
    /// The object's `kind`.
    pub const KIND: &str = "Service";

    pub fn from_spec(spec: &AppSpec) -> Self {
        let service = &spec.service;
        let port = &spec.port;
        let target_port = if port.name.is_empty() {
            IntOrString::Int(port.number)
        } else {
            IntOrString::String(port.name.clone())
        };
        Service {
            api_version: "v1",
            kind: Self::KIND,
            metadata: ObjectMeta::namespaced(spec, spec.app.name.clone()),
            spec: ServiceSpec {
                type_: service.kind.api_type(),
                cluster_ip: (service.kind == ServiceType::Headless).then_some("None"),
                selector: Pairs(spec.selector_labels()),
                ports: vec![ServicePort {
                    name: port.name.clone(),
                    protocol: port.protocol.as_str(),
                    port: service.port,
                    target_port,
                    node_port: service.node_port.filter(|_| service.kind.has_node_port()),
                }],
            },
        }
    }

    /// The headless `<name>-headless` Service for clustering, or `None` when clustering is off. It
    /// has no virtual IP and no ports: it exists so that its DNS name lists every pod's IP.
    pub fn headless(spec: &AppSpec) -> Option<Self> {
        if !spec.clustering.enabled {
            return None;
        }
        Some(Service {
            api_version: "v1",
            kind: Self::KIND,
            metadata: ObjectMeta::namespaced(spec, spec.headless_service_name()),
            spec: ServiceSpec {
                type_: ServiceType::Headless.api_type(),
                cluster_ip: Some("None"),
                selector: Pairs(spec.labels()),
                ports: Vec::new(),
            },
        })
    }
}
