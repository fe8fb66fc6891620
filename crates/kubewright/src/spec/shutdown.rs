use serde::{Deserialize, Serialize};

/// How a pod stops. When Kubernetes terminates a pod it sends SIGTERM at once, while the Service's
/// endpoints (kube-proxy, ingress controllers, load balancers) stop sending it traffic a moment
/// later: requests still arriving then hit a process that is shutting down. A preStop pause holds
/// SIGTERM back until the pod is out of rotation.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Shutdown {
    /// Seconds of the preStop pause (`lifecycle.preStop.sleep`, Kubernetes 1.30+: no `sleep`
    /// binary needed in the image); `None` adds no hook. Default none; 1 or more, at most the grace
    /// period.
    pub pre_stop_sleep_seconds: Option<i64>,
    /// Seconds between the start of termination and SIGKILL, the pause included;
    /// `None` keeps Kubernetes' default (30). Default none; 0 or more.
    pub termination_grace_period_seconds: Option<i64>,
}

/// Kubernetes' grace period when the pod names none.
pub const DEFAULT_GRACE_SECONDS: i64 = 30;

impl Shutdown {
    /// The grace period the pod gets.
    pub fn grace_seconds(&self) -> i64 {
        self.termination_grace_period_seconds
            .unwrap_or(DEFAULT_GRACE_SECONDS)
    }
}
