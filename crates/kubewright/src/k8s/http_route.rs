use serde::Serialize;

use super::ObjectMeta;
use crate::spec::AppSpec;

/// The Gateway API's group and version for the route and the Gateway.
pub const GATEWAY_API: &str = "gateway.networking.k8s.io/v1";

/// `gateway.networking.k8s.io/v1 HTTPRoute`: host names and path matches, sent to the app's Service.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct HttpRoute {
    pub api_version: &'static str,
    pub kind: &'static str,
    pub metadata: ObjectMeta,
    pub spec: HttpRouteSpec,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct HttpRouteSpec {
    pub parent_refs: Vec<ParentRef>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub hostnames: Vec<String>,
    pub rules: Vec<RouteRule>,
}

/// A Gateway (and optionally one of its listeners) a route attaches to.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ParentRef {
    pub name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub namespace: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub section_name: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RouteRule {
    /// None means every path (the API's default, a `/` prefix).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub matches: Vec<RouteMatch>,
    pub backend_refs: Vec<BackendRef>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RouteMatch {
    pub path: PathMatch,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PathMatch {
    #[serde(rename = "type")]
    pub kind: &'static str,
    pub value: String,
}

/// A Service by name and port number: the Gateway API takes no port names.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct BackendRef {
    pub name: String,
    pub port: i64,
}

impl ParentRef {
    /// The route's Gateway, with the namespace only when it is not the route's own.
    pub fn from_spec(spec: &AppSpec) -> Self {
        let route = &spec.route;
        ParentRef {
            name: route.gateway.clone(),
            namespace: route.gateway_elsewhere(spec).map(str::to_string),
            section_name: Some(route.section_name.clone()).filter(|s| !s.is_empty()),
        }
    }

    /// The written Gateway's HTTP listener, for cert-manager's HTTP-01 challenge route. The
    /// namespace is spelt out: the ClusterIssuer has none to default to.
    pub fn gateway_http(spec: &AppSpec) -> Self {
        let route = &spec.route;
        ParentRef {
            name: route.gateway.clone(),
            namespace: Some(route.gateway_namespace.as_str())
                .filter(|ns| !ns.is_empty())
                .or(spec.namespace())
                .map(str::to_string),
            section_name: Some(HTTP_LISTENER.into()),
        }
    }
}

/// The written Gateway's plain HTTP listener.
pub const HTTP_LISTENER: &str = "http";

impl HttpRoute {
    /// The object's `kind`.
    pub const KIND: &str = "HTTPRoute";

    /// The app's HTTPRoute, or `None` when it is off.
    pub fn from_spec(spec: &AppSpec) -> Option<Self> {
        let route = &spec.route;
        if !route.enabled {
            return None;
        }
        let backend = BackendRef {
            name: spec.app.name.clone(),
            port: spec.service.port,
        };
        let matches = route
            .paths
            .iter()
            .map(|p| RouteMatch {
                path: PathMatch {
                    kind: p.path_type.gateway_api(),
                    value: p.path.clone(),
                },
            })
            .collect();
        Some(HttpRoute {
            api_version: GATEWAY_API,
            kind: Self::KIND,
            metadata: ObjectMeta::namespaced(spec, spec.app.name.clone()),
            spec: HttpRouteSpec {
                parent_refs: vec![ParentRef::from_spec(spec)],
                hostnames: route.hosts().into_iter().map(str::to_string).collect(),
                rules: vec![RouteRule {
                    matches,
                    backend_refs: vec![backend],
                }],
            },
        })
    }
}
