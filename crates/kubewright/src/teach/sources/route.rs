//! The HTTPRoute's, the Gateway's, the ReferenceGrant's and the Gateway's ClusterIssuer's lines,
//! back to their fields.

use super::one;
use crate::render::lines::Seg;
use crate::spec::AppSpec;

pub(super) fn route_rule(spec: &AppSpec, path: &[Seg], k: &[&str]) -> Option<Vec<String>> {
    let index = |depth: usize| match path.get(depth) {
        Some(Seg::Index(i)) => Some(*i),
        _ => None,
    };
    match k {
        ["metadata", "name"] => one("app.name"),
        ["spec", "parentRefs", "[]", "name"] => one("route.gateway"),
        ["spec", "parentRefs", "[]", "namespace"] => one("route.gateway_namespace"),
        ["spec", "parentRefs", "[]", "sectionName"] => one("route.section_name"),
        ["spec", "hostnames", "[]"] => {
            // The written list leaves out empty rows and repeats: find the row by its text.
            let host = spec.route.hosts().get(index(2)?)?.to_string();
            let row = spec.route.hostnames.iter().position(|h| *h == host)?;
            one(format!("route.hostnames[{row}]"))
        }
        ["spec", "hostnames"] => one("route.hostnames"),
        ["spec", "rules", "[]", "matches", "[]", "path", rest @ ..] => {
            let row = index(4)?;
            match rest {
                ["type"] => one(format!("route.paths[{row}].path_type")),
                ["value"] => one(format!("route.paths[{row}].path")),
                _ => one(format!("route.paths[{row}]")),
            }
        }
        ["spec", "rules", "[]", "backendRefs", "[]", "name"] => one("app.name"),
        ["spec", "rules", "[]", "backendRefs", "[]", "port"] => one("service.port"),
        [..] => one("route.enabled"),
    }
}

pub(super) fn gateway_rule(k: &[&str]) -> Option<Vec<String>> {
    match k {
        ["metadata", "name"] => one("route.gateway"),
        ["metadata", "namespace"] => one("route.gateway_namespace"),
        ["metadata", "annotations", ..] => Some(vec![
            "route.tls".into(),
            "route.issuer.kind".into(),
            "route.issuer.name".into(),
        ]),
        ["spec", "gatewayClassName"] => one("route.class_name"),
        ["spec", "listeners", "[]", "hostname"] => one("route.hostnames"),
        ["spec", "listeners", "[]", "port"] => {
            Some(vec!["route.http_port".into(), "route.https_port".into()])
        }
        ["spec", "listeners", "[]", "tls", "certificateRefs", ..] => {
            Some(vec!["route.tls".into(), "route.tls_secret".into()])
        }
        ["spec", "listeners", "[]", "tls", ..] => one("route.tls"),
        ["spec", "listeners", "[]", "allowedRoutes", ..] => Some(vec![
            "route.gateway_namespace".into(),
            "app.namespace".into(),
        ]),
        [..] => one("route.create_gateway"),
    }
}

pub(super) fn grant_rule(k: &[&str]) -> Option<Vec<String>> {
    match k {
        ["metadata", "name"] => one("app.name"),
        ["spec", "from", ..] => one("route.gateway_namespace"),
        ["spec", "to", ..] => one("route.tls_secret"),
        [..] => one("route.tls"),
    }
}

pub(super) fn issuer_rule(k: &[&str]) -> Option<Vec<String>> {
    match k {
        ["metadata", "name"] => one("route.issuer.name"),
        ["spec", "acme", "server"] => one("route.issuer.staging"),
        ["spec", "acme", "email"] => one("route.issuer.email"),
        ["spec", "acme", "privateKeySecretRef", ..] => one("route.issuer.name"),
        ["spec", "acme", "solvers", ..] => Some(vec![
            "route.gateway".into(),
            "route.gateway_namespace".into(),
        ]),
        [..] => one("route.issuer.create"),
    }
}
