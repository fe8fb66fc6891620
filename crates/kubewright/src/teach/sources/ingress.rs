//! The Ingress's, the ClusterIssuer's and the NetworkPolicy's lines, back to their fields. The Ingress groups the
//! form's rows by host, so a path line is traced back to its row.

use super::one;
use crate::render::lines::Seg;
use crate::spec::AppSpec;

pub(super) fn ingress_rule(spec: &AppSpec, path: &[Seg], k: &[&str]) -> Option<Vec<String>> {
    let index = |depth: usize| match path.get(depth) {
        Some(Seg::Index(i)) => Some(*i),
        _ => None,
    };
    match k {
        ["metadata", "name"] => one("app.name"),
        ["metadata", "annotations", ..] => Some(vec![
            "ingress.tls".into(),
            "ingress.issuer.kind".into(),
            "ingress.issuer.name".into(),
        ]),
        ["spec", "ingressClassName"] => one("ingress.class_name"),
        ["spec", "tls", "[]", "secretName"] => {
            Some(vec!["ingress.tls".into(), "ingress.tls_secret".into()])
        }
        ["spec", "tls", ..] => one("ingress.tls"),
        ["spec", "rules", "[]", "host"] => {
            let rows = rows_of_rule(spec, index(2)?);
            Some(
                rows.iter()
                    .map(|r| format!("ingress.rules[{r}].host"))
                    .collect(),
            )
        }
        ["spec", "rules", "[]", "http", "paths", "[]", rest @ ..] => {
            let row = *rows_of_rule(spec, index(2)?).get(index(5)?)?;
            match rest {
                ["path"] => one(format!("ingress.rules[{row}].path")),
                ["pathType"] => one(format!("ingress.rules[{row}].path_type")),
                ["backend", "service", "name"] => one("app.name"),
                ["backend", "service", "port", ..] => one(if spec.port.name.is_empty() {
                    "service.port"
                } else {
                    "port.name"
                }),
                _ => one(format!("ingress.rules[{row}]")),
            }
        }
        [..] => one("ingress.enabled"),
    }
}

pub(super) fn issuer_rule(k: &[&str]) -> Option<Vec<String>> {
    match k {
        ["metadata", "name"] => one("ingress.issuer.name"),
        ["spec", "acme", "server"] => one("ingress.issuer.staging"),
        ["spec", "acme", "email"] => one("ingress.issuer.email"),
        ["spec", "acme", "privateKeySecretRef", ..] => one("ingress.issuer.name"),
        ["spec", "acme", "solvers", ..] => one("ingress.class_name"),
        [..] => one("ingress.issuer.create"),
    }
}

// The form's rows that make up the Ingress's `rule`-th rule (rows grouped by host, first seen first).
fn rows_of_rule(spec: &AppSpec, rule: usize) -> Vec<usize> {
    let rows = &spec.ingress.rules;
    let mut hosts: Vec<&str> = Vec::new();
    for row in rows {
        if !hosts.contains(&row.host.as_str()) {
            hosts.push(&row.host);
        }
    }
    let Some(host) = hosts.get(rule) else {
        return Vec::new();
    };
    (0..rows.len()).filter(|&i| rows[i].host == *host).collect()
}

pub(super) fn network_policy_rule(spec: &AppSpec, path: &[Seg], k: &[&str]) -> Option<Vec<String>> {
    // The second ingress rule is the sidecars' ports', when a sidecar declares one.
    let sidecar_rule = matches!(path.get(2), Some(Seg::Index(1)))
        && spec.init.sidecars.iter().any(|s| !s.ports.is_empty());
    match k {
        ["spec", "ingress", "[]", "from", ..] if sidecar_rule => {
            one("network_policy.monitoring_namespace")
        }
        ["spec", "ingress", "[]", "ports", ..] if sidecar_rule => Some(
            (0..spec.init.sidecars.len())
                .map(|i| format!("init.sidecars[{i}].ports"))
                .collect(),
        ),
        ["metadata", "name"] | ["spec", "podSelector", "matchLabels", ..] => one("app.name"),
        ["spec", "podSelector", ..] => Some(
            std::iter::once("app.name".to_string())
                .chain((0..spec.jobs.len()).map(|i| format!("jobs[{i}].name")))
                .collect(),
        ),
        ["spec", "ingress", "[]", "from", "[]", "namespaceSelector", ..] => {
            one("network_policy.controller_namespace")
        }
        ["spec", "ingress", "[]", "from", ..] if spec.route.enabled => one("route.enabled"),
        ["spec", "ingress", "[]", "from", ..] if spec.ingress.enabled => one("ingress.enabled"),
        ["spec", "ingress", "[]", "ports", ..] => one(if spec.port.name.is_empty() {
            "port.number"
        } else {
            "port.name"
        }),
        ["spec", "egress", ..] if spec.network_policy.open_egress => {
            one("network_policy.open_egress")
        }
        [..] => one("network_policy.enabled"),
    }
}
