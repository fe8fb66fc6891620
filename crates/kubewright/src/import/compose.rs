//! docker-compose -> spec: the app's service (the one with `build`, else the first that is not a
//! database) becomes the app: image or build, the first port, the environment. Environment entries
//! are split between the ConfigMap and the Secret by a visible, editable name rule.

use serde_yaml::Value;

use super::tree::{scalar_text, Tree};
use super::{Format, Imported, ReportItem, Status};
use crate::spec::{AppSpec, EnvEntry, PullPolicy};

/// Which environment entries are secret: names matching any pattern (case-insensitive; `*` stands
/// for any text, so `*PASSWORD*` matches `POSTGRES_PASSWORD`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SplitRule {
    pub patterns: Vec<String>,
}

impl Default for SplitRule {
    fn default() -> Self {
        SplitRule {
            patterns: ["*PASSWORD*", "*SECRET*", "*TOKEN*", "*KEY*", "DATABASE_URL"]
                .map(String::from)
                .to_vec(),
        }
    }
}

impl SplitRule {
    /// The rule as the form shows it: one pattern a line.
    pub fn from_lines(text: &str) -> Self {
        SplitRule {
            patterns: text
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .map(String::from)
                .collect(),
        }
    }

    pub fn is_secret(&self, name: &str) -> bool {
        // ASCII case-folding: env names are ASCII, and it keeps Unicode case tables out of the wasm.
        self.patterns
            .iter()
            .any(|p| glob(&p.to_ascii_uppercase(), &name.to_ascii_uppercase()))
    }
}

// `*` matches any run of characters; everything else matches itself. Iterative with one backtrack
// point, so it is linear-ish and cannot blow up on many stars.
fn glob(pattern: &str, text: &str) -> bool {
    let p: Vec<char> = pattern.chars().collect();
    let t: Vec<char> = text.chars().collect();
    let (mut i, mut j) = (0, 0);
    let mut star: Option<(usize, usize)> = None;
    while j < t.len() {
        if i < p.len() && p[i] == '*' {
            star = Some((i, j));
            i += 1;
        } else if i < p.len() && p[i] == t[j] {
            i += 1;
            j += 1;
        } else if let Some((si, sj)) = star {
            i = si + 1;
            j = sj + 1;
            star = Some((si, sj + 1));
        } else {
            return false;
        }
    }
    p[i..].iter().all(|&c| c == '*')
}

const DATABASES: &[&str] = &[
    "postgres",
    "mysql",
    "mariadb",
    "redis",
    "mongo",
    "memcached",
];

fn is_database(service: &Value) -> bool {
    let image = service.get("image").and_then(Value::as_str).unwrap_or("");
    let base = image.rsplit('/').next().unwrap_or("");
    DATABASES.iter().any(|d| base.starts_with(d))
}

/// A compose service name as a DNS label: `kube_native` -> `kube-native`.
fn dns_name(name: &str) -> String {
    let out: String = name
        .to_ascii_lowercase()
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect();
    let out = out.trim_matches('-').to_string();
    if out.is_empty() {
        "web".into()
    } else {
        out.chars().take(63).collect()
    }
}

pub fn import(document: &Value, rule: &SplitRule) -> Imported {
    let mut report = Vec::new();
    let mut top = Tree::new(document.clone(), "compose:".into());
    let services: Vec<(String, Value)> = top
        .get("services")
        .and_then(Value::as_mapping)
        .map(|m| {
            m.iter()
                .filter_map(|(k, v)| Some((scalar_text(k)?, v.clone())))
                .collect()
        })
        .unwrap_or_default();
    top.take("services");

    let app_index = services
        .iter()
        .position(|(_, s)| s.get("build").is_some())
        .or_else(|| services.iter().position(|(_, s)| !is_database(s)));
    let mut spec = AppSpec::default();
    spec.app.replicas = 1;

    for (i, (name, service)) in services.iter().enumerate() {
        let mut t = Tree::new(service.clone(), format!("services.{name}"));
        if Some(i) != app_index {
            let note = if is_database(service) {
                "a database service: Kubewright does not run databases; point the app's URL at one (e.g. a managed database or a Helm chart)"
            } else {
                "only one service becomes the app"
            };
            report.push(ReportItem {
                status: Status::Dropped,
                path: format!("services.{name}"),
                note: note.into(),
            });
            continue;
        }
        let app = dns_name(name);
        if app != *name {
            report.push(ReportItem {
                status: Status::Adjusted,
                path: format!("services.{name}"),
                note: format!(
                    "named {app}: Kubernetes names are lowercase letters, digits and '-'"
                ),
            });
        }
        spec.app.name = app.clone();
        spec.app.namespace = app.clone();
        if let Some(image) = t.take_string("image") {
            let (repository, tag, digest) = super::manifests::split_image(&image);
            spec.image.repository = repository;
            spec.image.tag = tag;
            spec.image.digest = digest;
            spec.image.pull_policy = PullPolicy::IfNotPresent;
            t.take("build");
        } else if t.take("build").is_some() {
            spec.image.repository = app.clone();
            spec.image.tag = "latest".into();
            spec.image.pull_policy = PullPolicy::Never;
            // Built locally, never pulled: the Minikube workflow.
            spec.target = crate::spec::Target::Minikube;
            report.push(ReportItem {
                status: Status::Adjusted,
                path: format!("services.{name}.build"),
                note: format!(
                    "built as image {app}:latest inside Minikube (pull policy Never), as in the series; push it to a registry and change the image for a real cluster"
                ),
            });
        }
        // ports: "4000", "4000:4000", "127.0.0.1:8080:4000", "4000/udp" or {target, published}.
        if t.len("ports") > 0 {
            let (published, target) = match t.get("ports.0") {
                Some(Value::Mapping(m)) => (
                    m.get("published").and_then(scalar_text),
                    m.get("target").and_then(scalar_text),
                ),
                Some(v) => {
                    let text = scalar_text(v).unwrap_or_default();
                    let text = text.split('/').next().unwrap_or("").to_string();
                    let parts: Vec<&str> = text.split(':').collect();
                    match parts.as_slice() {
                        [target] => (None, Some(target.to_string())),
                        [.., published, target] => {
                            (Some(published.to_string()), Some(target.to_string()))
                        }
                        [] => (None, None),
                    }
                }
                None => (None, None),
            };
            if let Some(target) = target.and_then(|t| t.parse::<i64>().ok()) {
                t.take("ports.0");
                spec.port.number = target;
                spec.service.port = published
                    .and_then(|p| p.parse::<i64>().ok())
                    .unwrap_or(target);
            }
        }
        // environment: a map, or a list of `NAME=value` (a bare `NAME` takes the value from the
        // shell running compose: it comes in empty and is reported).
        let mut entries = Vec::new();
        match t.get("environment") {
            Some(Value::Mapping(m)) => {
                for (k, v) in m {
                    if let Some(k) = scalar_text(k) {
                        entries.push((k, scalar_text(v)));
                    }
                }
            }
            Some(Value::Sequence(items)) => {
                for item in items.iter().filter_map(scalar_text) {
                    match item.split_once('=') {
                        Some((k, v)) => entries.push((k.to_string(), Some(v.to_string()))),
                        None => entries.push((item, None)),
                    }
                }
            }
            _ => {}
        }
        if !entries.is_empty() {
            t.take("environment");
        }
        for (key, value) in entries {
            if value.is_none() {
                report.push(ReportItem {
                    status: Status::Adjusted,
                    path: format!("services.{name}.environment.{key}"),
                    note: "no value (compose takes it from your shell): fill it in".into(),
                });
            }
            let entry = EnvEntry {
                name: key,
                value: value.unwrap_or_default(),
            };
            if rule.is_secret(&entry.name) {
                spec.secrets.push(entry);
            } else {
                spec.env.push(entry);
            }
        }
        t.leftovers(
            Status::Dropped,
            "not used on Kubernetes (or not in the form)",
            &mut report,
        );
    }
    top.leftovers(Status::Dropped, "not used on Kubernetes", &mut report);
    Imported {
        format: Format::Compose,
        spec,
        report,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn glob_matches_like_a_shell_pattern() {
        for (p, t, want) in [
            ("*PASSWORD*", "POSTGRES_PASSWORD", true),
            ("*PASSWORD*", "PASSWORD", true),
            ("*KEY*", "SECRET_KEY_BASE", true),
            ("DATABASE_URL", "DATABASE_URL", true),
            ("DATABASE_URL", "DATABASE_URL_2", false),
            ("*TOKEN", "TOKEN_TTL", false),
            ("A*B*C", "AXXBYYC", true),
            ("A*B*C", "AXXBYY", false),
            ("**", "", true),
        ] {
            assert_eq!(glob(p, t), want, "{p} vs {t}");
        }
        assert!(SplitRule::default().is_secret("postgres_password"));
        assert!(!SplitRule::default().is_secret("PORT"));
    }
}
