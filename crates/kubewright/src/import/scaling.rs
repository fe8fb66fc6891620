//! The app's HorizontalPodAutoscaler (`autoscaling/v2`, scaling the app's Deployment): its bounds,
//! its CPU and memory targets and its scale-down window. With it, the Deployment's own `replicas` is
//! left out, as the renderer writes it: applied, a fixed count would fight the autoscaler.

use serde_yaml::Value;

use super::doc::{Doc, Docs};
use super::ReportItem;
use crate::k8s;
use crate::spec::AppSpec;

/// Kubernetes' targets when an autoscaler names no metric: 80% CPU.
const DEFAULT_CPU: i64 = 80;

/// Reads the autoscaler of the app's Deployment, if there is one. `replicas` is the Deployment's
/// own count, when it had one.
pub(super) fn take(
    docs: &mut Docs,
    spec: &mut AppSpec,
    replicas: Option<i64>,
    report: &mut Vec<ReportItem>,
) {
    let app = spec.app.name.clone();
    let Some(mut doc) = docs.take(|d| {
        d.is(k8s::HorizontalPodAutoscaler::KIND)
            && d.api_version() == "autoscaling/v2"
            && d.tree
                .get("spec.scaleTargetRef.kind")
                .and_then(Value::as_str)
                == Some(k8s::Deployment::KIND)
            && d.tree
                .get("spec.scaleTargetRef.name")
                .and_then(Value::as_str)
                == Some(app.as_str())
    }) else {
        return;
    };
    doc.take_app_object(spec, report);
    let t = &mut doc.tree;
    t.take_if("spec.scaleTargetRef.apiVersion", "apps/v1");
    t.take("spec.scaleTargetRef.kind");
    t.take("spec.scaleTargetRef.name");
    let a = &mut spec.autoscaling;
    a.enabled = true;
    a.min_replicas = t.take_i64("spec.minReplicas").unwrap_or(1);
    a.max_replicas = t.take_i64("spec.maxReplicas").unwrap_or_default();
    a.scale_down_stabilization_seconds =
        t.take_i64("spec.behavior.scaleDown.stabilizationWindowSeconds");
    take_metrics(&mut doc, spec, report);
    if let Some(count) = replicas {
        report.push(ReportItem::adjusted(
            doc.tree.at("spec.scaleTargetRef"),
            format!(
                "the Deployment's replicas ({count}) is left out: the autoscaler sets the count, and each apply of a fixed one would reset it"
            ),
        ));
    }
    doc.finish(report);
}

/// The CPU and memory Utilization targets; other metrics stay in the report as dropped.
fn take_metrics(doc: &mut Doc, spec: &mut AppSpec, report: &mut Vec<ReportItem>) {
    let t = &mut doc.tree;
    let count = t.len("spec.metrics");
    let mut cpu = None;
    for i in 0..count {
        let at = format!("spec.metrics.{i}");
        let target = format!("{at}.resource.target");
        let resource = t
            .get(&format!("{at}.resource.name"))
            .and_then(Value::as_str);
        let utilization = t.get(&format!("{target}.type")).and_then(Value::as_str)
            == Some("Utilization")
            && t.get(&format!("{at}.type")).and_then(Value::as_str) == Some("Resource");
        let slot = match resource {
            Some("cpu") if utilization => &mut cpu,
            Some("memory") if utilization => &mut spec.autoscaling.memory_utilization,
            _ => continue,
        };
        *slot = t.take_i64(&format!("{target}.averageUtilization"));
        for field in ["type", "resource.name", "resource.target.type"] {
            t.take(&format!("{at}.{field}"));
        }
    }
    spec.autoscaling.cpu_utilization = match cpu {
        Some(percent) => percent,
        None if count == 0 => DEFAULT_CPU,
        None => {
            report.push(ReportItem::adjusted(
                t.at("spec.metrics"),
                format!("a CPU target of {DEFAULT_CPU}% is added: the form always scales on CPU"),
            ));
            DEFAULT_CPU
        }
    };
}
