//! Warnings: things the API server accepts that are known to hurt, named after the kube-linter,
//! Polaris or kube-score check that flags them where one exists. Each carries a one-line reason and,
//! where there is an obvious one, a [`Fix`].

use super::api::{probes, quantities};
use super::{first_of, names, quantity, Finding, Fix, Rule, Severity};
use crate::spec::{is_mutable_tag, AppSpec, ProbeAction, PullPolicy, Security};
use crate::{qos, secret_words};

pub const LATEST_TAG: Rule = Rule {
    id: "latest-tag",
    severity: Severity::Warning,
    upstream: "kube-linter latest-tag; Polaris tagNotSpecified; kube-score container-image-tag",
    check: |spec| {
        let image = &spec.image;
        if !image.digest.is_empty() || !is_mutable_tag(&image.tag) {
            return Vec::new();
        }
        vec![Finding::new(
            "image.tag",
            "'latest' (or no tag) points at whatever was pushed last: pods started at different times \
             can run different code, and a rollback cannot go back. Use a version tag such as 1.4.2.",
        )]
    },
};

pub const PULL_POLICY_NEVER: Rule = Rule {
    id: "pull-policy-never",
    severity: Severity::Warning,
    upstream: "ours (Polaris pullPolicyNotAlways is the stricter cousin)",
    check: |spec| {
        // On Minikube, Never is the point: the image is built inside it.
        if spec.image.pull_policy != PullPolicy::Never
            || spec.target == crate::spec::Target::Minikube
        {
            return Vec::new();
        }
        vec![Finding::new(
            "image.pull_policy",
            "Never only works where the image was built on the node itself (Minikube after \
             `eval $(minikube docker-env)`); on any other cluster the pod stays in ErrImageNeverPull.",
        )
        .with_fix(Fix::PullPolicy(PullPolicy::IfNotPresent))]
    },
};

/// A missing request or limit for `what` (`cpu` or `memory`), with a fix that fills it in: the other
/// side's value when that is set (so request <= limit holds), else a common starting point. A request
/// left out while the limit is set is not missing: the pod gets the limit as its request.
fn unset(spec: &AppSpec, what: &str, defaults: [&str; 2]) -> Vec<Finding> {
    let q = quantities(spec);
    let (request, limit) = if what == "cpu" {
        (q[0], q[2])
    } else {
        (q[1], q[3])
    };
    let request_why =
        "with no limit to take it from either, the scheduler reserves nothing, so the \
                       node can be overcommitted";
    let limit_why = if what == "cpu" {
        // Requests are the kernel's weights under contention, so neighbours keep their share.
        "the pod may use any CPU its node has idle (neighbours still get what they requested), so \
         its speed varies with how busy the node is, and a runaway loop can burn every idle core"
    } else {
        "a leak can then use all the node's memory before anything stops it"
    };
    let mut out = Vec::new();
    for ((path, _, value), (_, _, other), default, kind, why) in [
        (request, limit, defaults[0], "request", request_why),
        (limit, request, defaults[1], "limit", limit_why),
    ] {
        let missing = if kind == "request" {
            qos::effective_request(value, other).is_empty()
        } else {
            value.is_empty()
        };
        if missing {
            let suggested = if other.is_empty() {
                default.to_string()
            } else {
                other.clone()
            };
            out.push(
                Finding::new(path, format!("No {what} {kind}: {why}.")).with_fix(Fix::Quantity {
                    path,
                    value: suggested,
                }),
            );
        }
    }
    out
}

pub const UNSET_CPU: Rule = Rule {
    id: "unset-cpu-requirements",
    severity: Severity::Warning,
    upstream: "kube-linter unset-cpu-requirements; Polaris cpuRequestsMissing / cpuLimitsMissing; a \
               request left out is its limit (SetDefaults_Pod), so only one with no limit is missing",
    check: |spec| unset(spec, "cpu", ["100m", "500m"]),
};

pub const UNSET_MEMORY: Rule = Rule {
    id: "unset-memory-requirements",
    severity: Severity::Warning,
    upstream: "kube-linter unset-memory-requirements; Polaris memoryRequestsMissing / \
               memoryLimitsMissing; a request left out is its limit (SetDefaults_Pod), so only one \
               with no limit is missing",
    check: |spec| unset(spec, "memory", ["128Mi", "256Mi"]),
};

pub const MEMORY_MILLIBYTES: Rule = Rule {
    id: "memory-millibytes",
    severity: Severity::Warning,
    upstream:
        "the API server warns about fractional byte values (pkg/api/pod/warnings.go, since 1.22)",
    check: |spec| {
        quantities(spec)
            .into_iter()
            .filter(|(_, what, text)| *what == "memory" && text.ends_with('m'))
            .filter(|(_, _, text)| quantity::parse(text).is_ok())
            .map(|(path, _, text)| {
                Finding::new(
                    path,
                    format!(
                        "'{text}' is millibytes (m = 1/1000), almost no memory. For mebibytes write {}Mi.",
                        text.trim_end_matches('m')
                    ),
                )
            })
            .collect()
    },
};

pub const NO_LIVENESS: Rule = Rule {
    id: "no-liveness-probe",
    severity: Severity::Warning,
    upstream: "kube-linter no-liveness-probe; Polaris livenessProbeMissing",
    check: |spec| {
        if spec.probes.liveness.action != ProbeAction::None {
            return Vec::new();
        }
        vec![Finding::new(
            "probes.liveness.action",
            "No liveness probe: a hung app keeps its pod forever instead of being restarted.",
        )
        .with_fix(Fix::Probe {
            which: "liveness",
            action: ProbeAction::TcpSocket {
                port: spec.port.reference(),
            },
        })]
    },
};

pub const NO_READINESS: Rule = Rule {
    id: "no-readiness-probe",
    severity: Severity::Warning,
    upstream: "kube-linter no-readiness-probe; Polaris readinessProbeMissing",
    check: |spec| {
        if spec.probes.readiness.action != ProbeAction::None {
            return Vec::new();
        }
        vec![Finding::new(
            "probes.readiness.action",
            "No readiness probe: the Service sends traffic to a pod as soon as it starts, before the \
             app can answer, and a rollout cannot tell a broken version from a working one.",
        )
        .with_fix(Fix::Probe {
            which: "readiness",
            action: ProbeAction::HttpGet {
                path: "/".into(),
                port: spec.port.reference(),
            },
        })]
    },
};

pub const POD_PROBES: Rule = Rule {
    id: "pod-probes",
    severity: Severity::Warning,
    upstream: "kube-score pod-probes (identical liveness and readiness probes)",
    check: |spec| {
        let p = &spec.probes;
        if p.liveness.action == ProbeAction::None || p.liveness != p.readiness {
            return Vec::new();
        }
        vec![Finding::new(
            "probes.liveness.action",
            "Liveness is the same check as readiness: when the app is briefly busy, both fail and \
             Kubernetes restarts pods that only needed a moment. Make liveness a cheaper check.",
        )
        .with_fix(Fix::Probe {
            which: "liveness",
            action: ProbeAction::TcpSocket {
                port: spec.port.reference(),
            },
        })]
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

pub const MINIMUM_REPLICAS: Rule = Rule {
    id: "minimum-replicas",
    severity: Severity::Warning,
    upstream: "kube-linter minimum-three-replicas (here: 2); kube-score deployment-has-poddisruptionbudget",
    check: |spec| {
        if !(0..2).contains(&spec.app.replicas) {
            return Vec::new();
        }
        vec![Finding::new(
            "app.replicas",
            "With fewer than 2 replicas a node drain or a crash takes the app offline. Run 2 or more, \
             and add a PodDisruptionBudget (minAvailable: 1) so drains keep one running.",
        )
        .with_fix(Fix::Replicas(2))]
    },
};

/// Whether the app looks like an Elixir release (Phoenix): its env or probes say so.
fn is_release(spec: &AppSpec) -> bool {
    const RELEASE_NAMES: [&str; 6] = [
        "SECRET_KEY_BASE",
        "RELEASE_COOKIE",
        "ERLANG_COOKIE",
        "RELEASE_NODE",
        "PHX_HOST",
        "PHX_SERVER",
    ];
    let named = spec
        .env
        .iter()
        .chain(&spec.secrets)
        .any(|e| RELEASE_NAMES.contains(&e.name.as_str()));
    let release_bin = probes(spec).iter().any(|(_, p)| {
        matches!(&p.action, ProbeAction::Exec { command }
            if command.first().is_some_and(|c| c.contains("/bin/")))
    });
    named || release_bin
}

/// The recommended securityContext, Phoenix-aware: a `mix release` image built by
/// `mix phx.gen.release --docker` runs as `nobody` (uid 65534) and writes runtime files under
/// RELEASE_TMP, so it gets that uid, a writable /tmp and RELEASE_TMP=/tmp.
pub fn security_fix(spec: &AppSpec) -> Fix {
    let tmp = if spec.security.writable_tmp.is_empty() {
        "/tmp".to_string()
    } else {
        spec.security.writable_tmp.clone()
    };
    if is_release(spec) {
        Fix::Security {
            security: Security::restricted(Some(65534), &tmp),
            release_tmp: Some(tmp),
        }
    } else {
        Fix::Security {
            security: Security::restricted(spec.security.run_as_user, &tmp),
            release_tmp: None,
        }
    }
}

/// A securityContext warning for `path` when `ok` is false.
fn security_warning(spec: &AppSpec, ok: bool, path: &str, message: &str) -> Vec<Finding> {
    if ok {
        Vec::new()
    } else {
        vec![Finding::new(path, message).with_fix(security_fix(spec))]
    }
}

pub const RUN_AS_NON_ROOT: Rule = Rule {
    id: "run-as-non-root",
    severity: Severity::Warning,
    upstream:
        "kube-linter run-as-non-root; Polaris runAsRootAllowed; Pod Security Standard restricted",
    check: |spec| {
        security_warning(
            spec,
            spec.security.run_as_non_root,
            "security.run_as_non_root",
            "The container may run as root: a break-out of the app is then root inside the container.",
        )
    },
};

pub const RUN_AS_NON_ROOT_UID: Rule = Rule {
    id: "run-as-non-root-uid",
    severity: Severity::Warning,
    upstream:
        "kubelet: runAsNonRoot with an image USER that is not numeric (\"cannot verify user is \
               non-root\"); kube-score container-security-context-user-group-id",
    check: |spec| {
        let security = &spec.security;
        if !security.run_as_non_root || security.run_as_user.is_some() {
            return Vec::new();
        }
        vec![Finding::new(
            "security.run_as_user",
            "runAsNonRoot is on and no uid is set, so the kubelet checks the image's USER: it refuses \
             to start the container when that is root, or a name such as `app` rather than a number \
             (it cannot tell a name's uid). Set the uid the image runs as (`docker inspect -f \
             '{{.Config.User}}' IMAGE` shows it), e.g. 1000.",
        )]
    },
};

pub const PRIVILEGE_ESCALATION: Rule = Rule {
    id: "privilege-escalation-container",
    severity: Severity::Warning,
    upstream: "kube-linter privilege-escalation-container; Polaris privilegeEscalationAllowed",
    check: |spec| {
        security_warning(
            spec,
            spec.security.no_privilege_escalation,
            "security.no_privilege_escalation",
            "allowPrivilegeEscalation is not false: a setuid program in the image could gain root.",
        )
    },
};

pub const READ_ONLY_ROOT_FS: Rule = Rule {
    id: "no-read-only-root-fs",
    severity: Severity::Warning,
    upstream: "kube-linter no-read-only-root-fs; Polaris notReadOnlyRootFilesystem",
    check: |spec| {
        security_warning(
            spec,
            spec.security.read_only_root_filesystem,
            "security.read_only_root_filesystem",
            "The root filesystem is writable: an attacker can change the app's files. Make it \
             read-only, with a writable /tmp.",
        )
    },
};

pub const CAPABILITIES: Rule = Rule {
    id: "insecureCapabilities",
    severity: Severity::Warning,
    upstream:
        "Polaris insecureCapabilities / dangerousCapabilities; Pod Security Standard restricted",
    check: |spec| {
        security_warning(
            spec,
            spec.security.drop_all_capabilities,
            "security.drop_all_capabilities",
            "The container keeps the runtime's default Linux capabilities (e.g. NET_RAW); a web app \
             needs none. Drop ALL.",
        )
    },
};

pub const SECCOMP: Rule = Rule {
    id: "container-seccomp-profile",
    severity: Severity::Warning,
    upstream: "kube-score container-seccomp-profile; Pod Security Standard restricted",
    check: |spec| {
        security_warning(
            spec,
            spec.security.seccomp_runtime_default,
            "security.seccomp_runtime_default",
            "No seccomp profile: every system call is allowed. RuntimeDefault blocks the rare, \
             dangerous ones.",
        )
    },
};

pub const JOB_TTL: Rule = Rule {
    id: "job-ttl-seconds-after-finished",
    severity: Severity::Warning,
    upstream: "kube-linter job-ttl-seconds-after-finished",
    check: |spec| {
        spec.jobs
            .iter()
            .enumerate()
            .filter(|(_, j)| j.ttl_seconds_after_finished.is_none())
            .map(|(i, _)| {
                Finding::new(
                    format!("jobs[{i}].ttl_seconds_after_finished"),
                    "Finished Jobs and their pods stay until someone deletes them; every run adds one. \
                     A TTL lets Kubernetes clean up (after you have read the logs).",
                )
                .with_fix(Fix::JobTtl {
                    index: i,
                    seconds: 86_400,
                })
            })
            .collect()
    },
};

pub const PROBE_PORT_UNDECLARED: Rule = Rule {
    id: "probe-port-undeclared",
    severity: Severity::Warning,
    upstream: "ours (kube-linter liveness-port / readiness-port check named ports only)",
    check: |spec| {
        let mut out = Vec::new();
        for (which, probe) in probes(spec) {
            let (ProbeAction::HttpGet { port, .. } | ProbeAction::TcpSocket { port }) =
                &probe.action
            else {
                continue;
            };
            // Only a valid number other than the container's: names and bad numbers are
            // probe-port's errors.
            let Ok(n) = port.parse::<i64>() else {
                continue;
            };
            if n == spec.port.number || !(1..=65535).contains(&n) || port.starts_with('+') {
                continue;
            }
            let mut finding = Finding::new(
                format!("probes.{which}.action.port"),
                format!(
                    "The {which} probe checks port {n}, but the container's port is {}: unless the \
                     app also listens on {n}, every check fails. Name the port ({}) instead of its \
                     number, so the two cannot drift apart.",
                    spec.port.number,
                    if spec.port.name.is_empty() { "give it a name" } else { &spec.port.name }
                ),
            );
            if !spec.port.name.is_empty() {
                finding = finding.with_fix(Fix::ProbePort {
                    which,
                    port: spec.port.name.clone(),
                });
            }
            out.push(finding);
        }
        out
    },
};

pub const PROBE_HTTP_PATH: Rule = Rule {
    id: "probe-http-path",
    severity: Severity::Warning,
    upstream: "ours: the kubelet builds the probe URL with Go's net/url, which puts a '/' before a path \
               without one (pkg/probe/http/request.go formatURL); the API server only defaults an empty \
               path to '/'",
    check: |spec| {
        probes(spec)
            .into_iter()
            .filter_map(|(which, probe)| match &probe.action {
                ProbeAction::HttpGet { path, .. } if !path.is_empty() && !path.starts_with('/') => {
                    Some(Finding::new(
                        format!("probes.{which}.action.path"),
                        format!(
                            "The kubelet adds the missing '/' and requests /{path}, so the probe works, \
                             but the YAML says otherwise. Write /{path}."
                        ),
                    ))
                }
                _ => None,
            })
            .collect()
    },
};

pub const NODE_PORT_UNUSED: Rule = Rule {
    id: "node-port-unused",
    severity: Severity::Warning,
    upstream: "ours: only NodePort and LoadBalancer Services have a nodePort",
    check: |spec| match spec.service.node_port {
        Some(n) if !spec.service.kind.has_node_port() => vec![Finding::new(
            "service.node_port",
            format!(
                "Node port {n} is not used: a {} Service has none, so it is left out of the YAML.",
                spec.service.kind.as_str()
            ),
        )],
        _ => Vec::new(),
    },
};
