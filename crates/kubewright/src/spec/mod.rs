//! The form state in the user's terms: what they mean, not Kubernetes objects.
//!
//! This is also the spec file format (`kubewright render --spec FILE.json`). Every field has a default,
//! so a spec file may leave out whatever it does not change. Numbers are kept as typed (signed, wide), so
//! an out-of-range value still reaches the YAML where the user can see it rather than vanishing.

mod app;
mod clustering;
mod cron_job;
mod database;
mod disruption;
pub mod edit;
mod env;
mod image;
mod ingress;
mod init;
mod jobs;
mod label;
mod names;
mod network_policy;
mod port;
mod port_env;
mod probes;
mod registry;
mod resources;
mod route;
mod scaling;
mod secret_options;
mod security;
mod service;
mod service_account;
mod shutdown;
mod sidecar;
mod spreading;
mod strategy;
mod target;
mod volume;

pub use app::App;
pub use clustering::Clustering;
pub use cron_job::{describe_schedule, ConcurrencyPolicy, CronJob};
pub use database::{Database, DatabaseKind, BITNAMI_CHART, POSTGRES_PORT};
pub use disruption::{BudgetLimit, DisruptionBudget};
pub use env::{DownwardEnv, DownwardField, EnvEntry};
pub use image::{is_mutable_tag, Image, PullPolicy, IMPLIED_TAG};
pub use ingress::{
    Ingress, IngressRule, Issuer, IssuerKind, PathType, TlsSource, LETS_ENCRYPT_PRODUCTION,
    LETS_ENCRYPT_STAGING,
};
pub use init::{InitContainers, WAIT_CONTAINER, WAIT_IMAGE};
pub use jobs::{Job, RestartPolicy};
pub use label::Label;
pub use names::APP_LABEL;
pub use network_policy::NetworkPolicy;
pub use port::{ContainerPort, Protocol};
pub use port_env::PORT_ENV_NAMES;
pub use probes::{Probe, ProbeAction, Probes};
pub use registry::Registry;
pub use resources::{effective_request, CpuMemory, Resources};
pub use route::{Exposure, Route, RoutePath};
pub use scaling::Autoscaling;
pub use secret_options::{SealOptions, SealScope, SecretOptions};
pub use security::Security;
pub use service::{Service, ServiceType};
pub use shutdown::{Shutdown, DEFAULT_GRACE_SECONDS};
pub use sidecar::Sidecar;
pub use spreading::{SpreadMode, Spreading, WhenUnsatisfiable, HOSTNAME_KEY, ZONE_KEY};

pub use service_account::ServiceAccount;
pub use strategy::DeployStrategy;
pub use target::{Runs, Target};
pub use volume::{
    empty_secret_files, AccessMode, ConfigFile, Volume, VolumeKind, SECRET_FILE_PREFIX,
};

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
    /// Variables set on the container itself, after the Downward API ones, so Kubernetes expands
    /// `$(POD_IP)` in their values (it does not in ConfigMap values), e.g. `RELEASE_NODE` =
    /// `app@$(POD_IP)`. Default: none.
    pub pod_env: Vec<EnvEntry>,
    /// The port the app listens on inside the container.
    pub port: ContainerPort,
    /// Liveness, readiness and startup probes.
    pub probes: Probes,
    /// How the app's pods stop: a preStop pause and the grace period. Default: Kubernetes' own.
    pub shutdown: Shutdown,
    /// Containers run before the app's, such as a wait for the database. Default: none.
    pub init: InitContainers,
    /// Volumes mounted into the app's container: claims, scratch directories, config and secret
    /// files. Default none.
    pub volumes: Vec<Volume>,
    /// CPU and memory requests and limits.
    pub resources: Resources,
    /// The container's securityContext (user, privileges, read-only root). Default: Kubernetes'
    /// defaults, all off.
    pub security: Security,
    /// How the app is exposed inside (or outside) the cluster.
    pub service: Service,
    /// One-off Jobs run from the same image, such as database migrations. Default: none.
    pub jobs: Vec<Job>,
    /// Jobs run on a schedule from the same image, with the same env and secrets. Default: none.
    pub cron_jobs: Vec<CronJob>,
    /// Where the app runs: Minikube or a real cluster. Default cluster.
    pub target: Target,
    /// The PostgreSQL database, if Kubewright should set one up. Default none.
    pub database: Database,
    /// Pods finding each other through a headless Service. Default off.
    pub clustering: Clustering,
    /// A HorizontalPodAutoscaler setting the replica count. Default off.
    pub autoscaling: Autoscaling,
    /// A PodDisruptionBudget keeping pods up through node drains. Default off.
    pub disruption_budget: DisruptionBudget,
    /// Spreading the pods over nodes and zones. Default off.
    pub spreading: Spreading,
    /// The app's own ServiceAccount, without an API token. Default off.
    pub service_account: ServiceAccount,
    /// An Ingress in front of the Service, with TLS. Default off.
    pub ingress: Ingress,
    /// A Gateway API HTTPRoute in front of the Service, optionally with its Gateway. Default off.
    pub route: Route,
    /// A NetworkPolicy that denies the app's pods everything they do not need. Default off.
    pub network_policy: NetworkPolicy,
    /// A private registry's login, for pulling the image. Default off.
    pub registry: Registry,
    /// Objects the form does not model (an Ingress, a PersistentVolumeClaim, ...), each kept whole,
    /// with whether the user included it after review: only included ones are emitted, after the
    /// app's own objects. Never a Secret (see [`crate::kept`]). Default: none (and left out of the
    /// spec file when empty).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub extra: Vec<crate::kept::Kept>,
}

impl AppSpec {
    /// What the Service and the Deployment select pods by: `app: <name>`. Only this stable label:
    /// a Deployment's selector cannot change after it is created.
    pub fn selector_labels(&self) -> Vec<(String, String)> {
        vec![(APP_LABEL.to_string(), self.app.name.clone())]
    }

    /// The labels every object and the app's pods carry: `app: <name>`, then the extra labels.
    pub fn labels(&self) -> Vec<(String, String)> {
        let mut labels = self.selector_labels();
        labels.extend(self.extra_labels());
        labels
    }

    pub(crate) fn extra_labels(&self) -> impl Iterator<Item = (String, String)> + '_ {
        self.app
            .labels
            .iter()
            .map(|l| (l.key.clone(), l.value.clone()))
    }

    /// The ConfigMap's entries: the user's `env`, then the derived clustering query (the headless
    /// Service's DNS name) when clustering is on.
    pub fn config_map_entries(&self) -> Vec<EnvEntry> {
        let mut out = self.env.clone();
        if self.clustering.enabled && !self.clustering.query_env.is_empty() {
            out.push(EnvEntry {
                name: self.clustering.query_env.clone(),
                value: self.headless_host(),
            });
        }
        out
    }

    /// The app Secret's entries: the user's `secrets`, then the derived database URL when there is a
    /// database. A user entry with the same name is kept too, so the clash shows in the YAML.
    pub fn secret_entries(&self) -> Vec<EnvEntry> {
        let mut out = self.secrets.clone();
        if let Some(url) = self.database_url() {
            if !self.database.url_env.is_empty() {
                out.push(EnvEntry {
                    name: self.database.url_env.clone(),
                    value: url,
                });
            }
        }
        out
    }

    /// The database connection URL, or `None` without a database.
    pub fn database_url(&self) -> Option<String> {
        self.database.url(self.namespace())
    }

    /// The host the wait-for-database init container polls: the one typed in, else the database's
    /// Service; `None` when there is neither.
    pub fn wait_host(&self) -> Option<String> {
        let typed = self.init.wait_host.trim();
        if typed.is_empty() {
            self.database.host(self.namespace())
        } else {
            Some(typed.to_string())
        }
    }

    /// The headless Service's DNS name, which resolves to every pod's IP.
    pub fn headless_host(&self) -> String {
        match self.namespace() {
            Some(ns) => format!("{}.{ns}.svc.cluster.local", self.headless_service_name()),
            None => self.headless_service_name(),
        }
    }

    /// Switches the target and sets what it implies: Minikube never pulls (the image is built inside
    /// it) and is reached through a NodePort; a real cluster pulls from a registry and is reached
    /// through a LoadBalancer (a ClusterIP or headless Service is kept: it sits behind an Ingress).
    /// With the Ingress or HTTPRoute on, the Service is ClusterIP on both.
    pub fn set_target(&mut self, target: Target) {
        self.target = target;
        // Behind an Ingress or route the Service stays inside the cluster on either target.
        if self.fronted() && self.service.kind.has_node_port() {
            self.service.kind = ServiceType::ClusterIp;
        }
        match target {
            Target::Minikube => {
                self.image.pull_policy = PullPolicy::Never;
                for job in &mut self.jobs {
                    job.image_pull_policy = None;
                }
                if !self.fronted()
                    && matches!(
                        self.service.kind,
                        ServiceType::ClusterIp | ServiceType::LoadBalancer
                    )
                {
                    self.service.kind = ServiceType::NodePort;
                }
            }
            Target::Cluster => {
                self.image.pull_policy = PullPolicy::IfNotPresent;
                for job in &mut self.jobs {
                    if job.image_pull_policy == Some(PullPolicy::Never) {
                        job.image_pull_policy = None;
                    }
                }
                if self.service.kind == ServiceType::NodePort {
                    self.service.kind = ServiceType::LoadBalancer;
                }
            }
        }
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

    /// A copy with every secret value emptied: the secret entries' values, the database's passwords
    /// and the secret-looking values inside kept objects. Names and options stay, and of the sealing
    /// certificate box only its public certificates. What may be shared or stored, since a secret
    /// value must never leave the page.
    pub fn without_secret_values(&self) -> AppSpec {
        let mut spec = self.clone();
        for entry in &mut spec.secrets {
            entry.value.clear();
        }
        spec.database.password.clear();
        spec.database.admin_password.clear();
        spec.secret_options.checksum_key.clear();
        spec.registry.password.clear();
        for volume in &mut spec.volumes {
            if volume.kind == VolumeKind::SecretFiles {
                for file in &mut volume.files {
                    file.content.clear();
                }
            }
        }
        for kept in &mut spec.extra {
            crate::kept::blank_secret_values(&mut kept.object);
        }
        // Only the certificate blocks of the certificate box: a private key pasted with them (or a
        // key backup) must not be stored or shared.
        let cert = &mut spec.secret_options.seal.cert;
        *cert = crate::seal::public_certificates(cert);
        spec
    }

    /// Includes the kept object at `index` in what is applied (`true`), or holds it back (`false`).
    pub fn include_kept(&mut self, index: usize, include: bool) {
        if let Some(kept) = self.extra.get_mut(index) {
            kept.include = include;
        }
    }

    /// Removes the kept object at `index` from the form ("leave out").
    pub fn leave_out_kept(&mut self, index: usize) {
        if index < self.extra.len() {
            self.extra.remove(index);
        }
    }

    /// The namespace, or `None` when the user left it empty (kubectl's current namespace is used).
    pub fn namespace(&self) -> Option<&str> {
        Some(self.app.namespace.as_str()).filter(|ns| !ns.is_empty())
    }
}
