//! Names: the app's, the namespace's, the labels', the Jobs' and every name made from them, each
//! against its kind's rule.

use crate::k8s::{ConfigMap, Secret};
use crate::spec::{DatabaseKind, APP_LABEL};
use crate::validate::{first_of, names, Finding, Rule, Severity};

pub const APP_NAME: Rule = Rule {
    id: "app-name",
    severity: Severity::Error,
    upstream: "ValidateServiceName (IsDNS1035Label), ValidateDeploymentName (IsDNS1123Subdomain), \
               container name IsDNS1123Label, label value IsValidLabelValue",
    check: |spec| {
        names::dns1035_label(&spec.app.name)
            .err()
            .map(|e| {
                Finding::new(
                    "app.name",
                    format!(
                        "The name {e}. It names the Service, so it must be an RFC 1035 label: lowercase \
                         letters, digits and '-', starting with a letter, at most 63 characters."
                    ),
                )
            })
            .into_iter()
            .collect()
    },
};

pub const NAMESPACE_NAME: Rule = Rule {
    id: "namespace-name",
    severity: Severity::Error,
    upstream: "ValidateNamespaceName (IsDNS1123Label)",
    check: |spec| {
        match spec.namespace().map(names::dns1123_label) {
        Some(Err(e)) => vec![Finding::new(
            "app.namespace",
            format!(
                "The namespace {e}. Namespaces are RFC 1123 labels: lowercase letters, digits and '-', \
                 at most 63 characters. Leave it empty to use kubectl's current namespace."
            ),
        )],
        _ => Vec::new(),
    }
    },
};

pub const LABELS: Rule = Rule {
    id: "labels",
    severity: Severity::Error,
    upstream: "ValidateLabels: IsQualifiedName for keys, IsValidLabelValue for values; keys unique",
    check: |spec| {
        let mut out = Vec::new();
        let keys: Vec<&str> = spec.app.labels.iter().map(|l| l.key.as_str()).collect();
        let first = first_of(&keys);
        for (i, label) in spec.app.labels.iter().enumerate() {
            let key_path = format!("app.labels[{i}].key");
            if label.key == APP_LABEL {
                out.push(Finding::new(
                    key_path,
                    "The app label is set from the app's name (the Service selects pods by it); pick \
                     another key, e.g. app.kubernetes.io/part-of.",
                ));
            } else if let Err(e) = names::label_key(&label.key) {
                out.push(Finding::new(
                    key_path,
                    format!(
                        "The label key {e}. A key is [prefix/]name: an optional DNS prefix such as \
                         example.com/, then at most 63 letters, digits, '-', '_' or '.'."
                    ),
                ));
            } else if first[i] != i {
                out.push(Finding::new(
                    key_path,
                    format!(
                        "Label {} already has the key '{}'.",
                        first[i] + 1,
                        label.key
                    ),
                ));
            }
            if let Err(e) = names::label_value(&label.value) {
                out.push(Finding::new(
                    format!("app.labels[{i}].value"),
                    format!(
                        "The label value {e}. Values are empty or at most 63 letters, digits, '-', '_' \
                         or '.', starting and ending with a letter or digit."
                    ),
                ));
            }
        }
        out
    },
};

/// A name the spec makes, with the rule the API server applies to its kind.
enum Derived {
    /// Service names: RFC 1035 labels.
    Service(String),
    /// ConfigMap, Secret and SealedSecret names: RFC 1123 subdomains.
    Object(&'static str, String),
}

impl Derived {
    fn problem(&self) -> Option<String> {
        match self {
            Derived::Service(name) => names::dns1035_label(name).err().map(|e| {
                format!("The Service name '{name}' {e} (Service names are RFC 1035 labels)")
            }),
            Derived::Object(kind, name) => names::dns1123_subdomain(name)
                .err()
                .map(|e| format!("The {kind} name '{name}' {e}")),
        }
    }
}

/// The StatefulSet controller labels each pod `controller-revision-hash: <statefulset>-<hash>`, a
/// hash of up to 10 digits, and a label value is at most 63 characters.
const STATEFULSET_NAME_MAX: usize = 63 - 11;

pub const DERIVED_NAMES: Rule = Rule {
    id: "derived-name",
    severity: Severity::Error,
    upstream: "every name made from the app or database name against its kind's rule: \
               ValidateConfigMapName / ValidateSecretName / ValidateJobName (IsDNS1123Subdomain), \
               ValidateServiceName (IsDNS1035Label); the Job controller's job-name pod label and the \
               StatefulSet controller's controller-revision-hash pod label (IsValidLabelValue, 63 \
               characters)",
    check: |spec| {
        let mut out = Vec::new();
        // An invalid app or database name is reported once, at its own field; the names made from
        // it would repeat it.
        if names::dns1035_label(&spec.app.name).is_ok() {
            for (i, job) in spec.jobs.iter().enumerate() {
                let path = format!("jobs[{i}].name");
                if job.name.is_empty() {
                    continue; // JOB_NAME says so.
                }
                let full = spec.job_name(job);
                let pod_label = spec.job_base_name(&job.name);
                let problem = names::dns1123_subdomain(&full)
                    .err()
                    .or_else(|| names::label_value(&full).err())
                    .map(|e| format!("The Job's name '{full}' {e}"))
                    .or_else(|| {
                        names::label_value(&pod_label)
                            .err()
                            .map(|e| format!("The Job pods' label app: {pod_label} {e}"))
                    });
                if let Some(problem) = problem {
                    out.push(Finding::new(
                        path,
                        format!(
                            "{problem}. Job names become a pod label, so <app>-<job>-<run> must be at \
                             most 63 lowercase letters, digits and '-'. Shorten the job or the app name."
                        ),
                    ));
                }
            }
            let mut made = vec![
                Derived::Object(ConfigMap::KIND, spec.config_map_name()),
                Derived::Object(Secret::KIND, spec.secret_name()),
            ];
            if spec.clustering.enabled {
                made.push(Derived::Service(spec.headless_service_name()));
            }
            out.extend(made.iter().filter_map(Derived::problem).map(|p| {
                Finding::new(
                    "app.name",
                    format!("{p}. It is made from the app name: shorten the app name."),
                )
            }));
        }
        let db = &spec.database;
        if db.kind != DatabaseKind::None && super::database::name_problem(db).is_none() {
            let mut made = vec![Derived::Object(Secret::KIND, db.secret_name())];
            made.extend(db.service_name().map(Derived::Service));
            let mut problems: Vec<String> = made.iter().filter_map(Derived::problem).collect();
            // The chart's StatefulSet is named like its Service (the release's fullname).
            if let (DatabaseKind::Helm, Some(statefulset)) = (db.kind, db.service_name()) {
                if statefulset.len() > STATEFULSET_NAME_MAX {
                    problems.push(format!(
                        "The chart's StatefulSet '{statefulset}' has {} characters: its pods' label \
                         controller-revision-hash (<name>-<hash>) would pass 63, and the StatefulSet \
                         controller could create no pod. At most {STATEFULSET_NAME_MAX} fit",
                        statefulset.len()
                    ));
                }
            }
            out.extend(problems.into_iter().map(|p| {
                Finding::new(
                    "database.name",
                    format!("{p}. It is made from the database name: shorten it."),
                )
            }));
        }
        out
    },
};

pub const JOB_NAME: Rule = Rule {
    id: "job-name",
    severity: Severity::Error,
    upstream:
        "ours: each Job needs its own name (kubectl create fails with AlreadyExists, and the two \
               would share one file)",
    check: |spec| {
        let mut out = Vec::new();
        let names: Vec<&str> = spec.jobs.iter().map(|j| j.name.as_str()).collect();
        for (i, j) in first_of(&names).into_iter().enumerate() {
            let path = format!("jobs[{i}].name");
            if names[i].is_empty() {
                out.push(Finding::new(path, "The job needs a name, e.g. migrate."));
            } else if j != i {
                out.push(Finding::new(
                    path,
                    format!(
                        "Job {} is already called '{}'; give each job its own name.",
                        j + 1,
                        names[i]
                    ),
                ));
            }
        }
        out
    },
};
