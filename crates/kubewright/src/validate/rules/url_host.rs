//! A connection URL typed into the env or secrets that points at a cluster Service nothing in the
//! set creates: the app's first connection (often its migration Job) fails with a DNS error.

use crate::spec::{AppSpec, EnvEntry};
use crate::validate::{Finding, Rule, Severity};

pub const URL_HOST: Rule = Rule {
    id: "database-url-host",
    severity: Severity::Warning,
    upstream: "cluster DNS: <service>.<namespace>.svc.cluster.local resolves only for a Service \
               that exists",
    check: |spec| {
        let known = known_services(spec);
        let ns = spec.app.namespace.as_str();
        let lists: [(&str, &[EnvEntry]); 3] = [
            ("env", &spec.env),
            ("secrets", &spec.secrets),
            ("pod_env", &spec.pod_env),
        ];
        let mut out = Vec::new();
        for (list, entries) in lists {
            for (i, entry) in entries.iter().enumerate() {
                let Some(service) = url_host(&entry.value).and_then(|h| cluster_service(h, ns))
                else {
                    continue;
                };
                if !known.iter().any(|k| k == service) {
                    out.push(Finding::new(
                        format!("{list}[{i}].value"),
                        format!(
                            "{} points at the Service {service}, which nothing in this set \
                             creates: the app (and its migration) cannot connect until it exists. \
                             Set up PostgreSQL in the database tab (the URL is then derived), or \
                             install it before the app.",
                            entry.name
                        ),
                    ));
                }
            }
        }
        out
    },
};

/// The Services this set creates or sets up: the app's, the headless one, the database's and the
/// kept Services the user included.
fn known_services(spec: &AppSpec) -> Vec<String> {
    let mut out = vec![spec.app.name.clone(), spec.headless_service_name()];
    out.extend(spec.database.service_name());
    out.extend(
        spec.extra
            .iter()
            .filter(|k| k.include && k.object["kind"].as_str() == Some("Service"))
            .filter_map(|k| k.object["metadata"]["name"].as_str().map(str::to_string)),
    );
    out
}

/// The host of `scheme://[user[:password]@]host[:port][/path]`, or `None` for anything else.
pub(crate) fn url_host(value: &str) -> Option<&str> {
    let (scheme, rest) = value.split_once("://")?;
    if scheme.is_empty()
        || !scheme
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
    {
        return None;
    }
    let authority = rest.split(['/', '?', '#']).next()?;
    let host_port = authority.rsplit_once('@').map_or(authority, |(_, h)| h);
    let host = host_port.split(':').next()?;
    (!host.is_empty()).then_some(host)
}

/// The Service a host names inside the cluster: a bare name, `<service>.<namespace>`, or those
/// with `.svc` / `.svc.cluster.local`, in the app's namespace (or any, when the app leaves it to
/// kubectl). `None` for hosts outside the cluster (`db.example.com`) and for `localhost`.
fn cluster_service<'a>(host: &'a str, namespace: &str) -> Option<&'a str> {
    let host = host.strip_suffix('.').unwrap_or(host);
    let short = host
        .strip_suffix(".svc.cluster.local")
        .or_else(|| host.strip_suffix(".svc"));
    let labels: Vec<&str> = short.unwrap_or(host).split('.').collect();
    match (labels.as_slice(), short.is_some()) {
        ([service], false) if *service != "localhost" => Some(service),
        ([service, ns], true) if namespace.is_empty() || *ns == namespace => Some(service),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hosts_inside_the_cluster_name_their_service() {
        // (URL, the app's namespace, the Service it needs)
        let cases = [
            (
                "ecto://u:p@kube-native-postgresql.kube-native.svc.cluster.local/db",
                "kube-native",
                Some("kube-native-postgresql"),
            ),
            (
                "postgres://u:p@db-rw.shop.svc:5432/app",
                "shop",
                Some("db-rw"),
            ),
            ("postgres://db:5432/app", "shop", Some("db")),
            ("redis://:secret@cache:6379", "", Some("cache")),
            ("postgres://u:p@db.example.com:5432/app", "shop", None),
            ("postgres://u:p@localhost/app", "shop", None),
            ("postgres://u:p@10.0.0.1/app", "shop", None),
            (
                "postgres://u:p@db-rw.other.svc.cluster.local/app",
                "shop",
                None,
            ),
            ("not a url", "shop", None),
            ("://x", "shop", None),
        ];
        for (url, ns, want) in cases {
            assert_eq!(
                url_host(url).and_then(|h| cluster_service(h, ns)),
                want,
                "{url}"
            );
        }
    }
}
