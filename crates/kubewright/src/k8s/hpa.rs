use serde::Serialize;

use super::{Deployment, ObjectMeta};
use crate::spec::AppSpec;

/// `autoscaling/v2 HorizontalPodAutoscaler` scaling the app's Deployment.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct HorizontalPodAutoscaler {
    pub api_version: &'static str,
    pub kind: &'static str,
    pub metadata: ObjectMeta,
    pub spec: HpaSpec,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct HpaSpec {
    pub scale_target_ref: ScaleTargetRef,
    pub min_replicas: i64,
    pub max_replicas: i64,
    pub metrics: Vec<Metric>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub behavior: Option<Behavior>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ScaleTargetRef {
    pub api_version: &'static str,
    pub kind: &'static str,
    pub name: String,
}

/// A `Resource` metric: average use of a resource, in percent of the pods' requests.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Metric {
    #[serde(rename = "type")]
    pub type_: &'static str,
    pub resource: ResourceMetric,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ResourceMetric {
    pub name: &'static str,
    pub target: MetricTarget,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct MetricTarget {
    #[serde(rename = "type")]
    pub type_: &'static str,
    pub average_utilization: i64,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Behavior {
    pub scale_down: ScalingRules,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ScalingRules {
    pub stabilization_window_seconds: i64,
}

impl HorizontalPodAutoscaler {
    /// The object's `kind`.
    pub const KIND: &str = "HorizontalPodAutoscaler";

    /// The autoscaler `<name>` for the app's Deployment, or `None` when autoscaling is off.
    pub fn from_spec(spec: &AppSpec) -> Option<Self> {
        let scaling = &spec.autoscaling;
        if !scaling.enabled {
            return None;
        }
        let metric = |name, percent| Metric {
            type_: "Resource",
            resource: ResourceMetric {
                name,
                target: MetricTarget {
                    type_: "Utilization",
                    average_utilization: percent,
                },
            },
        };
        let mut metrics = vec![metric("cpu", scaling.cpu_utilization)];
        metrics.extend(scaling.memory_utilization.map(|p| metric("memory", p)));
        Some(HorizontalPodAutoscaler {
            api_version: "autoscaling/v2",
            kind: Self::KIND,
            metadata: ObjectMeta::namespaced(spec, spec.app.name.clone()),
            spec: HpaSpec {
                scale_target_ref: ScaleTargetRef {
                    api_version: "apps/v1",
                    kind: Deployment::KIND,
                    name: spec.app.name.clone(),
                },
                min_replicas: scaling.min_replicas,
                max_replicas: scaling.max_replicas,
                metrics,
                behavior: scaling
                    .scale_down_stabilization_seconds
                    .map(|seconds| Behavior {
                        scale_down: ScalingRules {
                            stabilization_window_seconds: seconds,
                        },
                    }),
            },
        })
    }
}
