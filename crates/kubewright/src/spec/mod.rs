//! The form state in the user's terms: what they mean, not Kubernetes objects.
//!
//! This is also the spec file format (`kubewright render --spec FILE.json`). Every field has a default,
//! so a spec file may leave out whatever it does not change. Numbers are kept as typed (signed, wide), so
//! an out-of-range value still reaches the YAML where the user can see it rather than vanishing.

mod app;
mod env;
mod image;
mod jobs;
mod port;
mod probes;
mod resources;
mod service;

pub use app::App;
pub use env::{DownwardEnv, DownwardField, EnvEntry};
pub use image::{Image, PullPolicy};
pub use jobs::{Job, RestartPolicy};
pub use port::{ContainerPort, Protocol};
pub use probes::{Probe, ProbeAction, Probes};
pub use resources::{CpuMemory, Resources};
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
    /// Environment variables filled by Kubernetes from the pod itself (Downward API). Default: none.
    pub downward: Vec<DownwardEnv>,
    /// The port the app listens on inside the container.
    pub port: ContainerPort,
    /// Liveness, readiness and startup probes.
    pub probes: Probes,
    /// CPU and memory requests and limits.
    pub resources: Resources,
    /// How the app is exposed inside (or outside) the cluster.
    pub service: Service,
    /// One-off Jobs run from the same image, such as database migrations. Default: none.
    pub jobs: Vec<Job>,
}

impl AppSpec {
    /// The labels every object carries and the Service/Deployment select on: `app: <name>`.
    pub fn labels(&self) -> Vec<(String, String)> {
        vec![("app".to_string(), self.app.name.clone())]
    }

    /// The ConfigMap's name, `<name>-env`.
    pub fn config_map_name(&self) -> String {
        format!("{}-env", self.app.name)
    }

    /// The Secret's name, `<name>-env-secret`.
    pub fn secret_name(&self) -> String {
        format!("{}-env-secret", self.app.name)
    }

    /// The namespace, or `None` when the user left it empty (kubectl's current namespace is used).
    pub fn namespace(&self) -> Option<&str> {
        Some(self.app.namespace.as_str()).filter(|ns| !ns.is_empty())
    }
}
