use serde::{Deserialize, Serialize};

use super::Label;

/// The app's identity and how the Deployment rolls it out.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct App {
    /// Name of the Deployment, Service and container, and the `app` label. Default `web`.
    /// Must be a DNS label (lowercase letters, digits, '-', at most 63 characters).
    pub name: String,
    /// Namespace every object goes into; also emitted as a Namespace object. Default `web`.
    /// Empty means "kubectl's current namespace" and no Namespace object.
    pub namespace: String,
    /// Extra labels on every object and pod, after `app: <name>`; never in selectors. Default none.
    pub labels: Vec<Label>,
    /// Number of pods. Default 2; 0 or more.
    pub replicas: i64,
    /// How many old ReplicaSets the Deployment keeps for rollback. Default 10; 0 or more.
    pub revision_history_limit: i64,
    /// How the Deployment replaces its pods: RollingUpdate, or Recreate (every old pod stops
    /// first: what a ReadWriteOnce claim needs). Default RollingUpdate.
    pub strategy: super::DeployStrategy,
    /// RollingUpdate maxSurge: extra pods allowed during a rollout, a whole number or a percentage
    /// such as `25%`. Default `25%`.
    pub max_surge: String,
    /// RollingUpdate maxUnavailable: pods that may be missing during a rollout, a whole number or a
    /// percentage. Default `0` (never drop below the desired count). Not both this and maxSurge 0.
    pub max_unavailable: String,
}

impl Default for App {
    fn default() -> Self {
        App {
            name: "web".into(),
            namespace: "web".into(),
            labels: Vec::new(),
            replicas: 2,
            revision_history_limit: 10,
            strategy: super::DeployStrategy::RollingUpdate,
            max_surge: "25%".into(),
            max_unavailable: "0".into(),
        }
    }
}
