use serde::Serialize;

use super::http_route::{GATEWAY_API, HTTP_LISTENER};
use super::network_policy::{PodSelector, Requirement, NAMESPACE_NAME};
use super::{ObjectMeta, Pairs};
use crate::spec::{AppSpec, TlsSource};

/// `gateway.networking.k8s.io/v1 Gateway`: where the cluster's gateway controller listens, an HTTP
/// listener and, with TLS, one HTTPS listener per host name.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Gateway {
    pub api_version: &'static str,
    pub kind: &'static str,
    pub metadata: ObjectMeta,
    pub spec: GatewaySpec,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct GatewaySpec {
    pub gateway_class_name: String,
    pub listeners: Vec<Listener>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Listener {
    pub name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hostname: Option<String>,
    pub port: i64,
    pub protocol: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tls: Option<ListenerTls>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub allowed_routes: Option<AllowedRoutes>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ListenerTls {
    pub mode: &'static str,
    pub certificate_refs: Vec<CertificateRef>,
}

/// A `kubernetes.io/tls` Secret (the default kind); its namespace only when it is not the
/// Gateway's, which a ReferenceGrant must then allow.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CertificateRef {
    pub name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub namespace: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct AllowedRoutes {
    pub namespaces: RouteNamespaces,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RouteNamespaces {
    pub from: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub selector: Option<PodSelector>,
}

impl Gateway {
    /// The object's `kind`.
    pub const KIND: &str = "Gateway";

    /// The Gateway the route attaches to, when the spec writes it.
    pub fn from_spec(spec: &AppSpec) -> Option<Self> {
        let route = &spec.route;
        if !route.writes_gateway() {
            return None;
        }
        let mut metadata = ObjectMeta::namespaced(spec, route.gateway.clone());
        if let Some(ns) = route.gateway_elsewhere(spec) {
            metadata.namespace = Some(ns.to_string());
        }
        // cert-manager's Gateway support reads this and issues one certificate per Secret named
        // by the HTTPS listeners, for their host names.
        if route.has_tls() && route.tls == TlsSource::CertManager {
            metadata.annotations = Pairs(vec![(
                route.issuer.kind.annotation().to_string(),
                route.issuer.name.clone(),
            )]);
        }
        let allowed = allowed_routes(spec);
        let mut listeners = vec![Listener {
            name: HTTP_LISTENER.into(),
            hostname: None,
            port: route.http_port,
            protocol: "HTTP",
            tls: None,
            allowed_routes: allowed.clone(),
        }];
        if let Some(secret) = spec.gateway_tls_secret() {
            let certificate = CertificateRef {
                name: secret,
                namespace: spec
                    .reference_grant_name()
                    .and(spec.namespace())
                    .map(str::to_string),
            };
            listeners.extend(route.https_listeners().into_iter().map(|(name, hostname)| {
                Listener {
                    name,
                    hostname,
                    port: route.https_port,
                    protocol: "HTTPS",
                    tls: Some(ListenerTls {
                        mode: "Terminate",
                        certificate_refs: vec![certificate.clone()],
                    }),
                    allowed_routes: allowed.clone(),
                }
            }));
        }
        Some(Gateway {
            api_version: GATEWAY_API,
            kind: Self::KIND,
            metadata,
            spec: GatewaySpec {
                gateway_class_name: route.class_name.clone(),
                listeners,
            },
        })
    }
}

// Routes from the Gateway's own namespace only (the API's default), unless the Gateway sits
// elsewhere: then also the app's (and the Gateway's own, where cert-manager puts its challenge
// route). A ReferenceGrant is not what lets a route attach; this is.
fn allowed_routes(spec: &AppSpec) -> Option<AllowedRoutes> {
    let elsewhere = spec.route.gateway_elsewhere(spec)?;
    let mut values: Vec<String> = spec.namespace().map(str::to_string).into_iter().collect();
    values.push(elsewhere.to_string());
    Some(AllowedRoutes {
        namespaces: RouteNamespaces {
            from: "Selector",
            selector: Some(PodSelector {
                match_labels: None,
                match_expressions: vec![Requirement {
                    key: NAMESPACE_NAME,
                    operator: "In",
                    values,
                }],
            }),
        },
    })
}
