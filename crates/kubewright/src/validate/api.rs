//! Errors: what the API server (or, where noted, the kubelet or container runtime) refuses. Each rule
//! names the upstream check it mirrors; paths are kubernetes/kubernetes `pkg/apis/*/validation` unless
//! said otherwise.

use super::{first_of, image_ref, names, quantity, Finding, Rule, Severity};
use crate::k8s::{ConfigMap, IntOrString, Secret};
use crate::spec::{AppSpec, DatabaseKind, EnvEntry, Probe, ProbeAction, APP_LABEL};

/// Kubernetes' int32 fields (replicas, seconds, uids) reject anything wider.
const INT32_MAX: i64 = i32::MAX as i64;

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

pub const IMAGE_REF: Rule = Rule {
    id: "image-ref",
    severity: Severity::Error,
    upstream:
        "distribution/reference grammar (the kubelet's InvalidImageName); the API server only \
               rejects surrounding spaces",
    check: |spec| {
        let image = &spec.image;
        [
            ("image.repository", image_ref::repository(&image.repository)),
            ("image.tag", image_ref::tag(&image.tag)),
            ("image.digest", image_ref::digest(&image.digest)),
        ]
        .into_iter()
        .filter_map(|(path, result)| {
            result.err().map(|e| {
                Finding::new(
                    path,
                    format!("The image reference {e}; the node cannot pull it."),
                )
            })
        })
        .collect()
    },
};

fn port_range(n: i64) -> bool {
    (1..=65535).contains(&n)
}

pub const PORT_NUMBER: Rule = Rule {
    id: "port-number",
    severity: Severity::Error,
    upstream: "validateContainerPorts / ValidateService ports (IsValidPortNum: 1-65535)",
    check: |spec| {
        [
            ("port.number", spec.port.number, "The container port"),
            ("service.port", spec.service.port, "The Service port"),
        ]
        .into_iter()
        .filter(|(_, n, _)| !port_range(*n))
        .map(|(path, n, what)| Finding::new(path, format!("{what} is {n}; ports are 1 to 65535.")))
        .collect()
    },
};

pub const PORT_NAME: Rule = Rule {
    id: "port-name",
    severity: Severity::Error,
    upstream: "validateContainerPorts (IsValidPortName, IANA service name)",
    check: |spec| {
        let name = &spec.port.name;
        if name.is_empty() {
            return Vec::new();
        }
        names::port_name(name)
            .err()
            .map(|e| {
                Finding::new(
                    "port.name",
                    format!(
                        "The port name {e}. Port names are at most 15 lowercase letters, digits and '-', \
                         with at least one letter. Leave it empty for an unnamed port."
                    ),
                )
            })
            .into_iter()
            .collect()
    },
};

pub const NODE_PORT: Rule = Rule {
    id: "node-port",
    severity: Severity::Error,
    upstream: "Service nodePort within --service-node-port-range (default 30000-32767)",
    check: |spec| match spec.service.node_port {
        Some(n) if spec.service.kind.has_node_port() && !(30000..=32767).contains(&n) => {
            vec![Finding::new(
                "service.node_port",
                format!(
                    "The node port is {n}; clusters allow 30000 to 32767 by default. Leave it empty to \
                     let Kubernetes pick one."
                ),
            )]
        }
        _ => Vec::new(),
    },
};

/// The three probes with their path names.
pub(super) fn probes(spec: &AppSpec) -> [(&'static str, &Probe); 3] {
    [
        ("liveness", &spec.probes.liveness),
        ("readiness", &spec.probes.readiness),
        ("startup", &spec.probes.startup),
    ]
}

pub const PROBE_PORT: Rule = Rule {
    id: "probe-port",
    severity: Severity::Error,
    upstream: "validateHTTPGetAction / validateTCPSocketAction (ValidatePortNumOrName); \
               kube-linter liveness-port, readiness-port, startup-port (the named port exists)",
    check: |spec| {
        let mut out = Vec::new();
        for (which, probe) in probes(spec) {
            let port = match &probe.action {
                ProbeAction::HttpGet { port, .. } | ProbeAction::TcpSocket { port } => port,
                _ => continue,
            };
            let path = format!("probes.{which}.action.port");
            let problem = match IntOrString::parse(port) {
                _ if port.is_empty() => Some(format!(
                    "The {which} probe needs a port: the container port's name ({}) or number ({}).",
                    spec.port.name, spec.port.number
                )),
                IntOrString::Int(n) if !port_range(n) => {
                    Some(format!("Port {n} is out of range; ports are 1 to 65535."))
                }
                IntOrString::Int(_) => None,
                IntOrString::String(name) => match names::port_name(&name) {
                    Err(e) => Some(format!("The port name {e}.")),
                    Ok(()) if name != spec.port.name => Some(format!(
                        "No container port is named '{name}'{}; the probe would always fail.",
                        if spec.port.name.is_empty() {
                            String::new()
                        } else {
                            format!(" (the port is '{}')", spec.port.name)
                        }
                    )),
                    Ok(()) => None,
                },
            };
            out.extend(problem.map(|m| Finding::new(path, m)));
        }
        out
    },
};

pub const PROBE_NUMBERS: Rule = Rule {
    id: "probe-numbers",
    severity: Severity::Error,
    upstream:
        "validateProbe: ValidateNonnegativeField for each timing; successThreshold must be 1 for \
               liveness and startup probes",
    check: |spec| {
        let mut out = Vec::new();
        for (which, probe) in probes(spec) {
            if probe.action == ProbeAction::None {
                continue;
            }
            let fields = [
                ("initial_delay_seconds", probe.initial_delay_seconds),
                ("period_seconds", probe.period_seconds),
                ("timeout_seconds", probe.timeout_seconds),
                ("failure_threshold", probe.failure_threshold),
                ("success_threshold", probe.success_threshold),
            ];
            for (field, value) in fields {
                let path = format!("probes.{which}.{field}");
                match value {
                    Some(n) if n < 0 => out.push(Finding::new(
                        path,
                        format!("{n} is negative; use 0 or more (empty keeps Kubernetes' default)."),
                    )),
                    Some(n) if n > INT32_MAX => out.push(Finding::new(
                        path,
                        format!("{n} is too large; the most is {INT32_MAX}."),
                    )),
                    Some(n)
                        if field == "success_threshold" && which != "readiness" && n > 1 =>
                    {
                        out.push(Finding::new(
                            path,
                            format!(
                                "A {which} probe's success threshold must be 1: one success means the \
                                 container is alive. Only readiness may ask for more."
                            ),
                        ))
                    }
                    _ => {}
                }
            }
        }
        out
    },
};

pub const PROBE_EXEC: Rule = Rule {
    id: "probe-exec",
    severity: Severity::Error,
    upstream: "validateExecAction: command is required",
    check: |spec| {
        probes(spec)
            .into_iter()
            .filter_map(|(which, probe)| match &probe.action {
                ProbeAction::Exec { command } if command.iter().all(String::is_empty) => {
                    Some(Finding::new(
                        format!("probes.{which}.action.command"),
                        "The command is empty: give the program and its arguments, e.g. \
                         /app/bin/my_app pid.",
                    ))
                }
                _ => None,
            })
            .collect()
    },
};

/// The four quantities with their paths.
pub(super) fn quantities(spec: &AppSpec) -> [(&'static str, &'static str, &String); 4] {
    let r = &spec.resources;
    [
        ("resources.requests.cpu", "cpu", &r.requests.cpu),
        ("resources.requests.memory", "memory", &r.requests.memory),
        ("resources.limits.cpu", "cpu", &r.limits.cpu),
        ("resources.limits.memory", "memory", &r.limits.memory),
    ]
}

pub const QUANTITY: Rule = Rule {
    id: "quantity",
    severity: Severity::Error,
    upstream: "resource.ParseQuantity; ValidateResourceQuantityValue (must be 0 or more)",
    check: |spec| {
        quantities(spec)
            .into_iter()
            .filter(|(_, _, text)| !text.is_empty())
            .filter_map(|(path, what, text)| {
                let example = if what == "cpu" {
                    "250m or 0.5"
                } else {
                    "128Mi or 1Gi"
                };
                match quantity::parse(text) {
                    Err(e) => Some(Finding::new(
                        path,
                        if e.starts_with('\'') {
                            format!("{e}. Example: {example}.")
                        } else {
                            format!("The {what} quantity {e}. Example: {example}.")
                        },
                    )),
                    Ok(q) if q.negative && q.nanos > 0 => Some(Finding::new(
                        path,
                        format!("The {what} quantity is negative; use 0 or more, e.g. {example}."),
                    )),
                    Ok(_) => None,
                }
            })
            .collect()
    },
};

pub const REQUESTS_LIMITS: Rule = Rule {
    id: "requests-limits",
    severity: Severity::Error,
    upstream: "ValidateResourceRequirements: a request must be less than or equal to its limit",
    check: |spec| {
        let r = &spec.resources;
        [
            ("cpu", &r.requests.cpu, &r.limits.cpu),
            ("memory", &r.requests.memory, &r.limits.memory),
        ]
        .into_iter()
        .filter_map(|(what, request, limit)| {
            let (Ok(rq), Ok(lq)) = (quantity::parse(request), quantity::parse(limit)) else {
                return None;
            };
            (!rq.negative && !lq.negative && rq.nanos > lq.nanos).then(|| {
                Finding::new(
                    format!("resources.requests.{what}"),
                    format!(
                        "The {what} request ({request}) is more than the limit ({limit}); a request \
                         must not exceed its limit."
                    ),
                )
            })
        })
        .collect()
    },
};

/// maxSurge / maxUnavailable: a whole number of 0 or more, or a percentage `N%`. `Some(true)` when
/// it is zero.
fn int_or_percent(text: &str) -> Result<bool, String> {
    match IntOrString::parse(text) {
        IntOrString::Int(n) if n < 0 => Err(format!("{n} is negative; use 0 or more")),
        IntOrString::Int(n) => Ok(n == 0),
        IntOrString::String(s) => match s.strip_suffix('%') {
            Some(digits) if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) => {
                Ok(digits.bytes().all(|b| b == b'0'))
            }
            _ => Err(format!(
                "'{s}' is neither a whole number nor a percentage; write e.g. 1 or 25%"
            )),
        },
    }
}

pub const ROLLING_UPDATE: Rule = Rule {
    id: "rolling-update",
    severity: Severity::Error,
    upstream:
        "ValidateRollingUpdateDeployment: ValidatePositiveIntOrPercent, maxUnavailable at most \
               100%, maxUnavailable may not be 0 when maxSurge is 0",
    check: |spec| {
        let app = &spec.app;
        let surge = int_or_percent(&app.max_surge);
        let unavailable = int_or_percent(&app.max_unavailable);
        let mut out = Vec::new();
        if let Err(e) = &surge {
            out.push(Finding::new("app.max_surge", format!("maxSurge: {e}.")));
        }
        if let Err(e) = &unavailable {
            out.push(Finding::new(
                "app.max_unavailable",
                format!("maxUnavailable: {e}."),
            ));
        }
        if let Some(percent) = app.max_unavailable.strip_suffix('%') {
            if percent.parse::<u64>().is_ok_and(|p| p > 100) {
                out.push(Finding::new(
                    "app.max_unavailable",
                    "maxUnavailable cannot be more than 100%.",
                ));
            }
        }
        if surge == Ok(true) && unavailable == Ok(true) {
            out.push(Finding::new(
                "app.max_unavailable",
                "maxSurge and maxUnavailable are both 0, so a rollout could neither add nor remove a \
                 pod. Set maxSurge to 1 (or 25%) to roll out without losing capacity.",
            ));
        }
        out
    },
};

pub const COUNTS: Rule = Rule {
    id: "counts",
    severity: Severity::Error,
    upstream: "ValidateNonnegativeField (replicas, revisionHistoryLimit, backoffLimit, \
               ttlSecondsAfterFinished, runAsUser, runAsGroup) and their int32 range",
    check: |spec| {
        let mut fields: Vec<(String, Option<i64>, &str)> = vec![
            ("app.replicas".into(), Some(spec.app.replicas), "Replicas"),
            (
                "app.revision_history_limit".into(),
                Some(spec.app.revision_history_limit),
                "The revision history limit",
            ),
            (
                "security.run_as_user".into(),
                spec.security.run_as_user,
                "The user id",
            ),
            (
                "security.run_as_group".into(),
                spec.security.run_as_group,
                "The group id",
            ),
        ];
        for (i, job) in spec.jobs.iter().enumerate() {
            fields.push((format!("jobs[{i}].run"), Some(job.run), "The run number"));
            fields.push((
                format!("jobs[{i}].backoff_limit"),
                job.backoff_limit,
                "The backoff limit",
            ));
            fields.push((
                format!("jobs[{i}].ttl_seconds_after_finished"),
                job.ttl_seconds_after_finished,
                "The TTL",
            ));
        }
        fields
            .into_iter()
            .filter_map(|(path, value, what)| match value {
                Some(n) if n < 0 => Some(Finding::new(
                    path,
                    format!("{what} is {n}; it must be 0 or more."),
                )),
                Some(n) if n > INT32_MAX => Some(Finding::new(
                    path,
                    format!("{what} is {n}; the most is {INT32_MAX}."),
                )),
                _ => None,
            })
            .collect()
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

pub const TMP_PATH: Rule = Rule {
    id: "mount-path",
    severity: Severity::Error,
    upstream: "ValidateVolumeMounts (mountPath), and container runtimes require an absolute path",
    check: |spec| {
        let path = &spec.security.writable_tmp;
        if path.is_empty() || (path.starts_with('/') && !path.split('/').any(|p| p == "..")) {
            return Vec::new();
        }
        vec![Finding::new(
            "security.writable_tmp",
            "The mount path must be absolute without '..', e.g. /tmp.",
        )]
    },
};

pub const NON_ROOT_UID: Rule = Rule {
    id: "non-root-uid",
    severity: Severity::Error,
    upstream: "the kubelet refuses to start a container whose runAsUser is 0 under runAsNonRoot",
    check: |spec| {
        let s = &spec.security;
        if s.run_as_non_root && s.run_as_user == Some(0) {
            vec![Finding::new(
                "security.run_as_user",
                "User 0 is root, which runAsNonRoot forbids: the pod would never start. Use e.g. \
                 65534 (nobody).",
            )]
        } else {
            Vec::new()
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
