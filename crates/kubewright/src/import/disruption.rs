//! The app's PodDisruptionBudget (`policy/v1`, selecting exactly the app's pods): its one bound.

use serde_yaml::Value;

use super::doc::Docs;
use super::tree::scalar_text;
use super::ReportItem;
use crate::k8s;
use crate::spec::{AppSpec, BudgetLimit, APP_LABEL};

/// Reads the budget over the app's pods, if there is one with exactly one bound.
pub(super) fn take(docs: &mut Docs, spec: &mut AppSpec, report: &mut Vec<ReportItem>) {
    let app = spec.app.name.clone();
    let selector = "spec.selector.matchLabels";
    let Some(mut doc) = docs.take(|d| {
        let labels = d.tree.get(selector).and_then(Value::as_mapping);
        let bounds = ["spec.minAvailable", "spec.maxUnavailable"]
            .iter()
            .filter(|p| d.tree.get(p).is_some())
            .count();
        d.is(k8s::PodDisruptionBudget::KIND)
            && d.api_version() == "policy/v1"
            && bounds == 1
            && labels.is_some_and(|l| l.len() == 1)
            && d.tree
                .get(&format!("{selector}.{APP_LABEL}"))
                .and_then(Value::as_str)
                == Some(app.as_str())
    }) else {
        return;
    };
    doc.take_app_object(spec, report);
    let t = &mut doc.tree;
    t.take(&format!("{selector}.{APP_LABEL}"));
    let budget = &mut spec.disruption_budget;
    budget.enabled = true;
    for limit in BudgetLimit::ALL {
        let path = format!("spec.{}", limit.as_str());
        if let Some(value) = t.get(&path).and_then(scalar_text) {
            t.take(&path);
            budget.limit = limit;
            budget.value = value;
        }
    }
    doc.finish(report);
}
