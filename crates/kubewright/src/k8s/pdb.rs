use serde::Serialize;

use super::deployment::LabelSelector;
use super::{IntOrString, ObjectMeta, Pairs};
use crate::spec::{AppSpec, BudgetLimit};

/// `policy/v1 PodDisruptionBudget` for the app's pods.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PodDisruptionBudget {
    pub api_version: &'static str,
    pub kind: &'static str,
    pub metadata: ObjectMeta,
    pub spec: PdbSpec,
}

/// Exactly one of the two bounds is set.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PdbSpec {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub min_available: Option<IntOrString>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max_unavailable: Option<IntOrString>,
    pub selector: LabelSelector,
}

impl PodDisruptionBudget {
    /// The object's `kind`.
    pub const KIND: &str = "PodDisruptionBudget";

    /// The budget `<name>` over the pods the Service selects, or `None` when it is off.
    pub fn from_spec(spec: &AppSpec) -> Option<Self> {
        let budget = &spec.disruption_budget;
        if !budget.enabled {
            return None;
        }
        let value = Some(IntOrString::parse(&budget.value));
        let (min_available, max_unavailable) = match budget.limit {
            BudgetLimit::MinAvailable => (value, None),
            BudgetLimit::MaxUnavailable => (None, value),
        };
        Some(PodDisruptionBudget {
            api_version: "policy/v1",
            kind: Self::KIND,
            metadata: ObjectMeta::namespaced(spec, spec.app.name.clone()),
            spec: PdbSpec {
                min_available,
                max_unavailable,
                // The Deployment's own selector: the budget counts exactly the app's pods (a
                // migration Job's pods carry another `app` label).
                selector: LabelSelector {
                    match_labels: Pairs(spec.selector_labels()),
                },
            },
        })
    }
}
