//! The pod template and container shared by the Deployment and the Jobs, so both run the app with the
//! same image, env and resources.

use serde::Serialize;

use super::volume::{Volume, VolumeMount};
use super::{IntOrString, Pairs};
use crate::spec::{self, AppSpec, ProbeAction};

/// `spec.template` of a Deployment or Job.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PodTemplate {
    pub metadata: TemplateMeta,
    pub spec: PodSpec,
}

/// The template's metadata: labels, and the checksum annotations (the pods get generated names).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TemplateMeta {
    pub labels: Pairs,
    #[serde(skip_serializing_if = "Pairs::is_empty")]
    pub annotations: Pairs,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PodSpec {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub restart_policy: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub service_account_name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub automount_service_account_token: Option<bool>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub image_pull_secrets: Vec<LocalObjectReference>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub termination_grace_period_seconds: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub security_context: Option<PodSecurityContext>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub affinity: Option<super::spreading::Affinity>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub topology_spread_constraints: Vec<super::spreading::TopologySpreadConstraint>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub init_containers: Vec<Container>,
    pub containers: Vec<Container>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub volumes: Vec<Volume>,
}

/// A reference to an object in the pod's namespace by name (`imagePullSecrets`).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct LocalObjectReference {
    pub name: String,
}

/// The pod-level `securityContext`: who the processes run as, and the syscall filter.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PodSecurityContext {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub run_as_non_root: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub run_as_user: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub run_as_group: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub seccomp_profile: Option<SeccompProfile>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SeccompProfile {
    #[serde(rename = "type")]
    pub type_: &'static str,
}

/// The container-level `securityContext`: privileges and the root filesystem.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SecurityContext {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub run_as_non_root: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub run_as_user: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub allow_privilege_escalation: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub read_only_root_filesystem: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub capabilities: Option<Capabilities>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Capabilities {
    pub drop: Vec<&'static str>,
}

/// One container, fields in the order people write them.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Container {
    pub name: String,
    pub image: String,
    pub image_pull_policy: &'static str,
    /// `Always` on an init container makes it a native sidecar.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub restart_policy: Option<&'static str>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub command: Vec<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub args: Vec<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub env: Vec<EnvVar>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub env_from: Vec<EnvFromSource>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub ports: Vec<ContainerPort>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub liveness_probe: Option<Probe>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub readiness_probe: Option<Probe>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub startup_probe: Option<Probe>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lifecycle: Option<Lifecycle>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub resources: Option<ResourceRequirements>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub security_context: Option<SecurityContext>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub volume_mounts: Vec<VolumeMount>,
}

/// `lifecycle`: only the preStop pause.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Lifecycle {
    pub pre_stop: LifecycleHandler,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct LifecycleHandler {
    pub sleep: SleepAction,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SleepAction {
    pub seconds: i64,
}

/// An env var set on the container: filled from a pod field (Downward API), or a value in which
/// Kubernetes expands `$(NAME)` of variables defined before it. Exactly one of the two is set.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct EnvVar {
    pub name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value_from: Option<EnvVarSource>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct EnvVarSource {
    pub field_ref: FieldRef,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct FieldRef {
    pub field_path: &'static str,
}

/// `envFrom`: every key of a ConfigMap or Secret becomes an env var. Exactly one of the two is set.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct EnvFromSource {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub config_map_ref: Option<NameRef>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub secret_ref: Option<NameRef>,
}

/// A reference to another object in the same namespace, by name.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct NameRef {
    pub name: String,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ContainerPort {
    #[serde(skip_serializing_if = "String::is_empty")]
    pub name: String,
    pub container_port: i64,
    pub protocol: &'static str,
}

/// A probe: exactly one handler, then only the timings the user set.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Probe {
    #[serde(flatten)]
    pub handler: ProbeHandler,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub initial_delay_seconds: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub period_seconds: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub timeout_seconds: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub failure_threshold: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub success_threshold: Option<i64>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum ProbeHandler {
    Exec { command: Vec<String> },
    HttpGet { path: String, port: IntOrString },
    TcpSocket { port: IntOrString },
}

/// `resources`: limits then requests, each only with the quantities the user set.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ResourceRequirements {
    #[serde(skip_serializing_if = "Pairs::is_empty")]
    pub limits: Pairs,
    #[serde(skip_serializing_if = "Pairs::is_empty")]
    pub requests: Pairs,
}

impl PodTemplate {
    pub fn new(
        spec: &AppSpec,
        labels: Vec<(String, String)>,
        restart_policy: Option<&'static str>,
        mut container: Container,
    ) -> Self {
        let security = &spec.security;
        // A Job's pod has a restart policy; the Deployment's leaves it to the default.
        let (volumes, mounts) = super::volume::volumes(spec, restart_policy.is_some());
        container.volume_mounts = mounts;
        PodTemplate {
            metadata: TemplateMeta {
                labels: Pairs(labels),
                annotations: Pairs::default(),
            },
            spec: PodSpec {
                restart_policy,
                termination_grace_period_seconds: None,
                service_account_name: spec.service_account_name(),
                // On the pod too, where scanners look for it; the pod's setting wins anyway.
                automount_service_account_token: spec.service_account.enabled.then_some(false),
                image_pull_secrets: spec
                    .registry_secret_name()
                    .map(|name| LocalObjectReference { name })
                    .into_iter()
                    .collect(),
                security_context: PodSecurityContext::from_spec(security),
                affinity: None,
                topology_spread_constraints: Vec::new(),
                // Every pod that runs the app needs its database: the Jobs' too.
                init_containers: super::init::init_containers(spec),
                containers: vec![container],
                volumes,
            },
        }
    }
}

impl PodSecurityContext {
    /// Only the settings that are on; `None` when none is.
    pub fn from_spec(security: &spec::Security) -> Option<Self> {
        let out = PodSecurityContext {
            run_as_non_root: security.run_as_non_root.then_some(true),
            run_as_user: security.run_as_user,
            run_as_group: security.run_as_group,
            seccomp_profile: security.seccomp_runtime_default.then_some(SeccompProfile {
                type_: "RuntimeDefault",
            }),
        };
        (out.run_as_non_root.is_some()
            || out.run_as_user.is_some()
            || out.run_as_group.is_some()
            || out.seccomp_profile.is_some())
        .then_some(out)
    }
}

impl SecurityContext {
    /// Only the settings that are on; `None` when none is.
    pub fn from_spec(security: &spec::Security) -> Option<Self> {
        let out = SecurityContext {
            run_as_non_root: None,
            run_as_user: None,
            allow_privilege_escalation: security.no_privilege_escalation.then_some(false),
            read_only_root_filesystem: security.read_only_root_filesystem.then_some(true),
            capabilities: security
                .drop_all_capabilities
                .then(|| Capabilities { drop: vec!["ALL"] }),
        };
        (out.allow_privilege_escalation.is_some()
            || out.read_only_root_filesystem.is_some()
            || out.capabilities.is_some())
        .then_some(out)
    }
}

impl SecurityContext {
    /// Everything locked down, as a helper container that only reads needs: non-root as `uid`, no
    /// privilege escalation, a read-only root, no capabilities.
    pub fn hardened(uid: i64) -> Self {
        SecurityContext {
            run_as_non_root: Some(true),
            run_as_user: Some(uid),
            allow_privilege_escalation: Some(false),
            read_only_root_filesystem: Some(true),
            capabilities: Some(Capabilities { drop: vec!["ALL"] }),
        }
    }
}

impl Container {
    /// A bare container: a name and an image pulled when missing, nothing else.
    pub fn named(name: &str, image: &str) -> Self {
        Container {
            name: name.into(),
            image: image.into(),
            image_pull_policy: "IfNotPresent",
            restart_policy: None,
            command: Vec::new(),
            args: Vec::new(),
            env: Vec::new(),
            env_from: Vec::new(),
            ports: Vec::new(),
            liveness_probe: None,
            readiness_probe: None,
            startup_probe: None,
            lifecycle: None,
            resources: None,
            security_context: None,
            volume_mounts: Vec::new(),
        }
    }

    /// The app's container as the Deployment runs it: with its port and probes.
    pub fn app(spec: &AppSpec) -> Self {
        let port = &spec.port;
        Container {
            ports: vec![ContainerPort {
                name: port.name.clone(),
                container_port: port.number,
                protocol: port.protocol.as_str(),
            }],
            liveness_probe: Probe::from_spec(&spec.probes.liveness),
            readiness_probe: Probe::from_spec(&spec.probes.readiness),
            startup_probe: Probe::from_spec(&spec.probes.startup),
            ..Container::base(spec, spec.image.pull_policy, Vec::new())
        }
    }

    /// The container of a one-off Job: the app's image, env and resources, no ports or probes
    /// (a Job only has to exit 0).
    pub fn job(spec: &AppSpec, job: &spec::Job) -> Self {
        let pull_policy = job.image_pull_policy.unwrap_or(spec.image.pull_policy);
        Container::base(spec, pull_policy, job.args.clone())
    }

    /// The app's image, env and resources with these arguments (a CronJob's runs).
    pub fn run(spec: &AppSpec, args: Vec<String>) -> Self {
        Container::base(spec, spec.image.pull_policy, args)
    }

    fn base(spec: &AppSpec, pull_policy: spec::PullPolicy, args: Vec<String>) -> Self {
        // Downward API variables first: a `$(POD_IP)` in a later value only expands when POD_IP is
        // defined before it.
        let downward = spec.downward.iter().map(|d| EnvVar {
            name: d.name.clone(),
            value: None,
            value_from: Some(EnvVarSource {
                field_ref: FieldRef {
                    field_path: d.field.field_path(),
                },
            }),
        });
        let own = spec.pod_env.iter().map(|e| EnvVar {
            name: e.name.clone(),
            value: Some(e.value.clone()),
            value_from: None,
        });
        let env = downward.chain(own).collect();
        let mut env_from = Vec::new();
        if !spec.config_map_entries().is_empty() {
            env_from.push(EnvFromSource {
                config_map_ref: Some(NameRef {
                    name: spec.config_map_name(),
                }),
                ..Default::default()
            });
        }
        if !spec.secret_entries().is_empty() {
            env_from.push(EnvFromSource {
                secret_ref: Some(NameRef {
                    name: spec.secret_name(),
                }),
                ..Default::default()
            });
        }
        Container {
            name: spec.app.name.clone(),
            image: spec.image.reference(),
            image_pull_policy: pull_policy.as_str(),
            restart_policy: None,
            command: Vec::new(),
            args,
            env,
            env_from,
            ports: Vec::new(),
            liveness_probe: None,
            readiness_probe: None,
            startup_probe: None,
            lifecycle: None,
            resources: ResourceRequirements::from_spec(&spec.resources),
            security_context: SecurityContext::from_spec(&spec.security),
            // Set with the pod's volumes, which differ between the Deployment and the Jobs.
            volume_mounts: Vec::new(),
        }
    }
}

impl Probe {
    /// The probe, or `None` when the spec's probe is off.
    pub fn from_spec(probe: &spec::Probe) -> Option<Self> {
        let handler = match &probe.action {
            ProbeAction::None => return None,
            ProbeAction::Exec { command } => ProbeHandler::Exec {
                command: command.clone(),
            },
            ProbeAction::HttpGet { path, port } => ProbeHandler::HttpGet {
                path: path.clone(),
                port: IntOrString::parse(port),
            },
            ProbeAction::TcpSocket { port } => ProbeHandler::TcpSocket {
                port: IntOrString::parse(port),
            },
        };
        Some(Probe {
            handler,
            initial_delay_seconds: probe.initial_delay_seconds,
            period_seconds: probe.period_seconds,
            timeout_seconds: probe.timeout_seconds,
            failure_threshold: probe.failure_threshold,
            success_threshold: probe.success_threshold,
        })
    }
}

impl ResourceRequirements {
    /// The quantities that are set, or `None` when none is.
    pub fn from_spec(resources: &spec::Resources) -> Option<Self> {
        let pairs = |cm: &spec::CpuMemory| {
            Pairs(
                [("cpu", &cm.cpu), ("memory", &cm.memory)]
                    .into_iter()
                    .filter(|(_, q)| !q.is_empty())
                    .map(|(k, q)| (k.to_string(), q.clone()))
                    .collect(),
            )
        };
        let out = ResourceRequirements {
            limits: pairs(&resources.limits),
            requests: pairs(&resources.requests),
        };
        (!out.limits.is_empty() || !out.requests.is_empty()).then_some(out)
    }
}
