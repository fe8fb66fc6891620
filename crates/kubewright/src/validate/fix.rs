//! One-click fixes: a value that changes the spec, offered beside a warning. Applying one is a plain
//! function of the spec, so the UI and tests share it.

use crate::spec::{AppSpec, BudgetLimit, EnvEntry, ProbeAction, PullPolicy, Security};

/// A change that resolves one issue.
#[derive(Clone, Debug, PartialEq)]
pub enum Fix {
    /// Set the image pull policy.
    PullPolicy(PullPolicy),
    /// Set one quantity, by its path (`resources.requests.cpu`,
    /// `init.sidecars[0].resources.limits.memory`, ...).
    Quantity { path: String, value: String },
    /// Set the liveness (`liveness`) or readiness (`readiness`) probe's action.
    Probe {
        which: &'static str,
        action: ProbeAction,
    },
    /// Move `env[index]` into the Secret.
    MoveToSecret { index: usize },
    /// Move `pod_env[index]` (the container's own env) into the Secret.
    MovePodEnvToSecret { index: usize },
    /// Set the replica count.
    Replicas(i64),
    /// Set the autoscaler's minimum replica count.
    MinReplicas(i64),
    /// Set the disruption budget's bound.
    Budget { limit: BudgetLimit, value: String },
    /// Apply these security settings; with `release_tmp`, also set `RELEASE_TMP` to that path (a
    /// Phoenix release writes its runtime files there, which a read-only root would refuse).
    Security {
        security: Security,
        release_tmp: Option<String>,
    },
    /// Set `jobs[index]`'s ttlSecondsAfterFinished.
    JobTtl { index: usize, seconds: i64 },
    /// Set `env[index]`'s value (the app's port variable to the container port).
    EnvValue { index: usize, value: String },
    /// Point probe `which` (`liveness`, `readiness`, `startup`) at this port (the container port's
    /// name).
    ProbePort { which: &'static str, port: String },
    /// Give the spec a random checksum key (see [`AppSpec::ensure_checksum_key`]).
    ChecksumKey,
    /// Run the pods as the app's own ServiceAccount, without an API token.
    ServiceAccount,
    /// Add the NetworkPolicy.
    NetworkPolicy,
    /// Set the Service's type.
    ServiceType(crate::spec::ServiceType),
    /// Let the NetworkPolicy admit this namespace (where the gateway's proxies run).
    ControllerNamespace(String),
}

impl Fix {
    /// The button's text.
    pub fn label(&self) -> String {
        match self {
            Fix::PullPolicy(p) => format!("Use {}", p.as_str()),
            Fix::Quantity { value, .. } => format!("Set {value}"),
            Fix::Probe { action, .. } => match action {
                ProbeAction::HttpGet { path, .. } => format!("Add httpGet {path}"),
                ProbeAction::TcpSocket { .. } => "Add a tcpSocket check".into(),
                _ => "Add a probe".into(),
            },
            Fix::MoveToSecret { .. } | Fix::MovePodEnvToSecret { .. } => "Move to Secret".into(),
            Fix::Replicas(n) => format!("Run {n} replicas with a PodDisruptionBudget"),
            Fix::MinReplicas(n) => format!("Keep at least {n} replicas with a PodDisruptionBudget"),
            Fix::Budget { limit, value } => format!("Use {}: {value}", limit.as_str()),
            Fix::Security {
                security,
                release_tmp,
            } => match (security.run_as_user, release_tmp) {
                (Some(uid), Some(_)) => {
                    format!("Apply the Phoenix release settings (uid {uid}, writable /tmp)")
                }
                _ => "Apply the recommended securityContext".into(),
            },
            Fix::JobTtl { seconds, .. } => format!("Delete after {} h", seconds / 3600),
            Fix::ProbePort { port, .. } => format!("Use port {port}"),
            Fix::EnvValue { value, .. } => format!("Set it to {value}"),
            Fix::ChecksumKey => "Add a random key".into(),
            Fix::ServiceAccount => "Own account, no API token".into(),
            Fix::ServiceType(t) => format!("Use {}", t.as_str()),
            Fix::ControllerNamespace(ns) => format!("Admit {ns}"),
            Fix::NetworkPolicy => "Add a NetworkPolicy".into(),
        }
    }

    /// Changes the spec. A fix made for an older spec (a row since removed) does nothing.
    pub fn apply(&self, spec: &mut AppSpec) {
        match self {
            Fix::PullPolicy(p) => spec.image.pull_policy = *p,
            Fix::Quantity { path, value } => set_quantity(spec, path, value),
            Fix::Probe { which, action } => {
                let probe = match *which {
                    "liveness" => &mut spec.probes.liveness,
                    "readiness" => &mut spec.probes.readiness,
                    _ => return,
                };
                probe.action = action.clone();
            }
            Fix::MoveToSecret { index } => {
                if *index < spec.env.len() {
                    let entry = spec.env.remove(*index);
                    // When the Secret already has it, its value is the one the container sees
                    // (the Secret is loaded after the ConfigMap): dropping the copy changes nothing.
                    if !spec.secrets.iter().any(|s| s.name == entry.name) {
                        spec.secrets.push(entry);
                    }
                }
            }
            Fix::MovePodEnvToSecret { index } => {
                if *index < spec.pod_env.len() {
                    let entry = spec.pod_env.remove(*index);
                    // The container's own env beats envFrom, so its value is the one the container
                    // saw: it replaces a Secret entry of the same name.
                    match spec.secrets.iter_mut().find(|s| s.name == entry.name) {
                        Some(s) => s.value = entry.value,
                        None => spec.secrets.push(entry),
                    }
                }
            }
            Fix::Replicas(_) | Fix::MinReplicas(_) | Fix::Budget { .. } => self.scale(spec),
            Fix::ChecksumKey => {
                spec.ensure_checksum_key();
            }
            Fix::Security {
                security,
                release_tmp,
            } => {
                spec.security = security.clone();
                if let Some(tmp) = release_tmp {
                    match spec.env.iter_mut().find(|e| e.name == "RELEASE_TMP") {
                        Some(e) => e.value.clone_from(tmp),
                        None => spec.env.push(EnvEntry::new("RELEASE_TMP", tmp)),
                    }
                }
            }
            Fix::JobTtl { index, seconds } => {
                if let Some(job) = spec.jobs.get_mut(*index) {
                    job.ttl_seconds_after_finished = Some(*seconds);
                }
            }
            Fix::EnvValue { index, value } => {
                if let Some(entry) = spec.env.get_mut(*index) {
                    entry.value.clone_from(value);
                }
            }
            Fix::ServiceAccount => spec.service_account.enabled = true,
            Fix::ServiceType(t) => spec.service.kind = *t,
            Fix::ControllerNamespace(ns) => spec.network_policy.controller_namespace.clone_from(ns),
            Fix::NetworkPolicy => spec.network_policy.enabled = true,
            Fix::ProbePort { which, port } => {
                let probe = match *which {
                    "liveness" => &mut spec.probes.liveness,
                    "readiness" => &mut spec.probes.readiness,
                    "startup" => &mut spec.probes.startup,
                    _ => return,
                };
                if let ProbeAction::HttpGet { port: p, .. } | ProbeAction::TcpSocket { port: p } =
                    &mut probe.action
                {
                    p.clone_from(port);
                }
            }
        }
    }

    /// The fixes about how many pods run and may be down.
    fn scale(&self, spec: &mut AppSpec) {
        match self {
            // Two pods and a budget: a drain then keeps one running.
            Fix::Replicas(n) => {
                spec.app.replicas = *n;
                spec.disruption_budget.enabled = true;
            }
            Fix::MinReplicas(n) => {
                spec.autoscaling.min_replicas = *n;
                spec.disruption_budget.enabled = true;
            }
            Fix::Budget { limit, value } => {
                spec.disruption_budget.limit = *limit;
                spec.disruption_budget.value.clone_from(value);
            }
            _ => {}
        }
    }
}

fn set_quantity(spec: &mut AppSpec, path: &str, value: &str) {
    // `init.sidecars[i].resources...` or the app's `resources...`.
    let sidecar = path
        .strip_prefix("init.sidecars[")
        .and_then(|rest| rest.split_once("]."))
        .and_then(|(i, rest)| Some((i.parse::<usize>().ok()?, rest)));
    let (r, field) = match sidecar {
        Some((i, rest)) => match spec.init.sidecars.get_mut(i) {
            Some(s) => (&mut s.resources, rest),
            None => return,
        },
        None => (&mut spec.resources, path),
    };
    let slot = match field {
        "resources.requests.cpu" => &mut r.requests.cpu,
        "resources.requests.memory" => &mut r.requests.memory,
        "resources.limits.cpu" => &mut r.limits.cpu,
        "resources.limits.memory" => &mut r.limits.memory,
        _ => return,
    };
    *slot = value.to_string();
}
