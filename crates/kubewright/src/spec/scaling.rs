use serde::{Deserialize, Serialize};

/// A HorizontalPodAutoscaler (`autoscaling/v2`) that sets the Deployment's replica count from the
/// pods' CPU (and optionally memory) use. With it on, the Deployment leaves `replicas` out: each
/// apply of a fixed count would reset what the autoscaler chose.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Autoscaling {
    /// Adds the HorizontalPodAutoscaler `<name>`. Default off.
    pub enabled: bool,
    /// Fewest pods. Default 2; 1 or more, at most `max_replicas`.
    pub min_replicas: i64,
    /// Most pods. Default 5; at least `min_replicas`.
    pub max_replicas: i64,
    /// Target average CPU use, in percent of the CPU request. Default 70; more than 0. Needs a CPU
    /// request (or limit).
    pub cpu_utilization: i64,
    /// Target average memory use, in percent of the memory request; `None` scales on CPU only.
    /// Default none; more than 0. Needs a memory request (or limit).
    pub memory_utilization: Option<i64>,
    /// Seconds of lower recommendations before it removes pods (scale-down stabilization window);
    /// `None` keeps Kubernetes' default (300). Default none; 0 to 3600.
    pub scale_down_stabilization_seconds: Option<i64>,
}

impl Default for Autoscaling {
    fn default() -> Self {
        Autoscaling {
            enabled: false,
            min_replicas: 2,
            max_replicas: 5,
            cpu_utilization: 70,
            memory_utilization: None,
            scale_down_stabilization_seconds: None,
        }
    }
}
