//! The HorizontalPodAutoscaler: its bounds as the API server checks them, and the requests its
//! utilization targets are measured against.

use super::INT32_MAX;
use crate::spec::effective_request;
use crate::validate::{Finding, Fix, Rule, Severity};

/// `value` checked against `[min, max]`; the message names the field as the API does.
fn in_range(path: &str, what: &str, value: i64, min: i64, max: i64) -> Option<Finding> {
    if value < min {
        Some(Finding::new(
            path,
            format!("{what} is {value}; it must be at least {min}."),
        ))
    } else if value > max {
        Some(Finding::new(
            path,
            format!("{what} is {value}; the most is {max}."),
        ))
    } else {
        None
    }
}

pub const AUTOSCALING: Rule = Rule {
    id: "autoscaling",
    severity: Severity::Error,
    upstream: "ValidateHorizontalPodAutoscalerSpec (pkg/apis/autoscaling/validation): minReplicas >= 1, \
               maxReplicas >= minReplicas, averageUtilization > 0, stabilizationWindowSeconds 0-3600; int32",
    check: |spec| {
        let a = &spec.autoscaling;
        if !a.enabled {
            return Vec::new();
        }
        let mut out: Vec<Finding> = [
            in_range("autoscaling.min_replicas", "minReplicas", a.min_replicas, 1, INT32_MAX),
            in_range("autoscaling.max_replicas", "maxReplicas", a.max_replicas, 1, INT32_MAX),
            in_range(
                "autoscaling.cpu_utilization",
                "The CPU target",
                a.cpu_utilization,
                1,
                INT32_MAX,
            ),
            a.memory_utilization.and_then(|m| {
                in_range("autoscaling.memory_utilization", "The memory target", m, 1, INT32_MAX)
            }),
            a.scale_down_stabilization_seconds.and_then(|s| {
                in_range(
                    "autoscaling.scale_down_stabilization_seconds",
                    "The scale-down window",
                    s,
                    0,
                    3600,
                )
            }),
        ]
        .into_iter()
        .flatten()
        .collect();
        if a.max_replicas >= 1 && a.min_replicas >= 1 && a.max_replicas < a.min_replicas {
            out.push(Finding::new(
                "autoscaling.max_replicas",
                format!(
                    "maxReplicas ({}) is below minReplicas ({}); make it at least as large.",
                    a.max_replicas, a.min_replicas
                ),
            ));
        }
        out
    },
};

pub const AUTOSCALING_REQUESTS: Rule = Rule {
    id: "autoscaling-requests",
    severity: Severity::Error,
    upstream: "HPA controller (pkg/controller/podautoscaler/replica_calculator.go): \
               \"missing request for cpu\" - a Utilization target is a percentage of the request",
    check: |spec| {
        if !spec.autoscaling.enabled {
            return Vec::new();
        }
        let r = &spec.resources;
        let mut out = Vec::new();
        if effective_request(&r.requests.cpu, &r.limits.cpu).is_empty() {
            out.push(missing("autoscaling.cpu_utilization", "CPU", "cpu", "250m"));
        }
        if spec.autoscaling.memory_utilization.is_some()
            && effective_request(&r.requests.memory, &r.limits.memory).is_empty()
        {
            out.push(missing(
                "autoscaling.memory_utilization",
                "memory",
                "memory",
                "256Mi",
            ));
        }
        out
    },
};

fn missing(path: &str, what: &str, field: &str, value: &str) -> Finding {
    Finding::new(
        path,
        format!(
            "The autoscaler measures {what} use as a percentage of the {what} request, and the pods \
             have none: it would never scale. Set a {what} request (resources.requests.{field})."
        ),
    )
    .with_fix(Fix::Quantity {
        path: format!("resources.requests.{field}"),
        value: value.into(),
    })
}
