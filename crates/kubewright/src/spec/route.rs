use serde::{Deserialize, Serialize};

use super::{AppSpec, Issuer, IssuerKind, PathType, TlsSource};

/// A Gateway API HTTPRoute in front of the app's Service, attached to a Gateway (one that exists,
/// or one written here with its listeners). Named after the app.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Route {
    /// Adds the HTTPRoute `<name>`. Default off. At most one of this and the Ingress is on.
    pub enabled: bool,
    /// The Gateway the route attaches to (`parentRefs[].name`, a DNS subdomain). Default `gateway`.
    pub gateway: String,
    /// The Gateway's namespace (an RFC 1123 label); empty means the app's. Default empty. A Gateway
    /// elsewhere must allow routes from the app's namespace (its listeners' `allowedRoutes`).
    pub gateway_namespace: String,
    /// The Gateway listener to attach to (`sectionName`, an RFC 1123 subdomain); empty attaches to
    /// every listener that allows it. Default empty.
    pub section_name: String,
    /// The host names the route answers to: RFC 1123 subdomains, optionally `*.` first for one level
    /// of wildcard, no IP addresses; none matches every host the listener takes. Default
    /// `app.example.com`.
    pub hostnames: Vec<String>,
    /// The paths sent to the Service, in order. Default `/` as a prefix.
    pub paths: Vec<RoutePath>,
    /// Also writes the Gateway itself (with its listeners). Default off (use one that exists).
    pub create_gateway: bool,
    /// Written Gateway only: `gatewayClassName`, the controller that runs it (a DNS subdomain).
    /// Default `nginx` (NGINX Gateway Fabric; Envoy Gateway's is usually `eg`).
    pub class_name: String,
    /// Written Gateway only: the HTTP listener's port (1-65535). Default 80.
    pub http_port: i64,
    /// Written Gateway only: the HTTPS listeners' port (1-65535). Default 443.
    pub https_port: i64,
    /// Written Gateway only: where the HTTPS listeners' certificate comes from. Default none (HTTP
    /// only).
    pub tls: TlsSource,
    /// Existing Secret only: the `kubernetes.io/tls` Secret in the app's namespace (a DNS
    /// subdomain). Default empty. With cert-manager the Secret is `<name>-tls` in the Gateway's
    /// namespace, which cert-manager creates.
    pub tls_secret: String,
    /// cert-manager only: the issuer named by the Gateway's annotation, and optionally the
    /// ClusterIssuer itself (HTTP-01 through the Gateway's HTTP listener). Default the ClusterIssuer
    /// `letsencrypt-prod`.
    pub issuer: Issuer,
}

impl Default for Route {
    fn default() -> Self {
        Route {
            enabled: false,
            gateway: "gateway".into(),
            gateway_namespace: String::new(),
            section_name: String::new(),
            hostnames: vec!["app.example.com".into()],
            paths: vec![RoutePath::default()],
            create_gateway: false,
            class_name: "nginx".into(),
            http_port: 80,
            https_port: 443,
            tls: TlsSource::None,
            tls_secret: String::new(),
            issuer: Issuer::default(),
        }
    }
}

/// One path match.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct RoutePath {
    /// An absolute path starting with `/`. Default `/`.
    pub path: String,
    /// `Prefix` (the API's `PathPrefix`) or `Exact`. Default Prefix.
    pub path_type: PathType,
}

impl Default for RoutePath {
    fn default() -> Self {
        RoutePath {
            path: "/".into(),
            path_type: PathType::Prefix,
        }
    }
}

/// How people reach the app from outside the cluster: one choice, so an Ingress and an HTTPRoute are
/// never both on by accident.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Exposure {
    /// Only the Service (a NodePort or LoadBalancer, or a port-forward).
    None,
    Ingress,
    Route,
}

impl Exposure {
    pub const ALL: [Exposure; 3] = [Exposure::None, Exposure::Ingress, Exposure::Route];

    /// The form's name.
    pub fn as_str(self) -> &'static str {
        match self {
            Exposure::None => "none",
            Exposure::Ingress => "ingress",
            Exposure::Route => "httproute",
        }
    }
}

impl PathType {
    /// The Gateway API's name for the match type.
    pub fn gateway_api(self) -> &'static str {
        match self {
            PathType::Prefix => "PathPrefix",
            PathType::Exact => "Exact",
        }
    }
}

impl Route {
    /// The Gateway's namespace when it is not the app's (an existing or written Gateway elsewhere).
    pub fn gateway_elsewhere<'a>(&'a self, spec: &AppSpec) -> Option<&'a str> {
        Some(self.gateway_namespace.as_str())
            .filter(|ns| !ns.is_empty() && *ns != spec.app.namespace)
    }

    /// Whether the Gateway is written too.
    pub fn writes_gateway(&self) -> bool {
        self.enabled && self.create_gateway
    }

    /// Whether the written Gateway has HTTPS listeners.
    pub fn has_tls(&self) -> bool {
        self.writes_gateway() && self.tls != TlsSource::None
    }

    /// Whether the ClusterIssuer is written for the Gateway.
    pub fn creates_issuer(&self) -> bool {
        self.has_tls()
            && self.tls == TlsSource::CertManager
            && self.issuer.kind == IssuerKind::ClusterIssuer
            && self.issuer.create
    }

    /// The host names that are not empty.
    pub fn hosts(&self) -> Vec<&str> {
        let mut out: Vec<&str> = Vec::new();
        for host in &self.hostnames {
            if !host.is_empty() && !out.contains(&host.as_str()) {
                out.push(host);
            }
        }
        out
    }

    /// The HTTPS listeners' names, one per host name (`https`, `https-1`, ...), or one `https` for
    /// every host when there are none.
    pub fn https_listeners(&self) -> Vec<(String, Option<String>)> {
        let hosts = self.hosts();
        if hosts.is_empty() {
            return vec![("https".into(), None)];
        }
        hosts
            .iter()
            .enumerate()
            .map(|(i, h)| {
                let name = if i == 0 {
                    "https".into()
                } else {
                    format!("https-{i}")
                };
                (name, Some(h.to_string()))
            })
            .collect()
    }
}

impl AppSpec {
    /// How people reach the app: the Ingress, the HTTPRoute or the Service alone.
    pub fn exposure(&self) -> Exposure {
        if self.route.enabled {
            Exposure::Route
        } else if self.ingress.enabled {
            Exposure::Ingress
        } else {
            Exposure::None
        }
    }

    /// Picks one way in, turning the other off; behind either the Service stays ClusterIP.
    pub fn set_exposure(&mut self, exposure: Exposure) {
        self.ingress.enabled = exposure == Exposure::Ingress;
        self.route.enabled = exposure == Exposure::Route;
        self.set_target(self.target);
    }

    /// Whether an Ingress or an HTTPRoute sends requests to the Service.
    pub fn fronted(&self) -> bool {
        self.ingress.enabled || self.route.enabled
    }

    /// The TLS Secret the written Gateway's HTTPS listeners name: `<name>-tls` (made by
    /// cert-manager in the Gateway's namespace), the existing one in the app's namespace, or `None`.
    pub fn gateway_tls_secret(&self) -> Option<String> {
        if !self.route.has_tls() {
            return None;
        }
        match self.route.tls {
            TlsSource::None => None,
            TlsSource::CertManager => Some(format!("{}-tls", self.app.name)),
            TlsSource::Secret => Some(self.route.tls_secret.clone()),
        }
    }

    /// The ReferenceGrant's name, when the written Gateway sits in another namespace and names the
    /// existing TLS Secret in the app's.
    pub fn reference_grant_name(&self) -> Option<String> {
        let route = &self.route;
        (route.has_tls()
            && route.tls == TlsSource::Secret
            && route.gateway_elsewhere(self).is_some())
        .then(|| format!("{}-gateway-tls", self.app.name))
    }
}
