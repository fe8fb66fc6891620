//! How the app is reached and what it may reach: its ServiceAccount, Ingress, NetworkPolicy and
//! registry credentials.

use crate::spec::{ServiceType, TlsSource};
use crate::validate::{names, Finding, Fix, Rule, Severity};

pub const SERVICE_ACCOUNT_TOKEN: Rule = Rule {
    id: "automountServiceAccountToken",
    severity: Severity::Warning,
    upstream: "Polaris automountServiceAccountToken, checkov CKV_K8S_38 (tokens only where \
               needed) and CKV_K8S_41 (no default service account)",
    check: |spec| {
        if spec.service_account.enabled {
            return Vec::new();
        }
        vec![Finding::new(
            "service_account.enabled",
            "The pods run as the namespace's default account with its Kubernetes API token \
             mounted; a web app never calls the API, so anyone who breaks into it would get a \
             credential for nothing. Run it as its own account with no token.",
        )
        .with_fix(Fix::ServiceAccount)]
    },
};

/// An Ingress host (`ValidateIngressRules`): not an IP address; `*.` then an RFC 1123 subdomain
/// (`IsWildcardDNS1123Subdomain`), or an RFC 1123 subdomain.
pub(crate) fn ingress_host(host: &str) -> Result<(), String> {
    if host.parse::<std::net::IpAddr>().is_ok() {
        return Err("is an IP address; an Ingress host must be a DNS name".into());
    }
    let rest = host.strip_prefix("*.").unwrap_or(host);
    if rest.contains('*') {
        return Err(
            "has a '*' that is not the leading '*.' of a wildcard (e.g. *.example.com)".into(),
        );
    }
    names::dns1123_subdomain(rest).map_err(|e| {
        format!("{e}: a host is lowercase letters, digits, '-' and '.', e.g. app.example.com")
    })
}

/// An Ingress path of type Prefix or Exact (`validateIngressHTTPPath`).
pub(crate) fn ingress_path(path: &str) -> Result<(), String> {
    if !path.starts_with('/') {
        return Err("must start with '/', e.g. / or /api".into());
    }
    for bad in ["//", "/./", "/../", "%2f", "%2F"] {
        if path.contains(bad) {
            return Err(format!("must not contain '{bad}'"));
        }
    }
    for bad in ["/..", "/."] {
        if path.ends_with(bad) {
            return Err(format!("must not end with '{bad}'"));
        }
    }
    Ok(())
}

pub const INGRESS: Rule = Rule {
    id: "ingress",
    severity: Severity::Error,
    upstream: "ValidateIngressSpec: rules or a default backend; ValidateIngressRules (host not an \
               IP, IsWildcardDNS1123Subdomain / IsDNS1123Subdomain); validateIngressHTTPPath \
               (absolute, no //, /./, /../, %2f); ingressClassName and tls secretName \
               IsDNS1123Subdomain; cert-manager issuer names",
    check: |spec| {
        let ingress = &spec.ingress;
        if !ingress.enabled {
            return Vec::new();
        }
        let mut out = Vec::new();
        if ingress.rules.is_empty() {
            out.push(Finding::new(
                "ingress.rules",
                "Add a host and path: an Ingress without rules sends nothing to the app.",
            ));
        }
        for (i, rule) in ingress.rules.iter().enumerate() {
            if let Err(e) = Some(rule.host.as_str())
                .filter(|h| !h.is_empty())
                .map_or(Ok(()), ingress_host)
            {
                out.push(Finding::new(
                    format!("ingress.rules[{i}].host"),
                    format!("The host {e}."),
                ));
            }
            if let Err(e) = ingress_path(&rule.path) {
                out.push(Finding::new(
                    format!("ingress.rules[{i}].path"),
                    format!("The path {e}."),
                ));
            }
        }
        let subdomain = |path: &str, what: &str, text: &str, out: &mut Vec<Finding>| {
            if let Err(e) = names::dns1123_subdomain(text) {
                out.push(Finding::new(
                    path,
                    format!("The {what} {e}; it must be an RFC 1123 subdomain (lowercase letters, digits, '-' and '.')."),
                ));
            }
        };
        if !ingress.class_name.is_empty() {
            subdomain(
                "ingress.class_name",
                "class name",
                &ingress.class_name,
                &mut out,
            );
        }
        match ingress.tls {
            TlsSource::Secret => subdomain(
                "ingress.tls_secret",
                "TLS Secret name",
                &ingress.tls_secret,
                &mut out,
            ),
            TlsSource::CertManager => subdomain(
                "ingress.issuer.name",
                "issuer name",
                &ingress.issuer.name,
                &mut out,
            ),
            TlsSource::None => {}
        }
        if ingress.tls != TlsSource::None && ingress.hosts().is_empty() {
            out.push(Finding::new(
                "ingress.tls",
                "TLS needs at least one host name: a certificate names the hosts it is for.",
            ));
        }
        out
    },
};

pub const ISSUER_EMAIL: Rule = Rule {
    id: "acme-email",
    severity: Severity::Error,
    upstream: "Let's Encrypt refuses an ACME account whose contact is not a valid e-mail address",
    check: |spec| {
        // The Gateway's issuer when it writes one, else the Ingress's.
        let (issuer, path, creates) = if spec.route.creates_issuer() {
            (&spec.route.issuer, "route.issuer.email", true)
        } else {
            (
                &spec.ingress.issuer,
                "ingress.issuer.email",
                spec.ingress.creates_issuer(),
            )
        };
        let email = issuer.email.as_str();
        let looks_ok = email.is_empty()
            || email.split_once('@').is_some_and(|(user, domain)| {
                !user.is_empty() && domain.contains('.') && !email.contains(char::is_whitespace)
            });
        if !creates || looks_ok {
            return Vec::new();
        }
        vec![Finding::new(
            path,
            "This is not an e-mail address (name@example.com); Let's Encrypt refuses the account.",
        )]
    },
};

pub const INGRESS_TLS: Rule = Rule {
    id: "ingress-tls",
    severity: Severity::Warning,
    upstream: "best practice: HTTPS for every public host; cert-manager's HTTP-01 solver cannot \
               prove a wildcard host (Let's Encrypt issues those over DNS-01 only)",
    check: |spec| {
        let ingress = &spec.ingress;
        if !ingress.enabled {
            return Vec::new();
        }
        let hosts = ingress.rules.iter().enumerate();
        tls_findings(
            "ingress",
            ingress.tls,
            ingress.issuer.create,
            !ingress.hosts().is_empty(),
            hosts.map(|(i, r)| (format!("ingress.rules[{i}].host"), r.host.as_str())),
        )
    },
};

/// The public-host TLS warnings of an Ingress or a written Gateway (its fields under `group`):
/// plain HTTP for named hosts, and wildcard hosts (at their `paths`) that HTTP-01 cannot prove.
pub(super) fn tls_findings<'a>(
    group: &str,
    tls: TlsSource,
    creates_issuer: bool,
    has_hosts: bool,
    hosts: impl Iterator<Item = (String, &'a str)>,
) -> Vec<Finding> {
    match tls {
        TlsSource::None if has_hosts => vec![Finding::new(
            format!("{group}.tls"),
            "The hosts are served over plain HTTP: passwords and cookies cross the network \
             readable. Let cert-manager get a certificate, or name an existing TLS Secret.",
        )],
        TlsSource::CertManager if creates_issuer => hosts
            .filter(|(_, host)| host.starts_with("*."))
            .map(|(path, _)| {
                Finding::new(
                    path,
                    "HTTP-01 cannot prove a wildcard host: Let's Encrypt issues wildcard \
                     certificates over DNS-01 only, so this certificate never becomes Ready.",
                )
            })
            .collect(),
        _ => Vec::new(),
    }
}

pub const SERVICE_BEHIND_INGRESS: Rule =
    Rule {
        id: "service-type-behind-ingress",
        severity: Severity::Warning,
        upstream:
            "best practice: behind an Ingress or HTTPRoute the Service needs no node port or \
               load balancer",
        check: |spec| {
            if !spec.fronted() || !spec.service.kind.has_node_port() {
                return Vec::new();
            }
            vec![Finding::new(
                "service.type",
                format!(
                "The app is reached through the {front}; a {} Service also opens it on every node \
                 (and a LoadBalancer costs a cloud load balancer), around the {front}'s TLS.",
                spec.service.kind.as_str(),
                front = if spec.route.enabled { "HTTPRoute" } else { "Ingress" },
            ),
            )
            .with_fix(Fix::ServiceType(ServiceType::ClusterIp))]
        },
    };

pub const NETWORK_POLICY_NAMESPACE: Rule = Rule {
    id: "network-policy-namespace",
    severity: Severity::Error,
    upstream: "a namespaceSelector's label value (IsValidLabelValue) naming a namespace \
               (IsDNS1123Label)",
    check: |spec| {
        let policy = &spec.network_policy;
        if !policy.enabled {
            return Vec::new();
        }
        let sidecar_ports = spec.init.sidecars.iter().any(|s| !s.ports.is_empty());
        [
            (
                spec.fronted(),
                "network_policy.controller_namespace",
                &policy.controller_namespace,
                "ingress-nginx",
            ),
            (
                sidecar_ports,
                "network_policy.monitoring_namespace",
                &policy.monitoring_namespace,
                "monitoring",
            ),
        ]
        .into_iter()
        .filter(|(used, ..)| *used)
        .filter_map(|(_, path, namespace, example)| {
            let e = names::dns1123_label(namespace).err()?;
            Some(Finding::new(
                path,
                format!("The namespace {e}; namespaces are RFC 1123 labels, e.g. {example}."),
            ))
        })
        .collect()
    },
};

pub const NO_NETWORK_POLICY: Rule = Rule {
    id: "pod-networkpolicy",
    severity: Severity::Warning,
    upstream: "kube-score pod-networkpolicy; checkov CKV2_K8S_6 (a NetworkPolicy for every pod)",
    check: |spec| {
        if spec.network_policy.enabled {
            return Vec::new();
        }
        vec![Finding::new(
            "network_policy.enabled",
            "No NetworkPolicy selects the app's pods: any pod in the cluster can reach them on any \
             port, and they can reach anything. Deny by default and allow what the app needs.",
        )
        .with_fix(Fix::NetworkPolicy)]
    },
};

pub const REGISTRY: Rule = Rule {
    id: "registry-login",
    severity: Severity::Error,
    upstream: "the kubelet's credential lookup matches the image's registry host against each \
               auths key of the kubernetes.io/dockerconfigjson Secret; the registry refuses a \
               login without user or password",
    check: |spec| {
        let registry = &spec.registry;
        if !registry.enabled {
            return Vec::new();
        }
        let mut out = Vec::new();
        if let Err(e) = registry_server(&registry.server) {
            out.push(Finding::new("registry.server", format!("The server {e}.")));
        }
        if registry.username.is_empty() {
            out.push(Finding::new(
                "registry.username",
                "Set the registry user name.",
            ));
        }
        if registry.password.is_empty() {
            out.push(Finding::new(
                "registry.password",
                "Set the password or access token: the Secret needs one.",
            ));
        }
        out
    },
};

/// A registry server as the kubelet matches it: a host with an optional port (and path), or
/// Docker Hub's `https://index.docker.io/v1/`.
pub(crate) fn registry_server(server: &str) -> Result<(), String> {
    if server.is_empty() {
        return Err("is empty: write the registry's host, e.g. ghcr.io".into());
    }
    if server.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err("has a space or control character".into());
    }
    let rest = server
        .strip_prefix("https://")
        .or_else(|| server.strip_prefix("http://"))
        .unwrap_or(server);
    let host_port = rest.split('/').next().unwrap_or_default();
    let host = host_port.rsplit_once(':').map_or(host_port, |(h, port)| {
        if port.parse::<u16>().is_ok() {
            h
        } else {
            host_port
        }
    });
    if host.parse::<std::net::IpAddr>().is_ok()
        || names::dns1123_subdomain(&host.to_lowercase()).is_ok()
    {
        Ok(())
    } else {
        Err(format!(
            "'{host}' is not a host name; write e.g. ghcr.io or registry.example.com:5000"
        ))
    }
}
