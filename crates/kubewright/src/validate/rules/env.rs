//! Environment: ConfigMap and Secret keys, env names, names set twice, `$(VAR)` references, and
//! secret-looking values in plain text.

use crate::k8s::{ConfigMap, Secret};
use crate::secret_words;
use crate::spec::{AppSpec, DatabaseKind, EnvEntry};
use crate::validate::{first_of, names, Finding, Fix, Rule, Severity};

/// Each list that becomes ConfigMap or Secret data, with its path prefix and the object's word.
fn data_lists(spec: &AppSpec) -> [(&'static str, &Vec<EnvEntry>, &'static str); 2] {
    [
        ("env", &spec.env, ConfigMap::KIND),
        ("secrets", &spec.secrets, Secret::KIND),
    ]
}

/// The keys the spec adds to the ConfigMap and Secret by itself, with their paths: the clustering
/// query (ConfigMap) and the database URL (Secret).
fn derived_keys(spec: &AppSpec) -> Vec<(&'static str, &str, &'static str)> {
    let mut keys = Vec::new();
    if spec.clustering.enabled && !spec.clustering.query_env.is_empty() {
        keys.push((
            "clustering.query_env",
            spec.clustering.query_env.as_str(),
            ConfigMap::KIND,
        ));
    }
    if spec.database.kind != DatabaseKind::None && !spec.database.url_env.is_empty() {
        keys.push((
            "database.url_env",
            spec.database.url_env.as_str(),
            Secret::KIND,
        ));
    }
    keys
}

pub const ENV_KEY: Rule = Rule {
    id: "data-key",
    severity: Severity::Error,
    upstream:
        "ValidateConfigMap / ValidateSecret data keys (IsConfigMapKey), also for the keys the \
               spec derives (the clustering query, the database URL)",
    check: |spec| {
        let mut keys: Vec<(String, &str, &str)> = Vec::new();
        for (prefix, list, object) in data_lists(spec) {
            for (i, entry) in list.iter().enumerate() {
                keys.push((format!("{prefix}[{i}].name"), &entry.name, object));
            }
        }
        for (path, key, object) in derived_keys(spec) {
            keys.push((path.to_string(), key, object));
        }
        keys.into_iter()
            .filter_map(|(path, key, object)| {
                names::config_map_key(key).err().map(|e| {
                    Finding::new(
                        path,
                        format!(
                            "The name {e}. It becomes a {object} key: letters, digits, '-', '_' and '.', \
                             at most 253 characters."
                        ),
                    )
                })
            })
            .collect()
    },
};

pub const DUPLICATE_KEY: Rule = Rule {
    id: "duplicate-key",
    severity: Severity::Error,
    upstream: "YAML: a mapping's keys are unique (kubectl refuses 'mapping key already defined')",
    check: |spec| {
        let mut out = Vec::new();
        for (prefix, list, object) in data_lists(spec) {
            let names: Vec<&str> = list.iter().map(|e| e.name.as_str()).collect();
            for (i, j) in first_of(&names).into_iter().enumerate() {
                if j != i && !names[i].is_empty() {
                    out.push(Finding::new(
                        format!("{prefix}[{i}].name"),
                        format!(
                            "'{}' is already row {}; the {object} can hold each name once. Remove one.",
                            names[i],
                            j + 1
                        ),
                    ));
                }
            }
        }
        // The clustering query is added to the ConfigMap after the user's rows (the database URL's
        // clash with a secret is the database rule's).
        let query = &spec.clustering.query_env;
        if let Some(j) = derived_keys(spec)
            .iter()
            .find(|(path, _, _)| *path == "clustering.query_env")
            .and_then(|_| spec.env.iter().position(|e| &e.name == query))
        {
            out.push(Finding::new(
                "clustering.query_env",
                format!(
                    "{query} is also env row {}: the ConfigMap would hold the key twice. Remove that \
                     row (the query is derived here) or name this variable differently.",
                    j + 1
                ),
            ));
        }
        out
    },
};

pub const ENV_NAME: Rule = Rule {
    id: "env-name",
    severity: Severity::Error,
    upstream: "validateEnv: IsRelaxedEnvVarName (Kubernetes 1.32+; KEP-4369)",
    check: |spec| {
        spec.downward
            .iter()
            .enumerate()
            .filter_map(|(i, d)| {
                names::env_name(&d.name).err().map(|e| {
                    Finding::new(
                        format!("downward[{i}].name"),
                        format!("The variable name {e}."),
                    )
                })
            })
            .collect()
    },
};

pub const CONTAINER_ENV: Rule = Rule {
    id: "container-env",
    severity: Severity::Error,
    upstream: "validateEnv: IsRelaxedEnvVarName",
    check: |spec| {
        // The clustering query is a ConfigMap key, not an env entry: the data-key rule checks it.
        spec.pod_env
            .iter()
            .enumerate()
            .filter_map(|(i, e)| {
                names::env_name(&e.name).err().map(|err| {
                    Finding::new(
                        format!("pod_env[{i}].name"),
                        format!("The variable name {err}."),
                    )
                })
            })
            .collect()
    },
};

pub const ENV_VAR_SECRET: Rule = Rule {
    id: "env-var-secret",
    severity: Severity::Warning,
    upstream: "kube-linter env-var-secret",
    check: |spec| {
        // The word list is shared with the compose importer's split rule: crate::secret_words.
        let mut out = Vec::new();
        for (i, e) in spec.env.iter().enumerate() {
            if let Some(reason) = secret_words::reason(&e.name, &e.value) {
                out.push(
                    Finding::new(
                        format!("env[{i}].name"),
                        format!(
                            "{} looks secret ({reason}), but ConfigMaps are readable by anyone who can \
                             read the namespace's config, and the form saves and shares it like any \
                             plain value. Keep it in the Secret.",
                            e.name
                        ),
                    )
                    .with_fix(Fix::MoveToSecret { index: i }),
                );
            }
        }
        // The container's own env is written into the Deployment in plain text.
        for (i, e) in spec.pod_env.iter().enumerate() {
            if let Some(reason) = secret_words::reason(&e.name, &e.value) {
                let mut finding = Finding::new(
                    format!("pod_env[{i}].name"),
                    format!(
                        "{} looks secret ({reason}), but it is set in plain text in the Deployment, \
                         readable by anyone who can read it, and the form saves and shares it like \
                         any plain value. Keep it in the Secret.",
                        e.name
                    ),
                );
                // Only a value without $(VAR): Kubernetes expands those in the container's env,
                // never in a Secret's, so moving it would change what the app sees.
                if !e.value.contains("$(") {
                    finding = finding.with_fix(Fix::MovePodEnvToSecret { index: i });
                }
                out.push(finding);
            }
        }
        out
    },
};

pub const DUPLICATE_ENV_VAR: Rule = Rule {
    id: "duplicate-env-var",
    severity: Severity::Warning,
    upstream:
        "kube-linter duplicate-env-var; the API server warns on a name twice in a container's env \
               (pkg/api/pod/warnings.go, since 1.22); the kubelet's precedence for env and envFrom",
    check: |spec| {
        // Precedence inside the container: `env` (the Downward API rows, then the container's own)
        // beats envFrom, and of the two envFrom sources the later one (the Secret) wins.
        let mut out = Vec::new();
        // Every name with where it is, in precedence order of the lists.
        let entries: Vec<(&str, usize, &str)> = [
            (
                "downward",
                spec.downward
                    .iter()
                    .map(|d| d.name.as_str())
                    .collect::<Vec<_>>(),
            ),
            (
                "pod_env",
                spec.pod_env.iter().map(|e| e.name.as_str()).collect(),
            ),
            ("env", spec.env.iter().map(|e| e.name.as_str()).collect()),
            (
                "secrets",
                spec.secrets.iter().map(|e| e.name.as_str()).collect(),
            ),
        ]
        .into_iter()
        .flat_map(|(prefix, names)| {
            names
                .into_iter()
                .enumerate()
                .map(move |(i, name)| (prefix, i, name))
        })
        .collect();
        let names: Vec<&str> = entries.iter().map(|e| e.2).collect();
        for (k, f) in first_of(&names).into_iter().enumerate() {
            let (prefix, i, name) = entries[k];
            if f == k || name.is_empty() {
                continue;
            }
            let path = format!("{prefix}[{i}].name");
            let (first_prefix, first_i, _) = entries[f];
            let in_env = |p: &str| p == "downward" || p == "pod_env";
            if first_prefix == prefix {
                // In env/secrets this is the error duplicate-key.
                if in_env(prefix) {
                    out.push(Finding::new(
                        path,
                        format!(
                            "{name} is set twice here; only the last one counts, and kubectl apply \
                             may drop one."
                        ),
                    ));
                }
                continue;
            }
            let winner = match first_prefix {
                _ if in_env(prefix) => {
                    "both are in the container's env, where the later one (this one) wins, and \
                     kubectl apply may drop one"
                }
                "downward" => "the Downward API value wins (env beats envFrom)",
                "pod_env" => "the container's own value wins (env beats envFrom)",
                _ => "the Secret's value wins (it is loaded after the ConfigMap)",
            };
            out.push(Finding::new(
                path,
                format!("{name} is also set at {first_prefix}[{first_i}]; {winner}. Keep one."),
            ));
        }
        out
    },
};

pub const ENV_NAME_COMPAT: Rule = Rule {
    id: "env-name-compat",
    severity: Severity::Warning,
    upstream:
        "IsEnvVarName before Kubernetes 1.32 (C identifiers plus '-' and '.', no leading digit)",
    check: |spec| {
        let mut out = Vec::new();
        let names_of = [
            (
                "downward",
                spec.downward.iter().map(|d| &d.name).collect::<Vec<_>>(),
                true,
            ),
            ("env", spec.env.iter().map(|e| &e.name).collect(), false),
            (
                "secrets",
                spec.secrets.iter().map(|e| &e.name).collect(),
                false,
            ),
        ];
        for (prefix, list, direct) in names_of {
            for (i, name) in list.into_iter().enumerate() {
                // Only names valid today but not before 1.32; invalid ones are errors elsewhere.
                let valid_now = if direct {
                    names::env_name(name).is_ok()
                } else {
                    names::config_map_key(name).is_ok()
                };
                if let (true, Err(e)) = (valid_now, names::env_name_before_1_32(name)) {
                    let effect = if direct {
                        "API servers before 1.32 reject the Deployment"
                    } else {
                        "kubelets before 1.32 skip it when loading envFrom"
                    };
                    out.push(Finding::new(
                        format!("{prefix}[{i}].name"),
                        format!(
                            "The name {e}: Kubernetes 1.32+ accepts it, but {effect}. Letters, digits and \
                             '_' (not first a digit) work everywhere."
                        ),
                    ));
                }
            }
        }
        out
    },
};

/// The kubelet expands `$(NAME)` in a container env value against every envFrom key (loaded first),
/// the env entries before it and the service link variables; any other `$(NAME)` stays as written.
pub const ENV_REFERENCE: Rule = Rule {
    id: "env-reference",
    severity: Severity::Warning,
    upstream:
        "the kubelet's makeEnvironmentVariables (pkg/kubelet/kubelet_pods.go): envFrom keys first, \
               then env in order, each value expanded against what is set so far and the service \
               variables",
    check: |spec| {
        let config_map = spec.config_map_entries();
        let secret = spec.secret_entries();
        let mut defined: Vec<&str> = config_map
            .iter()
            .chain(&secret)
            .map(|e| e.name.as_str())
            .chain(spec.downward.iter().map(|d| d.name.as_str()))
            .collect();
        let mut out = Vec::new();
        for (i, e) in spec.pod_env.iter().enumerate() {
            let mut rest = e.value.as_str();
            while let Some(start) = rest.find("$(") {
                let after = &rest[start + 2..];
                let Some(end) = after.find(')') else { break };
                let name = &after[..end];
                if !defined.contains(&name)
                    && !is_service_link(name)
                    && !rest[..start].ends_with('$')
                {
                    let later = spec.pod_env[i + 1..].iter().position(|l| l.name == name);
                    out.push(Finding::new(
                        format!("pod_env[{i}].value"),
                        match later {
                            Some(k) => format!(
                                "$({name}) stays as written: {name} is only set further down (row {}); \
                                 a value sees the rows above it. Move this row below that one.",
                                i + k + 2
                            ),
                            None => format!(
                                "$({name}) stays as written: {name} is set nowhere before it (not in the \
                                 ConfigMap or Secret, not a Downward API variable, not a row above)."
                            ),
                        },
                    ));
                }
                rest = &after[end + 1..];
            }
            defined.push(&e.name);
        }
        out
    },
};

/// The `kubernetes` Service's link variables (KUBERNETES_SERVICE_HOST, KUBERNETES_PORT_443_TCP, ...),
/// which the kubelet sets in every container, also for `$(NAME)` expansion.
fn is_service_link(name: &str) -> bool {
    name.starts_with("KUBERNETES_SERVICE_") || name.starts_with("KUBERNETES_PORT")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::presets::Preset;

    #[test]
    fn a_reference_to_a_later_variable_is_flagged() {
        let mut spec = Preset::find("phoenix").unwrap().spec().unwrap();
        spec.pod_env[0].value = "a@$(POD_IP) $(LATER) $$(ESCAPED)".into();
        let found = (ENV_REFERENCE.check)(&spec);
        assert_eq!(found.len(), 1);
        assert!(found[0].message.contains("$(LATER)"));
    }
}
