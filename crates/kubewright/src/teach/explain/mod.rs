//! Explanations as data: for every form field (by its spec path, the same paths validation and the
//! YAML line map use), what it does, its default, what goes wrong without it, the `kubectl explain`
//! path of the API field it sets, and a reference link.

mod table;

use table::ENTRIES;

/// One explanation, as stored (see `table.rs` for the path patterns).
#[derive(Clone, Copy, Debug)]
pub struct Entry {
    pub path: &'static str,
    pub text: &'static str,
    pub default: &'static str,
    pub without: &'static str,
    pub explain: Option<&'static str>,
    pub link: &'static str,
}

/// The explanation of one concrete field, ready to show.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Explanation {
    pub text: &'static str,
    pub default: &'static str,
    pub without: &'static str,
    /// What `kubectl explain` takes, e.g. `deployment.spec.template.spec.containers.readinessProbe`;
    /// `None` for settings of a tool (Helm, Minikube) rather than of an API object.
    pub explain: Option<String>,
    pub link: String,
}

/// A field path with list indices as `[]`: `env[2].value` -> `env[].value`.
pub fn pattern(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    let mut in_index = false;
    for c in path.chars() {
        match c {
            '[' => {
                in_index = true;
                out.push('[');
            }
            ']' => {
                in_index = false;
                out.push(']');
            }
            _ if in_index => {}
            _ => out.push(c),
        }
    }
    out
}

/// The explanation of a field path such as `app.replicas`, `env[2].value` or
/// `probes.liveness.period_seconds`.
pub fn explain(path: &str) -> Option<Explanation> {
    // A probe's kind is its action's `type` in the spec file; the form names the selector `…action`.
    let pattern = pattern(path);
    let pattern = pattern
        .strip_suffix(".type")
        .filter(|p| p.ends_with(".action"))
        .map(str::to_string)
        .unwrap_or(pattern);
    let probe = ["liveness", "readiness", "startup"]
        .into_iter()
        .find(|p| pattern.starts_with(&format!("probes.{p}.")));
    let wildcard = probe.map(|p| pattern.replacen(&format!("probes.{p}."), "probes.*.", 1));
    let entry = ENTRIES
        .iter()
        .find(|e| e.path == pattern)
        .or_else(|| ENTRIES.iter().find(|e| Some(e.path) == wildcard.as_deref()))?;
    Some(Explanation {
        text: entry.text,
        default: entry.default,
        without: entry.without,
        explain: entry
            .explain
            .map(|x| x.replace("{probe}", &format!("{}Probe", probe.unwrap_or_default()))),
        link: table::link(entry),
    })
}

/// Every field path pattern of the spec (what the form edits): the leaves of a spec with one entry
/// in each list and each probe kind, so a field added to the spec shows up here by itself.
pub fn spec_field_patterns() -> Vec<String> {
    use crate::spec::*;
    let mut out = std::collections::BTreeSet::new();
    let row = EnvEntry::new("A", "b");
    for action in [
        ProbeAction::Exec {
            command: vec!["x".into()],
        },
        ProbeAction::HttpGet {
            path: "/".into(),
            port: "http".into(),
        },
        ProbeAction::TcpSocket {
            port: "http".into(),
        },
    ] {
        let probe = Probe {
            action,
            ..Probe::default()
        };
        let spec = AppSpec {
            app: App {
                labels: vec![Label::new("a", "b")],
                ..App::default()
            },
            env: vec![row.clone()],
            secrets: vec![row.clone()],
            downward: vec![DownwardEnv::default()],
            pod_env: vec![row.clone()],
            probes: Probes {
                liveness: probe.clone(),
                readiness: probe.clone(),
                startup: probe,
            },
            jobs: vec![Job::default()],
            cron_jobs: vec![CronJob::default()],
            volumes: vec![Volume {
                files: vec![ConfigFile::default()],
                ..Volume::default()
            }],
            init: InitContainers {
                sidecars: vec![Sidecar {
                    env: vec![row.clone()],
                    ..Sidecar::default()
                }],
                ..InitContainers::default()
            },
            ..AppSpec::default()
        };
        let value = serde_json::to_value(&spec).unwrap_or_default();
        leaves(&value, String::new(), &mut out);
    }
    out.into_iter().collect()
}

fn leaves(value: &serde_json::Value, path: String, out: &mut std::collections::BTreeSet<String>) {
    use serde_json::Value;
    let join = |key: &str| {
        if path.is_empty() {
            key.to_string()
        } else {
            format!("{path}.{key}")
        }
    };
    match value {
        Value::Object(map) => {
            for (k, v) in map {
                leaves(v, join(k), out);
            }
        }
        // A list of rows is a list of fields; a list of words (args, command) is one field.
        Value::Array(items) if items.first().is_some_and(Value::is_object) => {
            leaves(&items[0], format!("{path}[]"), out);
        }
        _ => {
            out.insert(path);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_spec_field_has_an_explanation() {
        let patterns = spec_field_patterns();
        assert!(patterns.len() > 60, "{patterns:?}");
        let missing: Vec<&String> = patterns.iter().filter(|p| explain(p).is_none()).collect();
        assert!(missing.is_empty(), "no explanation for {missing:?}");
    }

    #[test]
    fn every_entry_is_used_and_complete() {
        let patterns = spec_field_patterns();
        for e in ENTRIES {
            // Probe entries are shared (`probes.*.`) or named after the form's selector (`.action`).
            // A list of rows the form edits as one field (a sidecar's NAME=value words) is used
            // when its rows are spec fields.
            let rows = format!("{}[].", e.path);
            let used = patterns
                .iter()
                .any(|p| explain(p).is_some_and(|x| x.text == e.text) || p.starts_with(&rows));
            assert!(used, "{} explains no spec field", e.path);
            assert!(
                !e.text.is_empty() && !e.default.is_empty() && !e.without.is_empty(),
                "{}",
                e.path
            );
            assert!(table::link(e).starts_with("https://"), "{}", e.path);
        }
    }

    #[test]
    fn concrete_paths_find_their_pattern_and_probe() {
        let x = explain("probes.readiness.period_seconds").unwrap();
        assert_eq!(
            x.explain.as_deref(),
            Some("deployment.spec.template.spec.containers.readinessProbe.periodSeconds")
        );
        assert_eq!(
            explain("probes.readiness.action.type"),
            explain("probes.readiness.action")
        );
        let x = explain("probes.readiness.action").unwrap();
        assert_eq!(
            x.explain.as_deref(),
            Some("deployment.spec.template.spec.containers.readinessProbe")
        );
        assert!(explain("env[12].value").unwrap().text.contains("\"4000\""));
        assert_eq!(pattern("jobs[0].args"), "jobs[].args");
        assert!(explain("app.nope").is_none());
        assert!(explain("app.replicas")
            .unwrap()
            .link
            .starts_with("https://kubernetes.io/docs/"));
    }
}
