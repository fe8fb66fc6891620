//! docker-compose -> spec: the app's service (the one with `build`, else the first that is not a
//! database) becomes the app: image or build, the first port, the environment. Environment entries
//! are split between the ConfigMap and the Secret by a visible, editable name rule (and a URL with a
//! password in it always goes to the Secret).

use serde_yaml::Value;

use super::container::split_image;
use super::tree::{scalar_text, Tree};
use super::{Format, Imported, ReportItem, Status};
use crate::secret_words;
use crate::spec::{AppSpec, DatabaseKind, EnvEntry, PullPolicy, Target, IMPLIED_TAG};

/// Which environment entries are secret: names matching any pattern, in the two forms of
/// [`secret_words::PATTERNS`] (`*PASSWORD*` matches any name containing PASSWORD; a word without `*`,
/// such as `KEY`, must be a whole part of the name between `_`: `API_KEY`, not `KEYCLOAK_URL`).
/// Case does not matter. The default is that shared list, so the entries the importer leaves in the
/// ConfigMap are the ones the `env-var-secret` warning leaves alone.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SplitRule {
    pub patterns: Vec<String>,
}

impl Default for SplitRule {
    fn default() -> Self {
        SplitRule {
            patterns: secret_words::PATTERNS
                .iter()
                .map(|p| p.to_string())
                .collect(),
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

    /// Whether an entry named `name` is secret by this rule.
    pub fn is_secret(&self, name: &str) -> bool {
        secret_words::matching(self.patterns.iter().map(String::as_str), name).is_some()
    }
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

/// A service's `environment`: a map, or a list of `NAME=value` (a bare `NAME` takes the value from
/// the shell running compose: `None`).
fn environment(t: &Tree) -> Vec<(String, Option<String>)> {
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
    entries
}

/// A `postgres` service becomes the database settings: Bitnami's PostgreSQL chart (the series ran
/// PostgreSQL from a Helm chart), its user, password and database from the image's variables.
fn postgres(name: &str, service: &Value, spec: &mut AppSpec, report: &mut Vec<ReportItem>) {
    let mut t = Tree::new(service.clone(), format!("services.{name}"));
    let env = environment(&t);
    t.take("environment");
    let get = |key: &str| {
        env.iter()
            .find(|(k, _)| k == key)
            .and_then(|(_, v)| v.clone())
    };
    let db = &mut spec.database;
    db.kind = DatabaseKind::Helm;
    db.name = dns_name(name);
    // The image's defaults when a variable is not set.
    db.user = get("POSTGRES_USER").unwrap_or_else(|| "postgres".into());
    db.database = get("POSTGRES_DB").unwrap_or_else(|| db.user.clone());
    db.password = get("POSTGRES_PASSWORD").unwrap_or_default();
    report.push(ReportItem::adjusted(
        format!("services.{name}"),
        format!(
            "became the database: Bitnami's PostgreSQL chart, release {}, user {}, database {}; the chart also needs a password for its postgres superuser: fill it in",
            db.name, db.user, db.database
        ),
    ));
    t.take("image");
    t.leftovers(
        Status::Dropped,
        "the chart decides the version, ports and storage",
        report,
    );
}

/// The app's URL entry that points at the compose database service (`@postgres/`, `@postgres:`)
/// is replaced by the one derived from the database settings, which points at the chart's Service.
fn derive_url(db_service: &str, spec: &mut AppSpec, report: &mut Vec<ReportItem>) {
    let points_at = |value: &str| {
        value.split("://").nth(1).is_some_and(|rest| {
            rest.rsplit_once('@').is_some_and(|(_, host)| {
                let host = host.split(['/', ':', '?']).next().unwrap_or("");
                host == db_service
            })
        })
    };
    for secret in [true, false] {
        let list = if secret {
            &mut spec.secrets
        } else {
            &mut spec.env
        };
        if let Some(i) = list.iter().position(|e| points_at(&e.value)) {
            let entry = list.remove(i);
            spec.database.url_env = entry.name.clone();
            if let Some((scheme, _)) = entry.value.split_once("://") {
                spec.database.url_scheme = scheme.to_string();
            }
            report.push(ReportItem::adjusted(
                format!("services environment.{}", entry.name),
                format!(
                    "derived from the database settings: {}",
                    spec.database
                        .masked_url(spec.namespace())
                        .unwrap_or_default()
                ),
            ));
            return;
        }
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
    let mut db_service: Option<String> = None;

    for (i, (name, service)) in services.iter().enumerate() {
        if Some(i) == app_index {
            take_app(name, service, rule, &mut spec, &mut report);
        } else if is_postgres(service) && spec.database.kind == DatabaseKind::None {
            postgres(name, service, &mut spec, &mut report);
            db_service = Some(name.clone());
        } else {
            let note = if is_database(service) {
                "a database service Kubewright does not set up (it sets up PostgreSQL only, and one): point the app's URL at it (e.g. a managed database or a Helm chart)"
            } else {
                "only one service becomes the app"
            };
            report.push(ReportItem::dropped(format!("services.{name}"), note));
        }
    }
    if let Some(db_service) = db_service {
        derive_url(&db_service, &mut spec, &mut report);
    }
    top.leftovers(Status::Dropped, "not used on Kubernetes", &mut report);
    Imported {
        format: Format::Compose,
        spec,
        report,
    }
}

fn is_postgres(service: &Value) -> bool {
    let image = service.get("image").and_then(Value::as_str).unwrap_or("");
    image
        .rsplit('/')
        .next()
        .unwrap_or("")
        .starts_with("postgres")
}

/// The app's service: its name, image or build, first port and environment.
fn take_app(
    name: &str,
    service: &Value,
    rule: &SplitRule,
    spec: &mut AppSpec,
    report: &mut Vec<ReportItem>,
) {
    let mut t = Tree::new(service.clone(), format!("services.{name}"));
    let app = dns_name(name);
    if app != *name {
        report.push(ReportItem::adjusted(
            format!("services.{name}"),
            format!("named {app}: Kubernetes names are lowercase letters, digits and '-'"),
        ));
    }
    spec.app.name = app.clone();
    spec.app.namespace = app;
    take_image(&mut t, name, spec, report);
    take_port(&mut t, spec);
    take_environment(&mut t, name, rule, spec, report);
    t.leftovers(
        Status::Dropped,
        "not used on Kubernetes (or not in the form)",
        report,
    );
}

/// `image`, or `build`: then the image is built inside Minikube, as in the series.
fn take_image(t: &mut Tree, name: &str, spec: &mut AppSpec, report: &mut Vec<ReportItem>) {
    let app = spec.app.name.clone();
    if let Some(image) = t.take_string("image") {
        let (repository, tag, digest) = split_image(&image);
        spec.image.repository = repository;
        spec.image.tag = tag;
        spec.image.digest = digest;
        spec.image.pull_policy = PullPolicy::IfNotPresent;
        t.take("build");
    } else if t.take("build").is_some() {
        spec.image.repository = app.clone();
        spec.image.tag = IMPLIED_TAG.into();
        spec.image.pull_policy = PullPolicy::Never;
        spec.target = Target::Minikube;
        report.push(ReportItem::adjusted(
            format!("services.{name}.build"),
            format!(
                "built as image {app}:{IMPLIED_TAG} inside Minikube (pull policy Never), as in the series; push it to a registry and change the image for a real cluster"
            ),
        ));
    }
}

/// The first of `ports`: "4000", "4000:4000", "127.0.0.1:8080:4000", "4000/udp" or
/// {target, published}. The target is the container's port, the published one the Service's.
fn take_port(t: &mut Tree, spec: &mut AppSpec) {
    if t.len("ports") == 0 {
        return;
    }
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
                [.., published, target] => (Some(published.to_string()), Some(target.to_string())),
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

/// `environment`: split between the ConfigMap and the Secret by `rule`. A bare `NAME` takes its
/// value from the shell running compose: it comes in empty and is reported.
fn take_environment(
    t: &mut Tree,
    name: &str,
    rule: &SplitRule,
    spec: &mut AppSpec,
    report: &mut Vec<ReportItem>,
) {
    let entries = environment(t);
    if !entries.is_empty() {
        t.take("environment");
    }
    for (key, value) in entries {
        if value.is_none() {
            report.push(ReportItem::adjusted(
                format!("services.{name}.environment.{key}"),
                "no value (compose takes it from your shell): fill it in",
            ));
        }
        let entry = EnvEntry {
            name: key,
            value: value.unwrap_or_default(),
        };
        // A URL with a password in it is a secret whatever its name (and the rule says).
        if rule.is_secret(&entry.name) || secret_words::has_credentials(&entry.value) {
            spec.secrets.push(entry);
        } else {
            spec.env.push(entry);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_rule_is_the_shared_list() {
        let rule = SplitRule::default();
        assert!(rule.is_secret("postgres_password"));
        assert!(rule.is_secret("RELEASE_COOKIE"));
        assert!(!rule.is_secret("PORT"));
        assert!(!rule.is_secret("KEYCLOAK_URL"));
        assert_eq!(rule.patterns.len(), secret_words::PATTERNS.len());
    }
}
