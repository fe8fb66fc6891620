//! The HTTPRoute, the Gateway written for it and its certificate: the Gateway API CRDs' own
//! validation (OpenAPI patterns and CEL rules in the standard channel), and what makes a route work.

use super::expose::{ingress_host, ingress_path, tls_findings};
use crate::spec::{AppSpec, TlsSource};
use crate::validate::{names, Finding, Fix, Rule, Severity};

/// A route or listener host name (Gateway API `Hostname`/`PreciseHostname`): no IP address; a DNS
/// name, optionally `*.` first.
pub(crate) fn route_host(host: &str) -> Result<(), String> {
    if host.parse::<std::net::IpAddr>().is_ok() {
        return Err("is an IP address; the Gateway API takes DNS names only".into());
    }
    ingress_host(host)
}

/// A path match's value (`HTTPPathMatch`): absolute, and the CEL rules' forbidden sequences.
pub(crate) fn route_path(path: &str) -> Result<(), String> {
    ingress_path(path)?;
    if path.contains('#') {
        return Err("must not contain '#' (a fragment never reaches the server)".into());
    }
    if path.len() > 1024 {
        return Err("is longer than 1024 characters".into());
    }
    Ok(())
}

fn check(out: &mut Vec<Finding>, path: &str, what: &str, result: Result<(), String>, hint: &str) {
    if let Err(e) = result {
        out.push(Finding::new(path, format!("The {what} {e}{hint}.")));
    }
}

const SUBDOMAIN: &str =
    "; it must be an RFC 1123 subdomain (lowercase letters, digits, '-' and '.')";

pub const ROUTE: Rule = Rule {
    id: "httproute",
    severity: Severity::Error,
    upstream: "Gateway API v1 CRDs: HTTPRoute hostnames (Hostname pattern, at most 16, no IPs, \
               only a leading '*.'), HTTPPathMatch value (starts with '/', no //, /./, /../, %2f, \
               #), parentRefs name (ObjectName), namespace (Namespace, RFC 1123 label), \
               sectionName (SectionName); one of Ingress and HTTPRoute",
    check: |spec| {
        let route = &spec.route;
        if !route.enabled {
            return Vec::new();
        }
        let mut out = Vec::new();
        if spec.ingress.enabled {
            out.push(Finding::new(
                "route.enabled",
                "Both an Ingress and an HTTPRoute are on: pick one way in, or the app answers through two controllers with two sets of rules.",
            ));
        }
        if route.hostnames.len() > 16 {
            out.push(Finding::new(
                "route.hostnames",
                "An HTTPRoute takes at most 16 host names.",
            ));
        }
        for (i, host) in route.hostnames.iter().enumerate() {
            let result = if host.is_empty() {
                Err("is empty: type a host name or remove the row".into())
            } else {
                route_host(host)
            };
            check(
                &mut out,
                &format!("route.hostnames[{i}]"),
                "host name",
                result,
                "",
            );
        }
        for (i, p) in route.paths.iter().enumerate() {
            check(
                &mut out,
                &format!("route.paths[{i}].path"),
                "path",
                route_path(&p.path),
                "",
            );
        }
        check(
            &mut out,
            "route.gateway",
            "Gateway name",
            names::dns1123_subdomain(&route.gateway),
            SUBDOMAIN,
        );
        if !route.gateway_namespace.is_empty() {
            check(
                &mut out,
                "route.gateway_namespace",
                "namespace",
                names::dns1123_label(&route.gateway_namespace),
                "; namespaces are RFC 1123 labels, e.g. gateway-system",
            );
        }
        if !route.section_name.is_empty() {
            check(
                &mut out,
                "route.section_name",
                "listener name",
                names::dns1123_subdomain(&route.section_name),
                SUBDOMAIN,
            );
        }
        out
    },
};

pub const GATEWAY: Rule = Rule {
    id: "gateway",
    severity: Severity::Error,
    upstream: "Gateway API v1 CRDs: gatewayClassName (ObjectName), listener port (PortNumber \
               1-65535), HTTPS listeners' certificateRefs (a Secret name, RFC 1123 subdomain), \
               listener hostnames for cert-manager; a listener sectionName the route names must \
               exist; allowedRoutes and ReferenceGrant name the app's namespace",
    check: |spec| {
        let route = &spec.route;
        if !route.writes_gateway() {
            return Vec::new();
        }
        let mut out = Vec::new();
        check(
            &mut out,
            "route.class_name",
            "class name",
            names::dns1123_subdomain(&route.class_name),
            SUBDOMAIN,
        );
        let ports = [("route.http_port", route.http_port)].into_iter().chain(
            route
                .has_tls()
                .then_some(("route.https_port", route.https_port)),
        );
        for (path, port) in ports {
            if !(1..=65535).contains(&port) {
                out.push(Finding::new(
                    path,
                    format!("The port {port} is not between 1 and 65535."),
                ));
            }
        }
        if route.has_tls() && route.http_port == route.https_port {
            out.push(Finding::new(
                "route.https_port",
                "HTTP and HTTPS on one port: the controller marks the listeners conflicted and serves neither. Use 80 and 443.",
            ));
        }
        let listeners = listener_names(spec);
        if !route.section_name.is_empty() && !listeners.contains(&route.section_name) {
            out.push(Finding::new(
                "route.section_name",
                format!(
                    "The written Gateway has no listener {}; it has {}.",
                    route.section_name,
                    listeners.join(", ")
                ),
            ));
        }
        tls(spec, &mut out);
        if route.gateway_elsewhere(spec).is_some() && spec.namespace().is_none() {
            out.push(Finding::new(
                "route.gateway_namespace",
                "A Gateway in another namespace must admit the app's by name: set the app's namespace.",
            ));
        }
        out
    },
};

fn listener_names(spec: &AppSpec) -> Vec<String> {
    let mut out = vec![crate::k8s::HTTP_LISTENER.to_string()];
    if spec.route.has_tls() {
        out.extend(
            spec.route
                .https_listeners()
                .into_iter()
                .map(|(name, _)| name),
        );
    }
    out
}

fn tls(spec: &AppSpec, out: &mut Vec<Finding>) {
    let route = &spec.route;
    match route.tls {
        TlsSource::Secret => check(
            out,
            "route.tls_secret",
            "TLS Secret name",
            names::dns1123_subdomain(&route.tls_secret),
            SUBDOMAIN,
        ),
        TlsSource::CertManager => {
            check(
                out,
                "route.issuer.name",
                "issuer name",
                names::dns1123_subdomain(&route.issuer.name),
                SUBDOMAIN,
            );
            if route.hosts().is_empty() {
                out.push(Finding::new(
                    "route.tls",
                    "cert-manager needs a host name: it asks for a certificate for each HTTPS listener's hostname.",
                ));
            }
        }
        TlsSource::None => {}
    }
}

pub const ROUTE_TLS: Rule = Rule {
    id: "gateway-tls",
    severity: Severity::Warning,
    upstream: "best practice: HTTPS for every public host; cert-manager's HTTP-01 solver cannot \
               prove a wildcard host (Let's Encrypt issues those over DNS-01 only)",
    check: |spec| {
        let route = &spec.route;
        if !route.writes_gateway() {
            return Vec::new();
        }
        let hosts = route.hostnames.iter().enumerate();
        tls_findings(
            "route",
            route.tls,
            route.issuer.create,
            !route.hosts().is_empty(),
            hosts.map(|(i, h)| (format!("route.hostnames[{i}]"), h.as_str())),
        )
    },
};

pub const GATEWAY_ELSEWHERE: Rule = Rule {
    id: "gateway-allowed-routes",
    severity: Severity::Warning,
    upstream: "Gateway API: a route attaches to a Gateway in another namespace only where the \
               listener's allowedRoutes.namespaces admits it (the default is Same); a \
               ReferenceGrant does not apply to parentRefs",
    check: |spec| {
        let route = &spec.route;
        let Some(ns) = route
            .gateway_elsewhere(spec)
            .filter(|_| route.enabled && !route.create_gateway)
        else {
            return Vec::new();
        };
        let app_ns = spec.namespace().unwrap_or("kubectl's current namespace");
        vec![Finding::new(
            "route.gateway_namespace",
            format!(
                "The Gateway is in {ns}: the route is attached only if its listeners' \
                 allowedRoutes.namespaces admit {app_ns} (from: All, or a Selector matching it); \
                 a Gateway admits only its own namespace by default. A ReferenceGrant does not \
                 help here: it covers references to Secrets and Services, not a route's parent."
            ),
        )]
    },
};

pub const GATEWAY_NETWORK_POLICY: Rule = Rule {
    id: "network-policy-gateway",
    severity: Severity::Warning,
    upstream:
        "NetworkPolicy namespaceSelector: only pods in the selected namespace reach the app; \
               ingress-nginx is where the NGINX Ingress controller runs, not a Gateway's proxies",
    check: |spec| {
        let policy = &spec.network_policy;
        let route = &spec.route;
        if !policy.enabled || !route.enabled || policy.controller_namespace != "ingress-nginx" {
            return Vec::new();
        }
        let gateway_ns = route.gateway_elsewhere(spec).or(spec.namespace());
        let finding = Finding::new(
            "network_policy.controller_namespace",
            "The NetworkPolicy admits only ingress-nginx, the Ingress controller's namespace; the \
             Gateway's proxies run elsewhere (NGINX Gateway Fabric: the Gateway's namespace; Envoy \
             Gateway: envoy-gateway-system), so every request through the route would be dropped.",
        );
        vec![match gateway_ns {
            Some(ns) => finding.with_fix(Fix::ControllerNamespace(ns.to_string())),
            None => finding,
        }]
    },
};
