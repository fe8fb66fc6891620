//! The form state in the user's terms: what they mean, not Kubernetes objects.
//!
//! This is also the spec file format (`kubewright render --spec FILE.json`). Every field has a default,
//! so a spec file may leave out whatever it does not change. Numbers are kept as typed (signed, wide), so
//! an out-of-range value still reaches the YAML where the user can see it rather than vanishing.

mod app;
mod env;
mod image;
mod jobs;
mod label;
mod port;
mod probes;
mod resources;
mod secret_options;
mod security;
mod service;

pub use app::App;
pub use env::{DownwardEnv, DownwardField, EnvEntry};
pub use image::{Image, PullPolicy};
pub use jobs::{Job, RestartPolicy};
pub use label::Label;
pub use port::{ContainerPort, Protocol};
pub use probes::{Probe, ProbeAction, Probes};
pub use resources::{CpuMemory, Resources};
pub use secret_options::{SealOptions, SealScope, SecretOptions};
pub use security::Security;
pub use service::{Service, ServiceType};

use serde::{Deserialize, Serialize};

/// Everything Kubewright needs to generate the manifests for one web app.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct AppSpec {
    /// Name, namespace, replica count and rollout settings.
    pub app: App,
    /// The container image the Deployment and every Job run.
    pub image: Image,
    /// Plain environment variables, in order. They go into the ConfigMap `<name>-env`. Default: none.
    pub env: Vec<EnvEntry>,
    /// Secret environment variables, in order. They go into the Secret `<name>-env-secret`, base64
    /// encoded. Default: none.
    pub secrets: Vec<EnvEntry>,
    /// How the secrets are written: `data` or `stringData`, or sealed into a SealedSecret.
    pub secret_options: SecretOptions,
    /// Environment variables filled by Kubernetes from the pod itself (Downward API). Default: none.
    pub downward: Vec<DownwardEnv>,
    /// The port the app listens on inside the container.
    pub port: ContainerPort,
    /// Liveness, readiness and startup probes.
    pub probes: Probes,
    /// CPU and memory requests and limits.
    pub resources: Resources,
    /// The container's securityContext (user, privileges, read-only root). Default: Kubernetes'
    /// defaults, all off.
    pub security: Security,
    /// How the app is exposed inside (or outside) the cluster.
    pub service: Service,
    /// One-off Jobs run from the same image, such as database migrations. Default: none.
    pub jobs: Vec<Job>,
    /// Other objects kept as they were imported (an Ingress, a PersistentVolumeClaim, ...), each one
    /// whole document, emitted after the app's own objects. Never a Secret: its values would end up
    /// in share links and storage. Default: none (and left out of the spec file when empty).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub extra: Vec<serde_yaml::Value>,
}

impl AppSpec {
    /// What the Service and the Deployment select pods by: `app: <name>`. Only this stable label:
    /// a Deployment's selector cannot change after it is created.
    pub fn selector_labels(&self) -> Vec<(String, String)> {
        vec![("app".to_string(), self.app.name.clone())]
    }

    /// The labels every object and the app's pods carry: `app: <name>`, then the extra labels.
    pub fn labels(&self) -> Vec<(String, String)> {
        let mut labels = self.selector_labels();
        labels.extend(self.extra_labels());
        labels
    }

    fn extra_labels(&self) -> impl Iterator<Item = (String, String)> + '_ {
        self.app
            .labels
            .iter()
            .map(|l| (l.key.clone(), l.value.clone()))
    }

    /// The ConfigMap's name, `<name>-env`.
    pub fn config_map_name(&self) -> String {
        format!("{}-env", self.app.name)
    }

    /// The Secret's name, `<name>-env-secret`.
    pub fn secret_name(&self) -> String {
        format!("{}-env-secret", self.app.name)
    }

    /// The labels of a Job's pods: `app: <name>-<job>`. Not the app's own label, because the app's
    /// Service selects `app: <name>` and would otherwise send traffic to a running migration pod.
    pub fn job_pod_labels(&self, job: &Job) -> Vec<(String, String)> {
        let mut labels = vec![("app".to_string(), format!("{}-{}", self.app.name, job.name))];
        labels.extend(self.extra_labels());
        labels
    }

    /// Renames the container port and every probe that referred to it by its old name, so the
    /// probes keep pointing at the same port (the Service follows by itself: it uses the name).
    pub fn rename_port(&mut self, name: String) {
        let old = std::mem::replace(&mut self.port.name, name);
        if old.is_empty() {
            return;
        }
        for probe in [
            &mut self.probes.liveness,
            &mut self.probes.readiness,
            &mut self.probes.startup,
        ] {
            if let ProbeAction::HttpGet { port, .. } | ProbeAction::TcpSocket { port } =
                &mut probe.action
            {
                if *port == old {
                    port.clone_from(&self.port.name);
                }
            }
        }
    }

    /// A new Job for the form's "add" button: the first is `migrate` (running `migrate`); later ones
    /// are `job-2`, `job-3`, ... (the first free name) with no args, so every Job has its own file.
    pub fn new_job(&self) -> Job {
        let taken = |name: &str| self.jobs.iter().any(|j| j.name == name);
        let default = Job::default();
        if !taken(&default.name) && self.jobs.is_empty() {
            return default;
        }
        let name = (2..)
            .map(|n| format!("job-{n}"))
            .find(|n| !taken(n))
            .unwrap_or_default();
        Job {
            name,
            args: Vec::new(),
            ..default
        }
    }

    /// A copy with every secret value emptied (names, options and the public sealing certificate
    /// stay): what may be shared or stored, since a secret value must never leave the page.
    pub fn without_secret_values(&self) -> AppSpec {
        let mut spec = self.clone();
        for entry in &mut spec.secrets {
            entry.value.clear();
        }
        spec
    }

    /// The namespace, or `None` when the user left it empty (kubectl's current namespace is used).
    pub fn namespace(&self) -> Option<&str> {
        Some(self.app.namespace.as_str()).filter(|ns| !ns.is_empty())
    }
}
