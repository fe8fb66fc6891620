//! Small serde structs shaped like the Kubernetes API objects we emit. Fields are declared in the order
//! people write them (apiVersion, kind, metadata, then data/spec), because serde emits them in
//! declaration order. Optional and empty fields are skipped, so the YAML has no `null`s or `{}` noise.
//!
//! Each kind's file also holds the one function that turns an [`AppSpec`] into
//! that object.

pub mod checksum;
mod cluster;
mod cluster_issuer;
mod config_map;
mod container;
mod cron_job;
pub(crate) mod deployment;
mod extra;
mod gateway;
mod hpa;
mod http_route;
mod ingress;
mod init;
mod job;
mod meta;
mod namespace;
mod network_policy;
mod pairs;
mod pdb;
mod pvc;
mod reference_grant;
mod registry;
mod sealed_secret;
mod secret;
mod service;
mod service_account;
mod spreading;
pub mod volume;

pub use cluster::Cluster;
pub use cluster_issuer::ClusterIssuer;
pub use config_map::ConfigMap;
pub use container::{
    Container, ContainerPort, EnvFromSource, EnvVar, PodTemplate, Probe, ResourceRequirements,
    SecurityContext,
};
pub use cron_job::CronJob;
pub use deployment::Deployment;
pub use extra::Extra;
pub use gateway::Gateway;
pub use hpa::HorizontalPodAutoscaler;
pub use http_route::{HttpRoute, ParentRef, HTTP_LISTENER};
pub use ingress::{Ingress, ServicePortRef};
pub use init::init_containers;
pub use job::Job;
pub use meta::ObjectMeta;
pub use namespace::Namespace;
pub use network_policy::NetworkPolicy;
pub use pairs::Pairs;
pub use pdb::PodDisruptionBudget;
pub use pvc::PersistentVolumeClaim;
pub use reference_grant::ReferenceGrant;
pub use registry::{docker_config, DOCKER_CONFIG_JSON, DOCKER_CONFIG_KEY};
pub use sealed_secret::{SealedSecret, SealedSecretSpec, SecretTemplate};
pub use secret::Secret;
pub use service::Service;
pub use service_account::ServiceAccount;

use serde::Serialize;

use rand_core::OsRng;

use crate::seal::{LayoutOnly, Seal, SealStatus, Sealer};
use crate::spec::AppSpec;

/// An `int-or-string` API field (ports by number or name, maxSurge as `1` or `25%`).
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(untagged)]
pub enum IntOrString {
    Int(i64),
    String(String),
}

impl IntOrString {
    /// A whole number becomes `Int`; anything else stays the text the user typed.
    pub fn parse(text: &str) -> Self {
        match text.parse::<i64>() {
            Ok(n) if !text.starts_with('+') => IntOrString::Int(n),
            _ => IntOrString::String(text.to_string()),
        }
    }
}

/// One emitted object.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(untagged)]
pub enum Object {
    Namespace(Namespace),
    ServiceAccount(ServiceAccount),
    ConfigMap(ConfigMap),
    Secret(Secret),
    SealedSecret(SealedSecret),
    Deployment(Deployment),
    Service(Service),
    Job(Job),
    CronJob(CronJob),
    /// The database password (see [`Secret::database`]).
    DatabaseSecret(Secret),
    /// The database password, sealed (see [`SealedSecret::database`]).
    DatabaseSealedSecret(SealedSecret),
    /// The registry login (see [`Secret::registry`]).
    RegistrySecret(Secret),
    /// The registry login, sealed (see [`SealedSecret::registry`]).
    RegistrySealedSecret(SealedSecret),
    /// The CloudNativePG database.
    Cluster(Cluster),
    /// The headless Service for clustering (see [`Service::headless`]).
    HeadlessService(Service),
    HorizontalPodAutoscaler(HorizontalPodAutoscaler),
    PodDisruptionBudget(PodDisruptionBudget),
    /// cert-manager's issuer for the Ingress's certificate (see [`ClusterIssuer::from_spec`]).
    ClusterIssuer(ClusterIssuer),
    Ingress(Ingress),
    /// Lets a Gateway elsewhere use the app's TLS Secret (see [`ReferenceGrant::from_spec`]).
    ReferenceGrant(ReferenceGrant),
    Gateway(Gateway),
    HttpRoute(HttpRoute),
    /// The written Gateway's HTTP-to-HTTPS redirect (see [`HttpRoute::redirect_from_spec`]).
    HttpRedirect(HttpRoute),
    NetworkPolicy(NetworkPolicy),
    /// A volume's claim (see [`PersistentVolumeClaim::from_spec`]).
    PersistentVolumeClaim(PersistentVolumeClaim),
    /// A volume's config files (see [`volume::file_config_maps`]).
    FilesConfigMap(ConfigMap),
    /// A volume's secret files (see [`volume::file_secrets`]).
    FilesSecret(Secret),
    /// A volume's secret files, sealed.
    FilesSealedSecret(SealedSecret),
    Extra(Extra),
}

impl Object {
    /// The file this object is offered as, e.g. `configmap.yaml` or `job-migrate.yaml`.
    pub fn file_name(&self) -> String {
        match self {
            Object::Namespace(_) => "namespace.yaml".into(),
            Object::ServiceAccount(_) => "serviceaccount.yaml".into(),
            Object::ConfigMap(_) => "configmap.yaml".into(),
            Object::Secret(_) => "secret.yaml".into(),
            Object::SealedSecret(_) => "sealedsecret.yaml".into(),
            Object::Deployment(_) => "deployment.yaml".into(),
            Object::Service(_) => "service.yaml".into(),
            Object::Job(job) => format!("job-{}.yaml", job.short_name),
            Object::CronJob(cron) => format!("cronjob-{}.yaml", cron.short_name),
            Object::DatabaseSecret(_) => "database-secret.yaml".into(),
            Object::DatabaseSealedSecret(_) => "database-sealedsecret.yaml".into(),
            Object::RegistrySecret(_) => "registry-secret.yaml".into(),
            Object::RegistrySealedSecret(_) => "registry-sealedsecret.yaml".into(),
            Object::Cluster(_) => "database-cluster.yaml".into(),
            Object::HeadlessService(_) => "service-headless.yaml".into(),
            Object::HorizontalPodAutoscaler(_) => "hpa.yaml".into(),
            Object::PodDisruptionBudget(_) => "pdb.yaml".into(),
            Object::ClusterIssuer(_) => "clusterissuer.yaml".into(),
            Object::Ingress(_) => "ingress.yaml".into(),
            Object::ReferenceGrant(_) => "referencegrant.yaml".into(),
            Object::Gateway(_) => "gateway.yaml".into(),
            Object::HttpRoute(_) => "httproute.yaml".into(),
            Object::HttpRedirect(_) => "httproute-redirect.yaml".into(),
            Object::NetworkPolicy(_) => "networkpolicy.yaml".into(),
            Object::PersistentVolumeClaim(o) => format!("pvc-{}.yaml", o.metadata.name),
            Object::FilesConfigMap(o) => format!("configmap-{}.yaml", o.metadata.name),
            Object::FilesSecret(o) => format!("secret-{}.yaml", o.metadata.name),
            Object::FilesSealedSecret(o) => format!("sealedsecret-{}.yaml", o.metadata.name),
            Object::Extra(extra) => extra.file_name(),
        }
    }

    /// The object's `kind`.
    pub fn kind(&self) -> &str {
        match self {
            Object::Namespace(_) => Namespace::KIND,
            Object::ServiceAccount(_) => ServiceAccount::KIND,
            Object::ConfigMap(_) | Object::FilesConfigMap(_) => ConfigMap::KIND,
            Object::Secret(_)
            | Object::DatabaseSecret(_)
            | Object::RegistrySecret(_)
            | Object::FilesSecret(_) => Secret::KIND,
            Object::SealedSecret(_)
            | Object::DatabaseSealedSecret(_)
            | Object::RegistrySealedSecret(_)
            | Object::FilesSealedSecret(_) => SealedSecret::KIND,
            Object::PersistentVolumeClaim(_) => PersistentVolumeClaim::KIND,
            Object::Deployment(_) => Deployment::KIND,
            Object::Service(_) | Object::HeadlessService(_) => Service::KIND,
            Object::Job(_) => Job::KIND,
            Object::CronJob(_) => CronJob::KIND,
            Object::Cluster(_) => Cluster::KIND,
            Object::HorizontalPodAutoscaler(_) => HorizontalPodAutoscaler::KIND,
            Object::PodDisruptionBudget(_) => PodDisruptionBudget::KIND,
            Object::ClusterIssuer(_) => ClusterIssuer::KIND,
            Object::Ingress(_) => Ingress::KIND,
            Object::ReferenceGrant(_) => ReferenceGrant::KIND,
            Object::Gateway(_) => Gateway::KIND,
            Object::HttpRoute(_) | Object::HttpRedirect(_) => HttpRoute::KIND,
            Object::NetworkPolicy(_) => NetworkPolicy::KIND,
            Object::Extra(o) => o.kind(),
        }
    }

    /// The object's `metadata.name`.
    pub fn name(&self) -> &str {
        match self {
            Object::Namespace(o) => &o.metadata.name,
            Object::ServiceAccount(o) => &o.metadata.name,
            Object::ConfigMap(o) | Object::FilesConfigMap(o) => &o.metadata.name,
            Object::Secret(o)
            | Object::DatabaseSecret(o)
            | Object::RegistrySecret(o)
            | Object::FilesSecret(o) => &o.metadata.name,
            Object::SealedSecret(o)
            | Object::DatabaseSealedSecret(o)
            | Object::RegistrySealedSecret(o)
            | Object::FilesSealedSecret(o) => &o.metadata.name,
            Object::PersistentVolumeClaim(o) => &o.metadata.name,
            Object::Deployment(o) => &o.metadata.name,
            Object::Service(o) | Object::HeadlessService(o) => &o.metadata.name,
            Object::Job(o) => &o.metadata.name,
            Object::CronJob(o) => &o.metadata.name,
            Object::Cluster(o) => &o.metadata.name,
            Object::HorizontalPodAutoscaler(o) => &o.metadata.name,
            Object::PodDisruptionBudget(o) => &o.metadata.name,
            Object::ClusterIssuer(o) => &o.metadata.name,
            Object::Ingress(o) => &o.metadata.name,
            Object::ReferenceGrant(o) => &o.metadata.name,
            Object::Gateway(o) => &o.metadata.name,
            Object::HttpRoute(o) | Object::HttpRedirect(o) => &o.metadata.name,
            Object::NetworkPolicy(o) => &o.metadata.name,
            Object::Extra(o) => o.name(),
        }
    }
}

/// All objects for a spec, in the order they must be applied: a Namespace before what lives in it,
/// the ConfigMap and Secret before the pods that read them, the database (its password Secret, then
/// the CloudNativePG Cluster) before the app that connects to it, then the Jobs (migrations run
/// before the new code), the Deployment and its Services, then the kept objects the user included.
/// Objects with nothing to hold (no env, no secrets, no namespace) are left out. A spec with a
/// sealing certificate is sealed with the operating system's CSPRNG (see [`objects_with`]).
pub fn objects(spec: &AppSpec) -> Vec<Object> {
    objects_with(spec, &mut Sealer::new(OsRng)).0
}

/// The objects as [`objects`] makes them, in the same order and shape, but with sealed values left
/// empty (see [`LayoutOnly`]): for the line map, annotations and diagram, which need only
/// kinds, names and keys, and run on every keystroke.
pub fn objects_layout(spec: &AppSpec) -> Vec<Object> {
    objects_with(spec, &mut LayoutOnly::default()).0
}

/// [`objects`], sealing with `sealer` (which remembers sealed values between calls). With sealing on,
/// the app's Secret and the database's are replaced by SealedSecrets; if the certificate cannot be
/// used, neither form is emitted (a plain Secret where the user asked for a sealed one could end up
/// committed) and the status says why.
pub fn objects_with<S: Seal + ?Sized>(spec: &AppSpec, sealer: &mut S) -> (Vec<Object>, SealStatus) {
    let mut out = Vec::new();
    out.extend(Namespace::from_spec(spec).map(Object::Namespace));
    // Before any pod starts, so none runs a moment without it.
    out.extend(NetworkPolicy::from_spec(spec).map(Object::NetworkPolicy));
    // Before the pods that run as it: a pod naming a missing account is refused.
    out.extend(ServiceAccount::from_spec(spec).map(Object::ServiceAccount));
    out.extend(ConfigMap::from_spec(spec).map(Object::ConfigMap));
    out.extend(
        volume::file_config_maps(spec)
            .into_iter()
            .map(Object::FilesConfigMap),
    );
    let status = secrets(spec, sealer, &mut out);
    out.extend(Cluster::from_spec(spec).map(Object::Cluster));
    // Before the pods that mount them: a pod naming a missing claim stays Pending.
    out.extend(
        spec.volumes
            .iter()
            .filter_map(|v| PersistentVolumeClaim::from_spec(spec, v))
            .map(Object::PersistentVolumeClaim),
    );
    // Jobs (migrations) before the Deployment: the new code must find the schema it expects, and
    // with maxUnavailable 0 the old pods are gone once the rollout is done.
    out.extend(
        spec.jobs
            .iter()
            .map(|job| Object::Job(Job::from_spec(spec, job))),
    );
    out.push(Object::Deployment(Deployment::from_spec(spec)));
    out.push(Object::Service(Service::from_spec(spec)));
    out.extend(Service::headless(spec).map(Object::HeadlessService));
    // After the Deployment it scales (the autoscaler waits for its target anyway).
    out.extend(HorizontalPodAutoscaler::from_spec(spec).map(Object::HorizontalPodAutoscaler));
    out.extend(PodDisruptionBudget::from_spec(spec).map(Object::PodDisruptionBudget));
    // Scheduled work runs the new code, so after the Deployment.
    out.extend(
        spec.cron_jobs
            .iter()
            .map(|cron| Object::CronJob(CronJob::from_spec(spec, cron))),
    );
    // The issuer before the Ingress that names it, so the certificate is requested at once.
    out.extend(ClusterIssuer::from_spec(spec).map(Object::ClusterIssuer));
    out.extend(Ingress::from_spec(spec).map(Object::Ingress));
    // The grant before the Gateway that uses it, the Gateway before the route that attaches to it.
    out.extend(ReferenceGrant::from_spec(spec).map(Object::ReferenceGrant));
    out.extend(Gateway::from_spec(spec).map(Object::Gateway));
    out.extend(HttpRoute::from_spec(spec).map(Object::HttpRoute));
    out.extend(HttpRoute::redirect_from_spec(spec).map(Object::HttpRedirect));
    // Only what the user included after review: a held object is in no file and no command.
    out.extend(spec.extra.iter().filter(|k| k.include).map(|kept| {
        Object::Extra(Extra {
            document: kept.object.clone(),
        })
    }));
    (out, status)
}

/// The Secrets (the app's, the database's, the registry login, the secret files'), or with sealing
/// on their SealedSecrets; and what became of the sealing.
fn secrets<S: Seal + ?Sized>(spec: &AppSpec, sealer: &mut S, out: &mut Vec<Object>) -> SealStatus {
    let options = &spec.secret_options.seal;
    let mut status = SealStatus::Off;
    if options.enabled() {
        sealer.next_render();
        status = match sealer.describe_key(&options.cert) {
            Ok(key) => SealStatus::Sealed(key),
            Err(message) => SealStatus::Failed(message),
        };
        let app = SealedSecret::from_spec(spec, sealer).map(|r| r.map(Object::SealedSecret));
        let database =
            SealedSecret::database(spec, sealer).map(|r| r.map(Object::DatabaseSealedSecret));
        let registry =
            SealedSecret::registry(spec, sealer).map(|r| r.map(Object::RegistrySealedSecret));
        let files = SealedSecret::files(spec, sealer)
            .into_iter()
            .map(|r| Some(r.map(Object::FilesSealedSecret)));
        let all = [app, database, registry].into_iter().chain(files);
        for sealed in all.flatten() {
            match sealed {
                Ok(object) => out.push(object),
                Err(message) => status = SealStatus::Failed(message),
            }
        }
    } else {
        out.extend(Secret::from_spec(spec).map(Object::Secret));
        out.extend(Secret::database(spec).map(Object::DatabaseSecret));
        out.extend(Secret::registry(spec).map(Object::RegistrySecret));
        out.extend(
            volume::file_secrets(spec)
                .into_iter()
                .map(Object::FilesSecret),
        );
    }
    status
}
