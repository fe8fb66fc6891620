//! The PodDisruptionBudget: its bound as the API server checks it, and a budget no drain can meet.

use super::workload::int_or_percent;
use crate::k8s::IntOrString;
use crate::spec::{AppSpec, BudgetLimit};
use crate::validate::{Finding, Fix, Rule, Severity};

pub const DISRUPTION_BUDGET: Rule = Rule {
    id: "disruption-budget",
    severity: Severity::Error,
    upstream: "ValidatePodDisruptionBudgetSpec (pkg/apis/policy/validation): minAvailable / \
               maxUnavailable a non-negative int or a percentage of at most 100%",
    check: |spec| {
        let budget = &spec.disruption_budget;
        if !budget.enabled {
            return Vec::new();
        }
        let name = budget.limit.as_str();
        let mut out = Vec::new();
        if let Err(e) = int_or_percent(&budget.value) {
            out.push(Finding::new(
                "disruption_budget.value",
                format!("{name}: {e}."),
            ));
        } else if percent(&budget.value).is_some_and(|p| p > 100) {
            out.push(Finding::new(
                "disruption_budget.value",
                format!("{name} cannot be more than 100%."),
            ));
        }
        out
    },
};

pub const BLOCKS_DRAIN: Rule = Rule {
    id: "pdb-blocks-drain",
    severity: Severity::Warning,
    upstream: "kube-linter pdb-min-available / pdb-max-unavailable: a budget no eviction can meet",
    check: |spec| {
        let budget = &spec.disruption_budget;
        if !budget.enabled || !blocks_every_drain(spec) {
            return Vec::new();
        }
        vec![Finding::new(
            "disruption_budget.value",
            format!(
                "{} {} with {} allows no pod to be evicted: every node drain and cluster upgrade \
                 waits forever for this app. Allow one pod down at a time instead.",
                budget.limit.as_str(),
                budget.value,
                count_text(spec)
            ),
        )
        .with_fix(Fix::Budget {
            limit: BudgetLimit::MaxUnavailable,
            value: "1".into(),
        })]
    },
};

/// The pods the budget counts when it matters most: the autoscaler's minimum, else the replicas.
fn pod_count(spec: &AppSpec) -> i64 {
    if spec.autoscaling.enabled {
        spec.autoscaling.min_replicas
    } else {
        spec.app.replicas
    }
}

fn count_text(spec: &AppSpec) -> String {
    if spec.autoscaling.enabled {
        format!(
            "at least {} pods (the autoscaler's minimum)",
            pod_count(spec)
        )
    } else {
        format!("{} replicas", pod_count(spec))
    }
}

fn percent(value: &str) -> Option<u64> {
    value.strip_suffix('%')?.parse().ok()
}

/// minAvailable at or above the pod count (or 100%), or maxUnavailable 0 (or 0%).
fn blocks_every_drain(spec: &AppSpec) -> bool {
    let budget = &spec.disruption_budget;
    let count = pod_count(spec);
    match (budget.limit, IntOrString::parse(&budget.value)) {
        (BudgetLimit::MinAvailable, IntOrString::Int(n)) => count > 0 && n >= count,
        (BudgetLimit::MinAvailable, IntOrString::String(_)) => percent(&budget.value) == Some(100),
        (BudgetLimit::MaxUnavailable, IntOrString::Int(n)) => n == 0,
        (BudgetLimit::MaxUnavailable, IntOrString::String(_)) => percent(&budget.value) == Some(0),
    }
}
